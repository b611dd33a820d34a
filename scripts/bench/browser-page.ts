// The page of the browser benchmark (scripts/bench/browser.ts), bundled for
// Chromium as an app would bundle the clients: the same sample call made with
// bare fetch and through the API's client, whose browser build sends it with
// fetch. Same origin as the server, so no CORS preflight on either side.
import * as cinder from '../../generated/cinder/index.ts';
import * as css from '../../generated/css/index.ts';
import * as dws from '../../generated/dws/index.ts';
import * as evs from '../../generated/evs/index.ts';
import type { SampleCall } from '../lib/sample-calls.ts';

const modules = { cinder, css, dws, evs };
const TOKEN = 'bench-token';

type Call = () => Promise<unknown>;
interface AnyClient {
  request(method: string, path: string, init: object): Promise<unknown>;
}

function bareFetch(sample: SampleCall): Call {
  const init = { method: sample.method.toUpperCase(), headers: { 'Content-Type': 'application/json', 'X-Auth-Token': TOKEN } };
  return async () => (await fetch(sample.url, { ...init, body: JSON.stringify(sample.body) })).json();
}

function clientCall(api: keyof typeof modules, sample: SampleCall): Call {
  const client = modules[api].createClient({ baseUrl: location.origin, token: TOKEN } as never) as unknown as AnyClient;
  const init = { params: { path: sample.pathParams, query: sample.query }, body: sample.body };
  return () => client.request(sample.method.toUpperCase(), sample.path, init);
}

const calls = new Map<string, Call>();

/** Requests per second of `requests` calls made one way, `inFlight` at a time. */
async function rate(way: 'fetch' | 'client', api: keyof typeof modules, sample: SampleCall, requests: number, inFlight: number) {
  const key = `${way} ${api}`;
  if (!calls.has(key)) calls.set(key, way === 'fetch' ? bareFetch(sample) : clientCall(api, sample));
  const call = calls.get(key)!;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let index = 0; index < requests / inFlight; index += 1) await call();
    }),
  );
  return requests / ((performance.now() - started) / 1000);
}

Object.assign(globalThis, { bench: { rate } });
