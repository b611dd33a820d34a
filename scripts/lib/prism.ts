// Starting and stopping Prism mock servers, for `npm run mock` and the contract
// tests alike: one Prism process per spec, ready only once it answers HTTP,
// and stopped for sure (SIGTERM, then SIGKILL) when asked.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Api } from './apis.ts';
import { LOCALHOST as MOCK_HOST } from './ports.ts';
import { startProcess } from './processes.ts';

const prismBin = resolve(dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
/** Keeps Prism alive under hostile requests and words validation errors as the service does (see the file). */
const preload = fileURLToPath(new URL('./prism-preload.cjs', import.meta.url));
/** Tells the preload which API it serves, by its name in redocly.yaml (read in prism-preload.cjs). */
const MOCK_API_VARIABLE = 'SNAPSHOT_APIS_MOCK_API';

/** What Prism logs: `info` adds a few lines per request to the warnings and errors that `warn` keeps. */
export const PRISM_LOG_LEVELS = ['info', 'warn'] as const;
export type PrismLogLevel = (typeof PRISM_LOG_LEVELS)[number];

export interface PrismOptions {
  /** The API to serve: its spec (Prism resolves its $refs), and its name for the preload. */
  api: Api;
  port: number;
  /** Seed for dynamic responses (`Prefer: dynamic=true`), so they repeat from run to run. */
  seed?: string;
  /** Receives every line Prism prints. */
  onLine?: (line: string) => void;
  /** `info` by default. */
  logLevel?: PrismLogLevel;
  /** How long to wait for Prism to answer before giving up. */
  readyTimeoutMs?: number;
}

export interface RunningPrism {
  url: string;
  port: number;
  pid: number;
  /** Resolves when the process has exited, for any reason, with the signal that ended it, if any. */
  readonly exited: Promise<NodeJS.Signals | null>;
  stop(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolveTimer) => setTimeout(resolveTimer, ms));

export async function startPrism({
  api: { name, root: spec },
  port,
  seed = 'snapshot-apis',
  onLine,
  logLevel = 'info',
  readyTimeoutMs = 60_000,
}: PrismOptions): Promise<RunningPrism> {
  const url = `http://${MOCK_HOST}:${port}`;
  const recent: string[] = [];
  const prism = startProcess(
    process.execPath,
    ['--require', preload, prismBin, 'mock', spec, '--host', MOCK_HOST, '--port', String(port), '--seed', seed, '--verboseLevel', logLevel],
    {
      env: { [MOCK_API_VARIABLE]: name },
      onLine: (line) => {
        recent.push(line);
        if (recent.length > 20) recent.shift();
        onLine?.(line);
      },
    },
  );
  let running = true;
  const exited = prism.exited.then(({ signal }) => ((running = false), signal));
  const stop = async () => void (await prism.stop());

  const deadline = Date.now() + readyTimeoutMs;
  while (running) {
    try {
      // Any HTTP answer (Prism says 404 for /) means it is listening.
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) });
      return { url, port, pid: prism.pid, exited, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Prism for ${spec} did not answer on ${url} within ${readyTimeoutMs} ms. Last output:\n${recent.join('\n')}`);
      }
      await pause(100);
    }
  }
  throw new Error(`Prism for ${spec} exited before it answered on ${url}. Last output:\n${recent.join('\n')}`);
}
