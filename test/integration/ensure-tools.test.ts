// scripts/ensure-tools.ts, which `npm test` runs first: it only looks when
// every tool is there, and installs a missing one with apt-get (as root) or
// stops with the command to run. apt-get and sudo are stand-ins on PATH here
// that record their arguments: the real ones would change the machine and need
// the network.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../scripts/lib/processes.ts';
import { installCommand } from '../../scripts/lib/tools.ts';

let bin = '';
let calls = '';
beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'ensure-tools-'));
  calls = join(bin, 'calls.log');
  for (const program of ['apt-get', 'sudo']) {
    // sudo always refuses, so a test never reaches the real apt-get through it.
    const exit = program === 'sudo' ? 1 : 0;
    writeFileSync(join(bin, program), `#!/bin/sh\necho "${program} $*" >> '${calls}'\nexit ${exit}\n`);
    chmodSync(join(bin, program), 0o755);
  }
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

async function ensureTools(env: Record<string, string> = {}) {
  writeFileSync(calls, '');
  const finished = await runProcess(process.execPath, ['--import', 'tsx', 'scripts/ensure-tools.ts'], {
    env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, ...env },
  });
  return {
    ...finished,
    calls: readFileSync(calls, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('apt-get')),
  };
}

describe('ensure-tools', () => {
  it('only looks when every tool is installed: exit 0, no apt-get', async () => {
    const { code, calls: aptGet, output } = await ensureTools();
    expect(code, output).toBe(0);
    expect(aptGet).toEqual([]);
  });

  it('installs a missing tool as root, or else stops with the command that installs it', async () => {
    const { code, calls: aptGet, output } = await ensureTools({ CHROMIUM_PATH: '/nonexistent/chromium' });
    // The stand-in installs nothing, so the tool is still missing and the run fails either way.
    expect(code).toBe(1);
    if (process.getuid?.() === 0) {
      expect(aptGet).toEqual(['apt-get update', 'apt-get install -y chromium']);
      expect(output).toContain('still missing after the installation');
    } else {
      expect(aptGet).toEqual([]);
      expect(output).toContain(installCommand(['chromium']));
    }
  });
});
