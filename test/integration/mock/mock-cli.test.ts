// `npm run mock` as a user runs it: the mocks start where the table says,
// answer, and are all gone after SIGTERM or Ctrl-C; a taken port, a bad port
// variable, an unknown log level or an unknown API name is a clear error. The
// run with every API is the one the contract tests use (global-setup.ts):
// started once, for all of them, and checked here.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { loadApis } from '../../../scripts/lib/apis.ts';
import { MOCKS_READY, portVariables, readMockTable } from '../../../scripts/lib/mock-cli.ts';
import { findFreePorts, listenOnLoopback } from '../../../scripts/lib/ports.ts';
import { isRunning, startProcess, type RunningProcess } from '../../../scripts/lib/processes.ts';

const runs: RunningProcess[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  for (const run of runs.splice(0)) {
    try {
      process.kill(-run.pid, 'SIGKILL'); // the whole group: npm, the script and its Prisms
    } catch {
      // already gone
    }
  }
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

/** `npm run mock -- <apis>` in its own process group (as a terminal runs it), with these port variables. */
function runMock(ports: Record<string, string>, apis: string[] = []): RunningProcess {
  const run = startProcess('npm', ['run', 'mock', '--', ...apis], { env: ports, detached: true });
  runs.push(run);
  return run;
}

async function tableOf(run: RunningProcess) {
  await run.waitFor(MOCKS_READY);
  return readMockTable(run.output());
}

/** Port variables that put every API on a port that is free. */
async function freePortVariables(): Promise<Record<string, string>> {
  const apis = loadApis();
  return portVariables(apis, await findFreePorts(apis.length));
}

/** Stops a run and checks that neither its Prisms nor their ports are left. */
async function expectAllGone(run: RunningProcess, table: { url: string; pid: number }[], how: string) {
  // npm itself may die of the signal too, so its exit code says little; what counts is what is left.
  await run.exited;
  expect(run.output()).not.toMatch(/stopped unexpectedly/);
  for (const { pid, url } of table) {
    expect(await goneWithin(pid, 10_000), `Prism ${pid} still running 10 s after ${how}`).toBe(true);
    expect(await answers(url), `${url} still answers`).toBe(false);
  }
}

describe('npm run mock', () => {
  it('serves every API where its table says and holds requests to the spec (the run the contract tests use)', async () => {
    const mocks = inject('mocks');
    expect(Object.keys(mocks)).toEqual(loadApis().map((api) => api.name));
    for (const { url, pid } of Object.values(mocks)) {
      expect(isRunning(pid)).toBe(true);
      expect(await answers(url), `${url} answers`).toBe(true);
    }
    const unauthenticated = await fetch(`${mocks['dws']!.url}/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ snapshot: { name: 'snapshot-3', cluster_id: '44b277eb-39be-4921-be31-3d61b43651d7' } }),
    });
    expect(unauthenticated.status).toBe(401);
  });

  it('leaves nothing running after SIGTERM', async () => {
    const ports = await freePortVariables();
    const run = runMock(ports, ['css']);
    const table = await tableOf(run);
    expect(table.map((row) => `${row.api} ${row.url}`)).toEqual([`css http://127.0.0.1:${ports['MOCK_PORT_CSS']}`]);

    run.child.kill('SIGTERM');
    await expectAllGone(run, table, 'SIGTERM');
  });

  it('serves only the APIs named on the command line, and leaves nothing running after Ctrl-C', async () => {
    const ports = await freePortVariables();
    const run = runMock(ports, ['cinder']);
    const table = await tableOf(run);
    expect(table.map((row) => `${row.api} ${row.url}`)).toEqual([`cinder http://127.0.0.1:${ports['MOCK_PORT_CINDER']}`]);
    expect(await answers(`http://127.0.0.1:${ports['MOCK_PORT_DWS']}`)).toBe(false);

    // Ctrl-C reaches every process of the terminal's group.
    process.kill(-run.pid, 'SIGINT');
    await expectAllGone(run, table, 'Ctrl-C');
  });

  it('refuses a port that is taken, naming the port and the variable that moves it', async () => {
    const ports = await freePortVariables();
    const blocker = createServer();
    blockers.push(blocker);
    await listenOnLoopback(blocker, Number(ports['MOCK_PORT_CSS']));
    const { code, output } = await runMock(ports).exited;
    expect(code).not.toBe(0);
    expect(output).toContain(`Port ${ports['MOCK_PORT_CSS']} (css mock) is already in use`);
    expect(output).toContain('MOCK_PORT_CSS=<free port>');
    expect(await answers(`http://127.0.0.1:${ports['MOCK_PORT_DWS']}`)).toBe(false);
  });

  it('refuses a port variable that is not a port', async () => {
    const { code, output } = await runMock({ ...(await freePortVariables()), MOCK_PORT_EVS: 'eighty' }).exited;
    expect(code).not.toBe(0);
    expect(output).toContain('MOCK_PORT_EVS="eighty" is not a port number');
  });

  it('refuses a log level it does not know, naming the ones it does', async () => {
    const { code, output } = await runMock({ ...(await freePortVariables()), MOCK_LOG_LEVEL: 'debug' }).exited;
    expect(code).not.toBe(0);
    expect(output).toContain('MOCK_LOG_LEVEL="debug" is not a log level; set it to info or warn.');
  });

  it('refuses an API name it does not know, listing the ones it does', async () => {
    const { code, output } = await runMock(await freePortVariables(), ['cinder', 'nova']).exited;
    expect(code).not.toBe(0);
    expect(output).toContain('Unknown API "nova". Name any of: dws, cinder, css, evs (or none, for all).');
  });
});
