// `npm run build`, `npm run lint` and `npm run generate:check` on a copy of the
// repository with a broken or changed spec: each fails, naming the file, line
// and rule, or the stale files and the command that fixes them.
// (Apart from build-cli.test.ts, so that the two files run side by side.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfRepo, edit, npmRun, removeCopies, sharedRun } from '../support/repo-copy.ts';

afterAll(removeCopies);

describe('npm run build on broken specs', () => {
  // A spec that breaks a project rule (EVS) and one that does not parse (DWS), in one copy.
  const brokenBuild = sharedRun((dir) => {
    edit(
      dir,
      'specs/evs/openapi.yaml',
      '`autobk_snapshot_`, the prefix of the snapshots the system makes during backups.\n          maxLength: 64\n',
      '`autobk_snapshot_`.\n',
    );
    edit(dir, 'specs/dws/openapi.yaml', '  version: 1.0.0\n', '  version: 1.0.0\n   summary: [unclosed\n');
  }, 'build');

  it('fails on a spec that breaks a project rule, naming file, line and rule', async () => {
    const { status, output } = await brokenBuild();
    expect(status).not.toBe(0);
    expect(output).toMatch(/specs\/evs\/openapi\.yaml/);
    expect(output).toMatch(/\d+:\d+\s+error\s+request-string-constrained/);
  });

  it('fails on a spec that does not parse, naming file, line and rule', async () => {
    const { status, output } = await brokenBuild();
    expect(status).not.toBe(0);
    expect(output).toMatch(/specs\/dws\/openapi\.yaml/);
    expect(output).toMatch(/\d+:\d+\s+error\s+parser/);
  });
});

describe('npm run lint', () => {
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
