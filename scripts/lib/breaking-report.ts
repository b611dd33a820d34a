// The Markdown summary of a breaking-change comparison, for a PR comment or a
// GitHub job summary: a verdict line, then each API's changes by operation,
// each with the ID of its rule (docs/breaking-rules.md).
import type { Change } from './breaking.ts';

export interface ApiReport {
  api: string;
  spec: string;
  /** The API is new: nothing to break. */
  added: boolean;
  changes: Change[];
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderMarkdown(base: string, reports: ApiReport[]): string {
  const breaking = reports.reduce((count, report) => count + report.changes.filter((change) => change.verdict === 'breaking').length, 0);
  const compatible = reports.reduce(
    (count, report) => count + report.changes.filter((change) => change.verdict === 'compatible').length,
    0,
  );
  const lines = [
    '## Spec changes for API callers',
    '',
    breaking > 0
      ? `**${breaking} breaking change(s)** against \`${base}\` (and ${compatible} compatible).`
      : `No breaking change against \`${base}\` (${compatible} compatible change(s)).`,
    '',
  ];
  if (breaking + compatible > 0) lines.push('Each rule ID is explained, with an example, in `docs/breaking-rules.md`.', '');
  for (const report of reports) {
    if (report.added) {
      lines.push(`### ${report.api}`, '', `New API (\`${report.spec}\`): nothing to break.`, '');
      continue;
    }
    if (report.changes.length === 0) {
      lines.push(`### ${report.api}`, '', 'No change.', '');
      continue;
    }
    const count = report.changes.filter((change) => change.verdict === 'breaking').length;
    lines.push(`### ${report.api}: ${count > 0 ? `${count} breaking` : 'compatible'}`, '');
    for (const operation of [...new Set(report.changes.map((change) => change.operation))]) {
      lines.push(`#### \`${operation}\``, '', '| | Rule | Change | Path |', '| --- | --- | --- | --- |');
      const sorted = report.changes
        .filter((change) => change.operation === operation)
        .sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === 'breaking' ? -1 : 1));
      for (const change of sorted) {
        lines.push(
          `| ${change.verdict === 'breaking' ? '❌ breaking' : '✅ compatible'} | \`${change.rule}\` | ${escapeCell(change.message)} | \`${escapeCell(change.path)}\` |`,
        );
      }
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
