// Client overhead: each client's create call against the same call made with
// bare fetch (same URL, headers and JSON body, response parsed), and token
// against AK/SK signing, on one local server in another process. Rounds of the
// two alternate, so that drift on a shared machine hits both alike; the
// figure is the median requests per second over the rounds.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import * as css from '../../src/css.ts';
import * as dws from '../../src/dws.ts';
import * as evs from '../../src/evs.ts';
import * as cinder from '../../src/cinder.ts';
import { repoRoot } from '../lib/apis.ts';

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
const PROJECT = '89cd04f168b84af6be287f71730fdb4b';
const CLUSTER = 'ea244205-d641-45d9-9dcb-ab2236bcd07e';

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

function bareFetch(url: string, body: unknown, headers: Record<string, string>): Call {
  const init = { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } };
  return async () => (await fetch(url, { ...init, body: JSON.stringify(body) })).json();
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'scripts/bench/server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [url] = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((line) => [line.value as string]);
  return { url: url!, stop: () => child.kill('SIGTERM') };
}

export async function benchClients(rounds = 10, requests = 1000): Promise<Comparison[]> {
  const server = await startServer();
  const baseUrl = server.url;
  try {
    const dwsBody = { snapshot: { name: 'snapshot-3', cluster_id: '44b277eb-39be-4921-be31-3d61b43651d7' } };
    const cinderBody = { snapshot: { volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635', force: true } };
    const cssBody = { name: 'snapshot_001', indices: 'myindex1,myindex2' };
    const evsBody = { snapshot: { volume_id: '2c194dde-7de5-4529-a141-49f48181f411' } };
    const calls = {
      dws: (options: dws.DwsClientOptions) => {
        const client = dws.createClient(options);
        return () => client.POST('/v1.0/{project_id}/snapshots', { params: { path: { project_id: PROJECT } }, body: dwsBody });
      },
      css: (options: css.CssClientOptions) => {
        const client = css.createClient(options);
        return () => client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params: { path: { project_id: PROJECT, cluster_id: CLUSTER } }, body: cssBody });
      },
      evs: (options: evs.EvsClientOptions) => {
        const client = evs.createClient(options);
        return () => client.POST('/v5/{project_id}/snapshots', { params: { path: { project_id: PROJECT } }, body: evsBody });
      },
    };
    const cinderClient = cinder.createClient({ baseUrl, token: TOKEN });
    const results: Comparison[] = [
      await compare('dws', 'client / fetch', calls.dws({ baseUrl, token: TOKEN }), bareFetch(`${baseUrl}/v1.0/${PROJECT}/snapshots`, dwsBody, { 'X-Auth-Token': TOKEN }), rounds, requests),
      await compare(
        'cinder',
        'client / fetch',
        () => cinderClient.POST('/v2/{tenant_id}/snapshots', { params: { path: { tenant_id: PROJECT } }, body: cinderBody }),
        bareFetch(`${baseUrl}/v2/${PROJECT}/snapshots`, cinderBody, { 'X-Auth-Token': TOKEN }),
        rounds,
        requests,
      ),
      await compare('css', 'client / fetch', calls.css({ baseUrl, token: TOKEN }), bareFetch(`${baseUrl}/v1.0/${PROJECT}/clusters/${CLUSTER}/index_snapshot`, cssBody, { 'X-Auth-Token': TOKEN }), rounds, requests),
      await compare('evs', 'client / fetch', calls.evs({ baseUrl, token: TOKEN }), bareFetch(`${baseUrl}/v5/${PROJECT}/snapshots`, evsBody, { 'X-Auth-Token': TOKEN }), rounds, requests),
    ];
    for (const api of ['dws', 'css', 'evs'] as const) {
      results.push(await compare(api, 'AK/SK / token', calls[api]({ baseUrl, ak: AK, sk: SK }), calls[api]({ baseUrl, token: TOKEN }), rounds, requests));
    }
    return results;
  } finally {
    server.stop();
  }
}
