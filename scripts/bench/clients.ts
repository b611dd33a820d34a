// Client speed: each API's create call made through its client, three ways,
// against the same call made with bare fetch (same URL, headers and JSON body,
// response parsed), on one local server in another process, with 1 and with 8
// calls in flight:
//   - the client as Node.js uses it by default (undici transport, token);
//   - the client with `transport: 'fetch'`, the path browsers take;
//   - the client signing with AK/SK (Huawei APIs), against bare fetch with a token.
// Each round measures every variant once, in a rotating order, so drift on a
// shared machine hits them alike; a figure is the median over the rounds, and
// a ratio the median of the per-round ratios. The CPU time this process spends
// per call is measured too: it holds even when other work slows the machine.
import { resolve } from 'node:path';
import { loadApis, repoRoot } from '../lib/apis.ts';
import { bundleSpec } from '../lib/bundle.ts';
import { acceptsAkSk } from '../lib/operations.ts';
import { startProcess } from '../lib/processes.ts';
import { sampleCalls, type SampleCall } from '../lib/sample-calls.ts';

export const IN_FLIGHT = [1, 8] as const;

export type Pair = 'client / fetch' | "transport 'fetch' / fetch" | 'AK/SK / fetch with token' | 'Chromium: client / fetch';

export interface Comparison {
  api: string;
  /** What is measured against what: the client variant against bare fetch. */
  pair: Pair;
  inFlight: number;
  aRps: number;
  bRps: number;
  /** Median over the rounds of a's requests per second over bare fetch's. */
  ratio: number;
  /** CPU time of this process per call (µs): what a call costs the caller, whatever else runs on the machine. Not measured in a browser. */
  aCpuMicros?: number;
  bCpuMicros?: number;
}

const TOKEN = 'bench-token';
const AK = 'HPUAXZ1EXAMPLE7KEYID';
const SK = 'zJ8s9F2kQ0b1EXAMPLEsecretKEYvalue0123456';

type Call = () => Promise<unknown>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Rate {
  rps: number;
  cpuMicros?: number;
}

/** Makes `requests` calls one way, `inFlight` of them at a time, and says how fast. */
export type Probe = (requests: number, inFlight: number) => Promise<Rate>;

/** Requests per second of `requests` calls, `inFlight` of them at a time, and the CPU time each took. */
async function rate(call: Call, requests: number, inFlight: number): Promise<Rate> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let index = 0; index < requests / inFlight; index += 1) await call();
    }),
  );
  const used = process.cpuUsage(cpu);
  return { rps: requests / ((performance.now() - started) / 1000), cpuMicros: (used.user + used.system) / requests };
}

const probeOf =
  (call: Call): Probe =>
  (requests, inFlight) =>
    rate(call, requests, inFlight);

const medianOf = (rates: Rate[], read: (rate: Rate) => number | undefined) => {
  const values = rates.map(read).filter((value) => value !== undefined);
  return values.length === 0 ? undefined : median(values);
};

/** Every variant against the baseline, measured round by round in a rotating order. */
export async function measure(
  api: string,
  inFlight: number,
  baseline: Probe,
  variants: [Pair, Probe][],
  rounds: number,
  requests: number,
): Promise<Comparison[]> {
  const all: Probe[] = [baseline, ...variants.map(([, probe]) => probe)];
  for (const probe of all) await probe(200, inFlight);
  const rates: Rate[][] = all.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    for (let step = 0; step < all.length; step += 1) {
      const index = (round + step) % all.length;
      rates[index]!.push(await all[index]!(requests, inFlight));
    }
  }
  const bare = rates[0]!;
  return variants.map(([pair], index) => {
    const own = rates[index + 1]!;
    return {
      api,
      pair,
      inFlight,
      aRps: median(own.map(({ rps }) => rps)),
      bRps: median(bare.map(({ rps }) => rps)),
      ratio: median(own.map(({ rps }, round) => rps / bare[round]!.rps)),
      ...optional(
        'aCpuMicros',
        medianOf(own, ({ cpuMicros }) => cpuMicros),
      ),
      ...optional(
        'bCpuMicros',
        medianOf(bare, ({ cpuMicros }) => cpuMicros),
      ),
    };
  });
}

const optional = <Key extends string>(key: Key, value: number | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<Key, number>>;

function bareFetch(baseUrl: string, sample: SampleCall): Call {
  const init = { method: sample.method.toUpperCase(), headers: { 'Content-Type': 'application/json', 'X-Auth-Token': TOKEN } };
  const url = `${baseUrl}${sample.url}`;
  return async () => (await fetch(url, { ...init, body: JSON.stringify(sample.body) })).json();
}

interface AnyClient {
  request(method: string, url: string, init: Record<string, unknown>): Promise<unknown>;
}

/** The sample call of an operation, made through a client of the API created with these options. */
async function clientCall(api: string, sample: SampleCall, options: Record<string, unknown>): Promise<Call> {
  const { createClient } = (await import(`../../generated/${api}/index.ts`)) as {
    createClient(options: Record<string, unknown>): AnyClient;
  };
  const client = createClient(options);
  const init = { params: { path: sample.pathParams, query: sample.query }, body: sample.body };
  return () => client.request(sample.method.toUpperCase(), sample.path, init);
}

/** The bench server, in its own process; given a folder, it also serves the browser benchmark's page from it. */
export async function startServer(pageDir?: string): Promise<{ url: string; stop: () => Promise<unknown> }> {
  const args = ['--import', 'tsx', resolve(repoRoot, 'scripts/bench/server.ts'), ...(pageDir === undefined ? [] : [pageDir])];
  const server = startProcess(process.execPath, args);
  const [url] = await server.waitFor(/^http:\/\/\S+/m, 30_000);
  return { url, stop: () => server.stop() };
}

/** Each API's first operation (its create call), every client variant against bare fetch, with 1 and 8 calls in flight. */
export async function benchClients(rounds = 30, requests = 200): Promise<Comparison[]> {
  const server = await startServer();
  const baseUrl = server.url;
  try {
    const results: Comparison[] = [];
    for (const { name: api, root } of loadApis()) {
      const document = await bundleSpec(root, { dereference: true });
      const sample = sampleCalls(document, api)[0]!;
      const variants: [Pair, Probe][] = [
        ['client / fetch', probeOf(await clientCall(api, sample, { baseUrl, token: TOKEN }))],
        ["transport 'fetch' / fetch", probeOf(await clientCall(api, sample, { baseUrl, token: TOKEN, transport: 'fetch' }))],
      ];
      if (acceptsAkSk(document)) {
        variants.push(['AK/SK / fetch with token', probeOf(await clientCall(api, sample, { baseUrl, ak: AK, sk: SK }))]);
      }
      for (const inFlight of IN_FLIGHT) {
        results.push(...(await measure(api, inFlight, probeOf(bareFetch(baseUrl, sample)), variants, rounds, requests)));
      }
    }
    return results;
  } finally {
    await server.stop();
  }
}
