// `npm run docs` as a user runs it: it serves the docs on the port given and
// says where; a taken port is a clear error.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePorts } from '../../../scripts/lib/ports.ts';
import { startProcess, type RunningProcess } from '../../../scripts/lib/processes.ts';

const runs: RunningProcess[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  await Promise.all(runs.splice(0).map((run) => run.stop()));
  await Promise.all(blockers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

function runDocs(port: number) {
  const run = startProcess('npm', ['run', 'docs'], { env: { DOCS_PORT: String(port) } });
  runs.push(run);
  return run;
}

describe('npm run docs', () => {
  it('serves the docs on localhost and prints the URL, until SIGTERM', async () => {
    const [port] = await findFreePorts(1);
    const run = runDocs(port!);
    const url = (await run.waitFor(/Serving generated\/docs\/ at (\S+)/))[1]!;
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Snapshot APIs');
    expect((await fetch(`${url}dws.html`)).status).toBe(200);
    expect((await fetch(`${url}../package.json`)).status).toBe(404);

    await run.stop();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a port that is taken, naming the port and DOCS_PORT', async () => {
    const [port] = await findFreePorts(1);
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', done));
    const { code, output } = await runDocs(port!).exited;
    expect(code).not.toBe(0);
    expect(output).toContain(`Port ${port} (docs server) is already in use`);
    expect(output).toContain('DOCS_PORT=<free port>');
  });
});
