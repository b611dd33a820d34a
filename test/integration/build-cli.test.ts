// `npm run lint`, `npm run build` and `npm run generate:check`, run for real on
// a copy of the repository: a clean copy builds, reproduces the committed
// generated/ byte for byte (twice), and a broken or changed spec fails with
// its file, line and rule, or with the stale files and the fixing command.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/apis.ts';
import { runProcess } from '../../scripts/lib/processes.ts';

const COPIED = [
  'package.json',
  'tsconfig.json',
  // `npm run generate` writes the table of operations into it.
  'README.md',
  'redocly.yaml',
  '.spectral.yaml',
  '.prettierrc.json',
  '.prettierignore',
  'specs',
  'lint',
  'scripts',
  'src',
  'generated',
];
const copies: string[] = [];

function copyOfRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-apis-'));
  copies.push(dir);
  for (const entry of COPIED) cpSync(resolve(repoRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(resolve(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

async function npmRun(dir: string, script: string): Promise<{ status: number | null; output: string }> {
  const { code, output } = await runProcess('npm', ['run', script], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: code, output };
}

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('passes on a clean copy, reproducing the committed generated/ files', async () => {
    const dir = copyOfRepo();
    const build = await npmRun(dir, 'build');
    expect(build.status, build.output).toBe(0);
    // The build generated once; the check renders again and compares: the same bytes twice.
    const check = await npmRun(dir, 'generate:check');
    expect(check.status, check.output).toBe(0);
    expect(check.output).toMatch(/generated\/ is up to date/);
  });

  it('fails on a spec that breaks a project rule, naming file, line and rule', async () => {
    const dir = copyOfRepo();
    edit(
      dir,
      'specs/evs/openapi.yaml',
      '`autobk_snapshot_`, the prefix of the snapshots the system makes during backups.\n          maxLength: 64\n',
      '`autobk_snapshot_`.\n',
    );
    const { status, output } = await npmRun(dir, 'build');
    expect(status).not.toBe(0);
    expect(output).toMatch(/specs\/evs\/openapi\.yaml/);
    expect(output).toMatch(/\d+:\d+\s+error\s+request-string-constrained/);
  });
});

describe('npm run lint', () => {
  it('fails on a spec that does not parse, naming file, line and rule', async () => {
    const dir = copyOfRepo();
    edit(dir, 'specs/dws/openapi.yaml', '  version: 1.0.0\n', '  version: 1.0.0\n   summary: [unclosed\n');
    const { status, output } = await npmRun(dir, 'lint');
    expect(status).not.toBe(0);
    expect(output).toMatch(/specs\/dws\/openapi\.yaml/);
    expect(output).toMatch(/\d+:\d+\s+error\s+parser/);
  });

  it('fails when Redocly finds a problem Spectral does not check, naming file, line and rule', async () => {
    const dir = copyOfRepo();
    edit(dir, 'specs/css/openapi.yaml', "      summary: Start a manual snapshot of a cluster's indices\n", '');
    const { status, output } = await npmRun(dir, 'lint');
    expect(status).not.toBe(0);
    expect(output).toMatch(/specs\/css\/openapi\.yaml:\d+:\d+/);
    expect(output).toMatch(/operation-summary/);
  });
});

describe('npm run generate:check', () => {
  it('fails when a spec changed without regenerating, naming the stale files and the fix', async () => {
    const dir = copyOfRepo();
    edit(
      dir,
      'specs/evs/openapi.yaml',
      'Snapshot description, up to 85 characters.\n          maxLength: 85',
      'Snapshot description, up to 86 characters.\n          maxLength: 86',
    );
    const { status, output } = await npmRun(dir, 'generate:check');
    expect(status).not.toBe(0);
    expect(output).toMatch(/stale\s+generated\/openapi\/evs\.json/);
    expect(output).toMatch(/stale\s+generated\/evs\/types\.ts/);
    expect(output).not.toMatch(/generated\/dws/);
    expect(output).toMatch(/run `npm run generate`/);
  });

  it('names a generated file that no spec produces any more', async () => {
    const dir = copyOfRepo();
    writeFileSync(join(dir, 'generated/dws/leftover.ts'), 'export {};\n');
    const { status, output } = await npmRun(dir, 'generate:check');
    expect(status).not.toBe(0);
    expect(output).toMatch(/extra\s+generated\/dws\/leftover\.ts/);
  });
});
