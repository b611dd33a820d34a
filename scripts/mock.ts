// `npm run mock [-- <api>...]`: one Prism mock server per API of redocly.yaml
// (or only the APIs named) on 127.0.0.1, DWS 4010, Cinder 4011, CSS 4012, EVS
// 4013 (4010 + the API's place in the list), each movable with MOCK_PORT_<API>.
// Starts them side by side, prints what runs where, forwards Prism's log lines
// with the API's name (every request's with MOCK_LOG_LEVEL=info, the default;
// warnings and errors only with warn), and stops all of them on Ctrl-C or
// SIGTERM, or when one of them dies. MOCK_SEED sets the seed of the bodies
// generated for `Prefer: dynamic=true` (they repeat from run to run).
import { relative } from 'node:path';
import { loadApis, repoRoot, type Api } from './lib/apis.ts';
import { logLine, mockTable, portVariable } from './lib/mock-cli.ts';
import { ensurePortFree, PortError, portFromEnv } from './lib/ports.ts';
import { PRISM_LOG_LEVELS, startPrism, type PrismLogLevel, type RunningPrism } from './lib/prism.ts';

const FIRST_PORT = 4010;

function portFor(name: string, index: number): { port: number; variable: string } {
  const variable = portVariable(name);
  return { port: portFromEnv(variable, FIRST_PORT + index), variable };
}

const running: RunningPrism[] = [];
let stopping = false;

async function stopAll(exitCode: number): Promise<never> {
  stopping = true;
  await Promise.all(running.map((prism) => prism.stop()));
  process.exit(exitCode);
}

/** A request the user made that cannot be served; the message says what to do instead. */
class UsageError extends Error {}

function logLevelFromEnv(): PrismLogLevel {
  const value = process.env['MOCK_LOG_LEVEL'] || 'info';
  const level = PRISM_LOG_LEVELS.find((known) => known === value);
  if (level === undefined) {
    throw new UsageError(`MOCK_LOG_LEVEL=${JSON.stringify(value)} is not a log level; set it to ${PRISM_LOG_LEVELS.join(' or ')}.`);
  }
  return level;
}

/** The APIs named on the command line, or all of them. */
function chosen(apis: Api[], names: string[]): Api[] {
  const unknown = names.filter((name) => !apis.some((api) => api.name === name));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown API ${unknown.map((name) => JSON.stringify(name)).join(', ')}. Name any of: ${apis.map((api) => api.name).join(', ')} (or none, for all).`,
    );
  }
  return names.length === 0 ? apis : apis.filter((api) => names.includes(api.name));
}

let mocks: (Api & { port: number; variable: string })[];
let logLevel: PrismLogLevel;
try {
  const apis = loadApis();
  logLevel = logLevelFromEnv();
  mocks = chosen(apis, process.argv.slice(2)).map((api) => ({ ...api, ...portFor(api.name, apis.indexOf(api)) }));
  for (const { name, port, variable } of mocks) await ensurePortFree(port, `${name} mock`, variable);
} catch (error) {
  if (!(error instanceof PortError || error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(1);
}

/** Prism's options beyond the API: the log level, and the seed when one is set. */
const seed = process.env['MOCK_SEED'];
const prismOptions = { logLevel, ...(seed ? { seed } : {}) };

process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

// Side by side; every start settles (ready, or failed and stopped) before a failure stops the others, so none is left behind.
const starts = await Promise.allSettled(
  mocks.map((api) => startPrism({ api, port: api.port, ...prismOptions, onLine: (line) => console.log(logLine(api.name, line)) })),
);
for (const start of starts) if (start.status === 'fulfilled') running.push(start.value);
const failed = starts.find((start) => start.status === 'rejected');
if (failed !== undefined) {
  const reason: unknown = failed.reason;
  console.error(reason instanceof Error ? reason.message : reason);
  await stopAll(1);
}
running.forEach((prism, index) => {
  void prism.exited.then((signal) => {
    // Ctrl-C reaches every process of the terminal's group, Prism's included.
    if (stopping || signal === 'SIGINT' || signal === 'SIGTERM') return;
    console.error(`The ${mocks[index]!.name} mock stopped unexpectedly; stopping the others.`);
    void stopAll(1);
  });
});

console.log(
  mockTable(
    mocks.map(({ name, root, variable }, index) => ({
      api: name,
      url: running[index]!.url,
      variable,
      spec: relative(repoRoot, root),
      pid: running[index]!.pid,
    })),
  ),
);
