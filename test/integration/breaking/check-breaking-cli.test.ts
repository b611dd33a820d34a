// `npm run check:breaking` itself, on one throwaway git repository with this
// project's specs and scripts: its exit codes (0 none, 1 breaking, 2 cannot
// compare), its messages, the reports it writes and the GitHub job summary.
// What counts as breaking is the unit tests' business (test/unit/breaking).
// History of the repository: the tag `older` holds DWS as the vendor's older
// revision describes it (no limits on the description); main adds the limits.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/apis.ts';
import { runChecked, runProcess } from '../../../scripts/lib/processes.ts';
import { DWS_DESCRIPTION } from '../../support/breaking-corpus.ts';

const DWS = 'specs/dws/openapi.yaml';
const DESCRIPTION_LIMITS = '          maxLength: 256\n          pattern: ^[^!<>\'=&"]*$\n';

let dir: string;

async function git(...args: string[]) {
  await runChecked('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: dir });
}

const read = (file: string) => readFileSync(join(dir, file), 'utf8');

/** Replaces `from` with `to` in a file of the repository, failing if it is not there. */
function edit(file: string, from: string, to: string) {
  const text = read(file);
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(join(dir, file), text.replace(from, to));
}

/** Runs the check with the working tree edited by `edits`, then puts the tree back as committed. */
async function checkBreaking(
  args: string[],
  { env = {}, edits = () => undefined }: { env?: Record<string, string>; edits?: () => void } = {},
) {
  edits();
  try {
    const { code, output } = await runProcess(process.execPath, ['--import', 'tsx', 'scripts/check-breaking.ts', ...args], {
      cwd: dir,
      env: { GITHUB_STEP_SUMMARY: '', ...env },
    });
    return { status: code, output };
  } finally {
    await git('checkout', '-q', '--', '.');
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'snapshot-apis-breaking-'));
  for (const entry of ['package.json', 'redocly.yaml', 'specs', 'scripts'])
    cpSync(resolve(repoRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(resolve(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ntest-results\nout\n');
  const current = read(DWS);
  edit(DWS, DESCRIPTION_LIMITS, '');
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'DWS as the older revision describes it');
  await git('tag', 'older');
  writeFileSync(join(dir, DWS), current);
  await git('commit', '-q', '-am', 'DWS: limits of the description');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check:breaking', () => {
  it('exits 0 against the merge base with main when nothing changed, and writes both reports to their default places', async () => {
    const { status, output } = await checkBreaking([]);
    expect(status, output).toBe(0);
    expect(output).toContain('No breaking change');
    expect(output).toContain('Reports: test-results/breaking/summary.md, test-results/breaking/report.json');
    expect(read('test-results/breaking/summary.md')).toMatch(
      /^## Spec changes for API callers\n\nNo breaking change against `[0-9a-f]{40}`/,
    );
    const report = JSON.parse(read('test-results/breaking/report.json')) as {
      breaking: number;
      apis: { api: string; changes: unknown[] }[];
    };
    expect(report.breaking).toBe(0);
    expect(report.apis.map((api) => [api.api, api.changes.length]).sort()).toEqual([
      ['cinder', 0],
      ['css', 0],
      ['dws', 0],
      ['evs', 0],
    ]);
  });

  it('exits 1 for changes that break callers, naming rule and path in the reports it was told to write and in the job summary', async () => {
    writeFileSync(join(dir, 'step-summary.md'), '# Earlier step\n');
    const { status, output } = await checkBreaking(['--base', 'older', '--markdown', 'out/summary.md', '--json', 'out/report.json'], {
      env: { GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md') },
    });
    expect(status, output).toBe(1);
    const report = JSON.parse(read('out/report.json')) as {
      base: string;
      breaking: number;
      apis: { api: string; changes: { verdict: string; rule: string; path: string }[] }[];
    };
    expect(report).toMatchObject({ base: 'older', breaking: 2 });
    expect(report.apis.find((api) => api.api === 'dws')!.changes).toEqual([
      expect.objectContaining({ verdict: 'breaking', rule: 'request-property-max-length-set', path: `${DWS_DESCRIPTION}.maxLength` }),
      expect.objectContaining({ verdict: 'breaking', rule: 'request-property-pattern-added', path: `${DWS_DESCRIPTION}.pattern` }),
    ]);
    const markdown = read('out/summary.md');
    expect(markdown).toContain('**2 breaking change(s)** against `older`');
    expect(markdown).toContain(
      `| ❌ breaking | \`request-property-max-length-set\` | maxLength 256 added | \`${DWS_DESCRIPTION}.maxLength\` |`,
    );
    expect(read('step-summary.md')).toBe(`# Earlier step\n${markdown}`);
  });

  it('exits 2 for an unknown git ref, saying so', async () => {
    const { status, output } = await checkBreaking(['--base', 'no-such-branch']);
    expect(status).toBe(2);
    expect(output).toContain('Could not compare: Unknown git ref "no-such-branch"');
  });

  it('exits 2 when a spec in the working tree does not parse, naming it', async () => {
    const { status, output } = await checkBreaking(['--base', 'main'], {
      edits: () => edit('specs/evs/openapi.yaml', 'paths:\n', 'paths: [\n'),
    });
    expect(status).toBe(2);
    expect(output).toContain('Could not compare: The evs spec in the working tree cannot be bundled');
  });

  it('exits 2 when an API exists on one side only, as after a rename', async () => {
    const { status, output } = await checkBreaking(['--base', 'main'], {
      edits: () => edit('redocly.yaml', '  cinder:\n', '  block-storage:\n'),
    });
    expect(status).toBe(2);
    expect(output).toContain('API cinder exists at main but not in the working tree (renamed to block-storage?)');
  });
});
