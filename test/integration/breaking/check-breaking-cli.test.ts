// `npm run check:breaking` on a throwaway git repository with this project's
// specs: its exit codes (0 none, 1 breaking, 2 cannot compare), its messages and
// its Markdown and JSON reports.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/apis.ts';
import { bundleSpec } from '../../../scripts/lib/bundle.ts';
import { runChecked, runProcess } from '../../../scripts/lib/processes.ts';

const repos: string[] = [];
afterEach(() => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function git(dir: string, ...args: string[]) {
  await runChecked('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: dir });
}

/** A git repository holding this project's specs and scripts, with one commit on main. */
async function repository(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-apis-breaking-'));
  repos.push(dir);
  for (const entry of ['package.json', 'redocly.yaml', 'specs', 'scripts'])
    cpSync(resolve(repoRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(resolve(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ntest-results\n');
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'specs');
  return dir;
}

function edit(dir: string, file: string, from: string, to: string) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

async function checkBreaking(dir: string, ...args: string[]) {
  const { code, output } = await runProcess(process.execPath, ['--import', 'tsx', 'scripts/check-breaking.ts', ...args], {
    cwd: dir,
    env: { GITHUB_STEP_SUMMARY: '' },
  });
  return { status: code, output };
}

const DESCRIPTION_LIMITS = '          maxLength: 256\n          pattern: ^[^!<>\'=&"]*$\n';

describe('npm run check:breaking', () => {
  it('exits 0 and says so when nothing changed since the merge base with main', async () => {
    const dir = await repository();
    const { status, output } = await checkBreaking(dir);
    expect(status, output).toBe(0);
    expect(output).toContain('No breaking change');
    expect(readFileSync(join(dir, 'test-results/breaking/summary.md'), 'utf8')).toContain('No breaking change');
    expect(JSON.parse(readFileSync(join(dir, 'test-results/breaking/report.json'), 'utf8'))).toMatchObject({ breaking: 0 });
  });

  it('exits 1 for the DWS document of the older revision against the newer one, with the paths in both reports', async () => {
    const dir = await repository();
    edit(dir, 'specs/dws/openapi.yaml', DESCRIPTION_LIMITS, '');
    await git(dir, 'commit', '-q', '-am', 'DWS as the older revision describes it');
    await git(dir, 'tag', 'older');
    edit(dir, 'specs/dws/openapi.yaml', "          default: ''", `${DESCRIPTION_LIMITS.trimEnd()}\n          default: ''`);
    const { status, output } = await checkBreaking(dir, '--base', 'older', '--markdown', 'out/summary.md', '--json', 'out/report.json');
    expect(status, output).toBe(1);
    const at =
      "$.paths['/v1.0/{project_id}/snapshots'].post.requestBody.content['application/json'].schema.properties.snapshot.properties.description";
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as {
      breaking: number;
      apis: { api: string; changes: { verdict: string; rule: string; path: string }[] }[];
    };
    expect(report.breaking).toBe(2);
    expect(report.apis.find((api) => api.api === 'dws')!.changes.filter((change) => change.verdict === 'breaking')).toEqual([
      expect.objectContaining({ rule: 'request.maxLength.added', path: `${at}.maxLength` }),
      expect.objectContaining({ rule: 'request.pattern.added', path: `${at}.pattern` }),
    ]);
    const markdown = readFileSync(join(dir, 'out/summary.md'), 'utf8');
    expect(markdown).toContain('**2 breaking change(s)**');
    expect(markdown).toContain('`POST /v1.0/{project_id}/snapshots`');
    expect(markdown).toContain(`\`${at}.maxLength\``);
  });

  it('exits 0 when a spec is rewritten as one bundled, dereferenced file', async () => {
    const dir = await repository();
    const bundled = await bundleSpec(join(dir, 'specs/css/openapi.yaml'), { dereference: true });
    writeFileSync(join(dir, 'specs/css/openapi.yaml'), JSON.stringify(bundled, null, 2));
    const { status, output } = await checkBreaking(dir, '--base', 'main');
    expect(status, output).toBe(0);
    expect(output).toMatch(/### css\n\nNo change\./);
  });

  it('exits 2 for an unknown git ref, saying so', async () => {
    const { status, output } = await checkBreaking(await repository(), '--base', 'no-such-branch');
    expect(status).toBe(2);
    expect(output).toContain('Unknown git ref "no-such-branch"');
  });

  it('exits 2 when a spec does not parse, naming it', async () => {
    const dir = await repository();
    edit(dir, 'specs/evs/openapi.yaml', 'paths:\n', 'paths: [\n');
    const { status, output } = await checkBreaking(dir, '--base', 'main');
    expect(status).toBe(2);
    expect(output).toMatch(/evs spec in the working tree cannot be bundled/);
  });

  it('exits 2 when an API is missing on one side, as after a rename', async () => {
    const dir = await repository();
    edit(dir, 'redocly.yaml', '  cinder:\n', '  block-storage:\n');
    const { status, output } = await checkBreaking(dir, '--base', 'main');
    expect(status).toBe(2);
    expect(output).toContain('API cinder exists at main but not in the working tree (renamed to block-storage?)');
  });
});
