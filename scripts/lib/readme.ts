// The README's table of operations, rendered from the specs, so it can never
// list an operation the specs do not have (or miss one they do). `npm run
// generate` writes it between the markers; a unit test holds the README to it.
import { format, resolveConfig } from 'prettier';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from './apis.ts';
import type { OpenApiDocument } from './bundle.ts';
import { operationsOf, successStatusOf } from './operations.ts';

export const OPERATIONS_START = '<!-- operations:start (npm run generate writes this table from the specs) -->';
export const OPERATIONS_END = '<!-- operations:end -->';

const README = resolve(repoRoot, 'README.md');

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The table as Prettier lays it out, so that formatting the README changes nothing. */
export async function operationsTable(specs: { name: string; document: OpenApiDocument }[]): Promise<string> {
  return (await format(rawTable(specs), { ...(await resolveConfig(README)), filepath: README })).trim();
}

function rawTable(specs: { name: string; document: OpenApiDocument }[]): string {
  const rows = specs.flatMap(({ name, document }) =>
    operationsOf(document).map(({ method, path, operation }) => {
      const title = (document['info'] as { title: string }).title;
      return `| ${cell(title)} | \`${String(operation['operationId'])}\`: ${cell(String(operation['summary']))} | \`${method.toUpperCase()} ${path}\` | ${successStatusOf(operation)} | [${name}](generated/openapi/${name}.yaml) |`;
    }),
  );
  return ['| Service | Operation | Method and path | Success | Spec |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** `text` with what lies between the markers `start` and `end` replaced; throws, naming `file`, when a marker is missing. */
export function replaceBetween(text: string, [start, end]: readonly [string, string], content: string, file: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`${file} has no ${start} ... ${end} section; put the markers where the content goes.`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

/** The README with its operations table replaced; throws when the markers are missing. */
export function withOperationsTable(readme: string, table: string): string {
  return replaceBetween(readme, [OPERATIONS_START, OPERATIONS_END], table, 'README.md');
}

/** README.md as it is on disk, and as it reads with the table of these specs' operations. */
export async function readmeWithTable(
  specs: { name: string; document: OpenApiDocument }[],
): Promise<{ path: string; now: string; wanted: string }> {
  const now = readFileSync(README, 'utf8');
  return { path: README, now, wanted: withOperationsTable(now, await operationsTable(specs)) };
}
