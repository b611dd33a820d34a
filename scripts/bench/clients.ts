// Client overhead: each client's create call against the same call made with
// bare fetch (same URL, headers and JSON body, response parsed), and token
// against AK/SK signing, on one local server in another process. Rounds of the
// two alternate, so that drift on a shared machine hits both alike; the
// figure is the median requests per second over the rounds.
import { resolve } from 'node:path';
import { loadApis, repoRoot } from '../lib/apis.ts';
import { bundleSpec } from '../lib/bundle.ts';
import { acceptsAkSk } from '../lib/operations.ts';
import { startProcess } from '../lib/processes.ts';
import { sampleCalls, type SampleCall } from '../lib/sample-calls.ts';

export interface Comparison {
  api: string;
  /** What is measured against what, e.g. `client / fetch`. */
  pair: string;
  aRps: number;
  bRps: number;
  /** Median requests per second of a over that of b. */
  ratio: number;
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

async function rate(call: Call, requests: number): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < requests; index += 1) await call();
  return requests / ((performance.now() - started) / 1000);
}

async function compare(api: string, pair: string, a: Call, b: Call, rounds: number, requests: number): Promise<Comparison> {
  await rate(a, 100);
  await rate(b, 100);
  const ratesA: number[] = [];
  const ratesB: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which goes first, too.
    if (round % 2 === 0) {
      ratesA.push(await rate(a, requests));
      ratesB.push(await rate(b, requests));
    } else {
      ratesB.push(await rate(b, requests));
      ratesA.push(await rate(a, requests));
    }
  }
  const aRps = median(ratesA);
  const bRps = median(ratesB);
  return { api, pair, aRps, bRps, ratio: aRps / bRps };
}

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

async function startServer(): Promise<{ url: string; stop: () => Promise<unknown> }> {
  const server = startProcess(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'scripts/bench/server.ts')]);
  const [url] = await server.waitFor(/^http:\/\/\S+/m, 30_000);
  return { url, stop: () => server.stop() };
}

/** Each API's first operation (its create call): the client against bare fetch, and AK/SK against a token. */
export async function benchClients(rounds = 10, requests = 1000): Promise<Comparison[]> {
  const server = await startServer();
  const baseUrl = server.url;
  try {
    const results: Comparison[] = [];
    const signing: { api: string; sample: SampleCall }[] = [];
    for (const { name: api, root } of loadApis()) {
      const document = await bundleSpec(root, { dereference: true });
      const sample = sampleCalls(document, api)[0]!;
      results.push(
        await compare(
          api,
          'client / fetch',
          await clientCall(api, sample, { baseUrl, token: TOKEN }),
          bareFetch(baseUrl, sample),
          rounds,
          requests,
        ),
      );
      if (acceptsAkSk(document)) signing.push({ api, sample });
    }
    for (const { api, sample } of signing) {
      const signed = await clientCall(api, sample, { baseUrl, ak: AK, sk: SK });
      results.push(await compare(api, 'AK/SK / token', signed, await clientCall(api, sample, { baseUrl, token: TOKEN }), rounds, requests));
    }
    return results;
  } finally {
    await server.stop();
  }
}
