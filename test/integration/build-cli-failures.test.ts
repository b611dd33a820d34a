// `npm run build` and `npm run generate:check` on a copy of the repository
// with broken or changed specs: each fails, naming the file, line and rule,
// or the stale files and the command that fixes them; and `npm run lint`
// asked for a linter it does not have.
// (Apart from build-cli.test.ts, so that the two files run side by side.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../scripts/lib/processes.ts';
import { edit, removeCopies, sharedRun } from '../support/repo-copy.ts';

afterAll(removeCopies);

describe('npm run build on broken specs', () => {
  // In one copy: a spec that breaks a project rule (DWS), one with a problem only Redocly checks (CSS), and one
  // that does not parse (EVS, the last: Redocly stops at a spec it cannot parse). Spectral and Redocly both run,
  // so one build reports all three.
  const brokenBuild = sharedRun((dir) => {
    edit(
      dir,
      'specs/dws/openapi.yaml',
      '          minLength: 1\n          maxLength: 64\n          examples:\n            - 44b277eb',
      '          examples:\n            - 44b277eb',
    );
    edit(dir, 'specs/css/openapi.yaml', "      summary: Start a manual snapshot of a cluster's indices\n", '');
    edit(dir, 'specs/evs/openapi.yaml', '  version: 2.0.0\n', '  version: 2.0.0\n   summary: [unclosed\n');
  }, 'build');

  // Spectral lists each file's findings, with line and column, under its name.
  it('fails on a spec that breaks a project rule, naming file, line and rule', async () => {
    const { status, output } = await brokenBuild();
    expect(status).not.toBe(0);
    expect(output).toMatch(/specs\/dws\/openapi\.yaml\n(?:\s*\d+:\d+ .*\n)*\s*\d+:\d+\s+error\s+request-string-constrained/);
  });

  it('fails on a spec that does not parse, naming file, line and rule', async () => {
    const { status, output } = await brokenBuild();
    expect(status).not.toBe(0);
    expect(output).toMatch(/specs\/evs\/openapi\.yaml\n(?:\s*\d+:\d+ .*\n)*\s*\d+:\d+\s+error\s+parser/);
  });

  it('fails when Redocly finds a problem Spectral does not check, naming file, line and rule', async () => {
    const { status, output } = await brokenBuild();
    expect(status).not.toBe(0);
    expect(output).toMatch(/specs\/css\/openapi\.yaml:\d+:\d+/);
    expect(output).toMatch(/operation-summary/);
  });

  it('leaves the formatting check and the generation for once the specs pass', async () => {
    const { output } = await brokenBuild();
    expect(output).toContain('lint: formatting not checked until the specs pass.');
    expect(output).not.toContain('Checking formatting');
    expect(output).not.toMatch(/generated \d+ files under generated\//);
  });
});

describe('npm run lint', () => {
  it('refuses a linter it does not know, listing the ones it does', async () => {
    const { code, output } = await runProcess('npm', ['run', 'lint', '--', 'spectral', 'eslint']);
    expect(code).toBe(2);
    expect(output).toContain('Unknown linter "eslint". Name any of: spectral, redocly, format (or none, for all).');
  });
});

describe('npm run generate:check', () => {
  // A changed EVS spec and a leftover DWS file, in one copy.
  const staleCheck = sharedRun((dir) => {
    edit(
      dir,
      'specs/evs/openapi.yaml',
      'Snapshot description, up to 85 characters.\n          maxLength: 85',
      'Snapshot description, up to 86 characters.\n          maxLength: 86',
    );
    writeFileSync(join(dir, 'generated/dws/leftover.ts'), 'export {};\n');
  }, 'generate:check');

  it('fails when a spec changed without regenerating, naming the stale files and the fix', async () => {
    const { status, output } = await staleCheck();
    expect(status).not.toBe(0);
    expect(output).toMatch(/stale\s+generated\/openapi\/evs\.json/);
    expect(output).toMatch(/stale\s+generated\/evs\/types\.ts/);
    expect(output).not.toMatch(/stale\s+generated\/(openapi\/)?dws/);
    expect(output).toMatch(/run `npm run generate`/);
  });

  it('names a generated file that no spec produces any more', async () => {
    const { status, output } = await staleCheck();
    expect(status).not.toBe(0);
    expect(output).toMatch(/extra\s+generated\/dws\/leftover\.ts/);
  });
});
