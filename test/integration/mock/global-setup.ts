// Starts one Prism mock per API for the contract tests, on free ports, and
// stops them all when the run ends, whether tests passed or failed. Each
// Prism's warnings and errors (its violations among them) go to
// test-results/prism/<api>.log, printed by a failing test. Its lines for every
// request would take a third of its CPU time over the run's 4,000 requests.
import { createWriteStream, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadApis, repoRoot } from '../../../scripts/lib/apis.ts';
import { findFreePorts } from '../../../scripts/lib/ports.ts';
import { isRunning } from '../../../scripts/lib/processes.ts';
import { startPrism, type RunningPrism } from '../../../scripts/lib/prism.ts';

/** Fixed, so dynamic responses and their failures repeat from run to run. */
export const CONTRACT_SEED = '20261123';

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
  const started: RunningPrism[] = [];
  const mocks: Record<string, MockServer> = {};
  const stopAll = async () => {
    await Promise.all(started.map((prism) => prism.stop()));
    const survivors = started.filter((prism) => isRunning(prism.pid));
    if (survivors.length > 0) throw new Error(`Prism still running after teardown: pids ${survivors.map((p) => p.pid).join(', ')}`);
  };
  try {
    await Promise.all(
      apis.map(async (api, index) => {
        const log = resolve(logDir, `${api.name}.log`);
        const sink = createWriteStream(log);
        const prism = await startPrism({
          api,
          port: ports[index]!,
          seed: CONTRACT_SEED,
          logLevel: 'warn',
          onLine: (line) => sink.write(`${line}\n`),
        });
        started.push(prism);
        mocks[api.name] = { url: prism.url, pid: prism.pid, log };
      }),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide('mocks', mocks);
  return stopAll;
}
