// `npm run mock [-- <api>...]`: one Prism mock server per API of redocly.yaml
// (or only the APIs named) on 127.0.0.1, DWS 4010, Cinder 4011, CSS 4012, EVS
// 4013 (4010 + the API's place in the list), each movable with MOCK_PORT_<API>.
// Prints what runs where, forwards Prism's log lines with the API's name, and
// stops all of them on Ctrl-C or SIGTERM, or when one of them dies.
import { relative } from 'node:path';
import { loadApis, repoRoot, type Api } from './lib/apis.ts';
import { ensurePortFree, PortError, portFromEnv } from './lib/ports.ts';
import { startPrism, type RunningPrism } from './lib/prism.ts';

const FIRST_PORT = 4010;

function portFor(name: string, index: number): { port: number; variable: string } {
  const variable = `MOCK_PORT_${name.toUpperCase()}`;
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
try {
  const apis = loadApis();
  mocks = chosen(apis, process.argv.slice(2)).map((api) => ({ ...api, ...portFor(api.name, apis.indexOf(api)) }));
  for (const { name, port, variable } of mocks) await ensurePortFree(port, `${name} mock`, variable);
} catch (error) {
  if (!(error instanceof PortError || error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(1);
}

process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  for (const { name, root, port } of mocks) {
    const prism = await startPrism({ api: { name, root }, port, onLine: (line) => console.log(`[${name}] ${line}`) });
    running.push(prism);
    void prism.exited.then((signal) => {
      // Ctrl-C reaches every process of the terminal's group, Prism's included.
      if (stopping || signal === 'SIGINT' || signal === 'SIGTERM') return;
      console.error(`The ${name} mock stopped unexpectedly; stopping the others.`);
      void stopAll(1);
    });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}

const rows = mocks.map(({ name, root, port, variable }, index) => [
  name,
  `http://127.0.0.1:${port}`,
  variable,
  relative(repoRoot, root),
  String(running[index]!.pid),
]);
const header = ['API', 'URL', 'PORT VARIABLE', 'SPEC', 'PID'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: string[]) =>
  cells
    .map((cell, column) => cell.padEnd(widths[column]!))
    .join('  ')
    .trimEnd();
console.log(['', 'Mock servers running:', line(header), ...rows.map(line), ''].join('\n'));
console.log('Requests need an X-Auth-Token header (any value will do) or the AK/SK headers. Ctrl-C stops all mocks.');
