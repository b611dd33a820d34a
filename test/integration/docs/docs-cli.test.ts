// `npm run docs` as a user runs it: it serves the docs on the port given and
// says where; a taken port is a clear error; hostile requests get a 4xx,
// nothing outside generated/docs/ is served, and the server keeps serving.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/apis.ts';
import { findFreePorts, listenOnLoopback } from '../../../scripts/lib/ports.ts';
import { startProcess, type RunningProcess } from '../../../scripts/lib/processes.ts';
import { sendRaw, type RawAnswer } from '../../support/raw-http.ts';

const runs: RunningProcess[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  await Promise.all(runs.splice(0).map((run) => run.stop()));
  await Promise.all(blockers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** Starts `npm run docs` on `port`. */
function runDocs(port: number): RunningProcess {
  return startProcess('npm', ['run', 'docs'], { env: { DOCS_PORT: String(port) } });
}

/** Stops `run` after the current test. */
function stopAfterTest(run: RunningProcess): RunningProcess {
  runs.push(run);
  return run;
}

describe('npm run docs', () => {
  it('serves the docs on localhost and prints the URL, until SIGTERM', async () => {
    const [port] = await findFreePorts(1);
    const run = stopAfterTest(runDocs(port!));
    const url = (await run.waitFor(/Serving generated\/docs\/ at (\S+)/))[1]!;
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Snapshot APIs');
    expect((await fetch(`${url}dws.html`)).status).toBe(200);

    await run.stop();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a port that is taken, naming the port and DOCS_PORT', async () => {
    const [port] = await findFreePorts(1);
    const blocker = createServer();
    blockers.push(blocker);
    await listenOnLoopback(blocker, port);
    const { code, output } = await stopAfterTest(runDocs(port!)).exited;
    expect(code).not.toBe(0);
    expect(output).toContain(`Port ${port} (docs server) is already in use`);
    expect(output).toContain('DOCS_PORT=<free port>');
  });
});

describe('npm run docs under hostile requests', () => {
  // One server for every case: each case checks that it still serves afterwards.
  let docs: RunningProcess | undefined;
  let url = '';
  beforeAll(async () => {
    const [port] = await findFreePorts(1);
    docs = runDocs(port!);
    url = (await docs.waitFor(/Serving generated\/docs\/ at (\S+)/))[1]!;
  });
  afterAll(async () => {
    await docs?.stop();
  });

  /** Lines that only a file outside generated/docs/ holds: the package manifest, the system's password file. */
  const outsideMarkers = [readFileSync(resolve(repoRoot, 'package.json'), 'utf8').split('\n')[1]!, 'root:x:0:0'];

  function expectRefusedWithNothingFromOutside(answer: RawAnswer) {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    for (const marker of outsideMarkers) expect(answer.body).not.toContain(marker);
  }

  async function expectStillServing() {
    const index = await sendRaw(url, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('Snapshot APIs');
  }

  const hostile = [
    { name: 'a malformed percent-escape', path: '/%E0%A4%A' },
    { name: 'a traversal with escaped slashes', path: '/..%2f..%2fetc%2fpasswd' },
    { name: 'a traversal with escaped dots', path: '/%2e%2e/%2e%2e/etc/passwd' },
    { name: 'a traversal with plain dots', path: '/../package.json' },
    { name: 'a traversal out of a subfolder', path: '/openapi/../../package.json' },
    { name: 'a 20 kB path', path: `/${'a'.repeat(20_000)}` },
    { name: 'a method other than GET and HEAD', path: '/index.html', method: 'POST' },
    { name: 'an unknown method', path: '/index.html', method: 'BREW' },
    { name: 'a CONNECT', path: '127.0.0.1:22', method: 'CONNECT' },
  ];

  it.each(hostile)('answers $name with a 4xx, serves nothing from outside, and keeps serving', async (request) => {
    expectRefusedWithNothingFromOutside(await sendRaw(url, request));
    await expectStillServing();
  });

  it('answers a burst of 50 hostile requests in parallel with a 4xx each, and keeps serving', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, index) => sendRaw(url, hostile[index % hostile.length]!)));
    for (const answer of answers) expectRefusedWithNothingFromOutside(answer);
    await expectStillServing();
  });

  it.each([
    { file: 'index.html', type: 'text/html; charset=utf-8' },
    { file: 'redoc.standalone.js', type: 'text/javascript; charset=utf-8' },
    { file: 'openapi/cinder.json', type: 'application/json; charset=utf-8' },
    { file: 'openapi/cinder.yaml', type: 'application/yaml; charset=utf-8' },
  ])('serves $file as $type', async ({ file, type }) => {
    const answer = await sendRaw(url, { path: `/${file}` });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
    expect(answer.body).toBe(readFileSync(resolve(repoRoot, 'generated/docs', file), 'utf8'));
  });
});
