// `npm run mock` as a user runs it, and the Prism lifecycle underneath: the
// mocks start where the table says, answer, and are all gone after Ctrl-C or
// SIGTERM; a taken port or a bad port variable is a clear error.
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadApis } from '../../scripts/lib/apis.ts';
import { findFreePorts } from '../../scripts/lib/ports.ts';
import { startPrism } from '../../scripts/lib/prism.ts';
import { isRunning, runNpmScript, waitForOutput, type ScriptRun } from '../support/processes.ts';

const children: ChildProcess[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(blockers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** Whether the process is gone within `ms` (a stopping process takes a moment to exit). */
async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 100));
  }
  return true;
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/** `npm run mock` in its own process group (as a terminal runs it), with these port variables. */
function runMock(ports: Record<string, string>): ScriptRun {
  const run = runNpmScript('mock', ports, { ownGroup: true });
  children.push(run.child);
  return run;
}

async function tableOf(run: ScriptRun): Promise<{ api: string; url: string; pid: number }[]> {
  await waitForOutput(run, /Ctrl-C stops all mocks/);
  const rows = run.output().split('\n').filter((line) => /^\w+\s+http:\/\/127\.0\.0\.1:\d+\s/.test(line));
  return rows.map((row) => {
    const cells = row.split(/\s+/);
    return { api: cells[0]!, url: cells[1]!, pid: Number(cells[cells.length - 1]) };
  });
}

async function portVariables(): Promise<Record<string, string>> {
  const apis = loadApis();
  const ports = await findFreePorts(apis.length);
  return Object.fromEntries(apis.map((api, index) => [`MOCK_PORT_${api.name.toUpperCase()}`, String(ports[index])]));
}

describe('npm run mock', () => {
  for (const [how, stop] of [
    ['Ctrl-C', (run: ScriptRun) => process.kill(-run.child.pid!, 'SIGINT')],
    ['SIGTERM', (run: ScriptRun) => run.child.kill('SIGTERM')],
  ] as const) {
    it(`serves every API where its table says, and leaves nothing running after ${how}`, async () => {
      const ports = await portVariables();
      const run = runMock(ports);
      const table = await tableOf(run);
      expect(table.map((row) => row.api)).toEqual(loadApis().map((api) => api.name));
      expect(table.map((row) => row.url)).toEqual(Object.values(ports).map((port) => `http://127.0.0.1:${port}`));
      const unauthenticated = await fetch(`${table[0]!.url}/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ snapshot: { name: 'snapshot-3', cluster_id: '44b277eb-39be-4921-be31-3d61b43651d7' } }),
      });
      expect(unauthenticated.status).toBe(401);

      stop(run);
      // npm itself may die of the signal too, so its exit code says little; what counts is what is left.
      await run.exit;
      expect(run.output()).not.toMatch(/stopped unexpectedly/);
      for (const { pid, url } of table) {
        expect(await goneWithin(pid, 10_000), `Prism ${pid} still running 10 s after ${how}`).toBe(true);
        expect(await answers(url), `${url} still answers`).toBe(false);
      }
    });
  }

  it('refuses a port that is taken, naming the port and the variable that moves it', async () => {
    const ports = await portVariables();
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((done) => blocker.listen(Number(ports['MOCK_PORT_CSS']), '127.0.0.1', done));
    const run = runMock(ports);
    expect(await run.exit).not.toBe(0);
    expect(run.output()).toContain(`Port ${ports['MOCK_PORT_CSS']} (css mock) is already in use`);
    expect(run.output()).toContain('MOCK_PORT_CSS=<free port>');
    expect(await answers(`http://127.0.0.1:${ports['MOCK_PORT_DWS']}`)).toBe(false);
  });

  it('refuses a port variable that is not a port', async () => {
    const run = runMock({ ...(await portVariables()), MOCK_PORT_EVS: 'eighty' });
    expect(await run.exit).not.toBe(0);
    expect(run.output()).toContain('MOCK_PORT_EVS="eighty" is not a port number');
  });
});

describe('a Prism started by the project', () => {
  it('is gone, process and port, once stopped', async () => {
    const [port] = await findFreePorts(1);
    const prism = await startPrism({ spec: loadApis()[0]!.root, port: port! });
    expect(isRunning(prism.pid)).toBe(true);
    await prism.stop();
    expect(isRunning(prism.pid)).toBe(false);
    expect(await answers(prism.url)).toBe(false);
  });
});
