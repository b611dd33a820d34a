// Starts the mocks for the contract tests as a user does, with `npm run mock`
// (every API, on free ports), and stops it when the run ends, whether tests
// passed or failed: SIGTERM, after which none of its Prisms may be left. Each
// Prism's warnings and errors (its violations among them) go to
// test-results/prism/<api>.log, printed by a failing test. MOCK_LOG_LEVEL=warn
// leaves out Prism's lines for every request: a third of its CPU time over the
// run's 4,000 requests.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadApis, repoRoot } from '../../../scripts/lib/apis.ts';
import { MOCKS_READY, portVariables, readLogLine, readMockTable } from '../../../scripts/lib/mock-cli.ts';
import { findFreePorts } from '../../../scripts/lib/ports.ts';
import { isRunning, startProcess } from '../../../scripts/lib/processes.ts';

export interface MockServer {
  url: string;
  pid: number;
  log: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    mocks: Record<string, MockServer>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const apis = loadApis();
  const logDir = resolve(repoRoot, 'test-results/prism');
  mkdirSync(logDir, { recursive: true });
  const ports = await findFreePorts(apis.length);
  const logs = new Map<string, { path: string; sink: WriteStream }>(
    apis.map(({ name }) => {
      const path = resolve(logDir, `${name}.log`);
      return [name, { path, sink: createWriteStream(path) }];
    }),
  );
  const run = startProcess('npm', ['run', '--silent', 'mock'], {
    env: { ...portVariables(apis, ports), MOCK_LOG_LEVEL: 'warn' },
    onLine: (line) => {
      const logged = readLogLine(line);
      if (logged !== undefined) logs.get(logged.api)?.sink.write(`${logged.text}\n`);
    },
  });
  let table: ReturnType<typeof readMockTable> = [];
  const stop = async () => {
    const { output } = await run.stop();
    for (const { sink } of logs.values()) sink.end();
    const survivors = table.filter(({ pid }) => isRunning(pid));
    if (survivors.length > 0) {
      throw new Error(`Prism still running after npm run mock was stopped: pids ${survivors.map(({ pid }) => pid).join(', ')}\n${output}`);
    }
  };
  try {
    await run.waitFor(MOCKS_READY);
    table = readMockTable(run.output());
    const misplaced = apis.filter((api, index) => !table.some((row) => row.api === api.name && row.url.endsWith(`:${ports[index]}`)));
    if (misplaced.length > 0)
      throw new Error(`npm run mock did not serve ${misplaced.map((api) => api.name).join(', ')} where asked:\n${run.output()}`);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('mocks', Object.fromEntries(table.map(({ api, url, pid }) => [api, { url, pid, log: logs.get(api)!.path }])));
  return stop;
}
