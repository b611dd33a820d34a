// What the clients' request path (src/shared/request.ts, src/shared/client.ts)
// relies on inside openapi-fetch, beyond its documented surface. openapi-fetch
// is pinned exactly; when an upgrade changes any of this, these tests fail
// first and say which assumption broke.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/apis.ts';

const PINNED = '0.17.0';
const json = (path: string) =>
  JSON.parse(readFileSync(resolve(repoRoot, path), 'utf8')) as { version?: string; dependencies?: Record<string, string> };

it(`openapi-fetch is pinned to ${PINNED}, the version these tests describe`, () => {
  expect(json('package.json').dependencies?.['openapi-fetch']).toBe(PINNED);
  expect(json('node_modules/openapi-fetch/package.json').version).toBe(PINNED);
});

/** A stand-in for the `Request` option that records how openapi-fetch constructs it. */
function recordingRequestClass() {
  const constructed: { url: string; init: Record<string, unknown>; instance: object }[] = [];
  class Recorded {
    readonly method: string;
    constructor(url: string, init: Record<string, unknown>) {
      this.method = String(init['method']);
      constructed.push({ url, init, instance: this });
    }
  }
  return { Recorded: Recorded as unknown as typeof Request, constructed };
}

function recordingFetch() {
  const calls: unknown[][] = [];
  const fetch = async (...args: unknown[]) => {
    calls.push(args);
    return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as (input: Request) => Promise<Response>, calls };
}

type Loose = { POST(path: string, init: Record<string, unknown>): Promise<{ data?: unknown; error?: unknown }> };
const loose = (client: unknown) => client as Loose;

describe(`openapi-fetch ${PINNED}`, () => {
  it('constructs the Request option with new, once per call, with the final URL and an init holding all there is to send', async () => {
    const { Recorded, constructed } = recordingRequestClass();
    const dispatcher = { dispatch: () => true };
    const signal = new AbortController().signal;
    const client = createClient({
      baseUrl: 'http://service/',
      Request: Recorded,
      fetch: recordingFetch().fetch,
      headers: { 'X-Default': '1' },
    });
    await loose(client).POST('/things/{id}', {
      params: { path: { id: 'a b' }, query: { size: 2 } },
      body: { name: 'x' },
      headers: { 'X-Call': '2' },
      signal,
      dispatcher,
    });
    expect(constructed).toHaveLength(1);
    const [{ url, init, instance }] = constructed as [(typeof constructed)[number]];
    expect(instance).toBeInstanceOf(Recorded);
    expect(url).toBe('http://service/things/a%20b?size=2');
    expect(init).toMatchObject({ method: 'POST', body: '{"name":"x"}', redirect: 'follow', signal, dispatcher });
    expect(init['headers']).toBeInstanceOf(Headers);
    const headers = init['headers'] as Headers;
    expect([headers.get('content-type'), headers.get('x-default'), headers.get('x-call')]).toEqual(['application/json', '1', '2']);
  });

  it('hands fetch the very object the Request option built, with requestInitExt as the second argument', async () => {
    const { Recorded, constructed } = recordingRequestClass();
    const { fetch, calls } = recordingFetch();
    const requestInitExt = { dispatcher: { dispatch: () => true } };
    const client = createClient({ baseUrl: 'http://service', Request: Recorded, fetch, requestInitExt });
    const { data } = await loose(client).POST('/things', { body: {} });
    expect(data).toEqual({ ok: true });
    expect(calls).toEqual([[constructed[0]!.instance, requestInitExt]]);
  });

  it('checks what onRequest middleware returns with instanceof against the Request option in use', async () => {
    const { Recorded } = recordingRequestClass();
    const replacing = { onRequest: () => new Request('http://service/things', { method: 'POST' }) };
    const client = createClient({ baseUrl: 'http://service', Request: Recorded, fetch: recordingFetch().fetch });
    client.use(replacing);
    // A real Request is refused while the option is another class: why middleware must get real Requests.
    await expect(loose(client).POST('/things', { body: {} })).rejects.toThrow('onRequest: must return new Request()');
    // The call's own Request option replaces the client's, for that check as well.
    await expect(loose(client).POST('/things', { body: {}, Request })).resolves.toMatchObject({ data: { ok: true } });
  });

  it("lets a call's own fetch replace the client's", async () => {
    const client = createClient({ baseUrl: 'http://service', fetch: recordingFetch().fetch });
    const own = recordingFetch();
    await loose(client).POST('/things', { body: {}, fetch: own.fetch });
    expect(own.calls).toHaveLength(1);
    expect(own.calls[0]![0]).toBeInstanceOf(Request);
  });

  it('has these methods, and registers middleware only with use and eject (or per call)', () => {
    const client = createClient({ baseUrl: 'http://service' });
    expect(Object.keys(client).sort()).toEqual([
      'DELETE',
      'GET',
      'HEAD',
      'OPTIONS',
      'PATCH',
      'POST',
      'PUT',
      'TRACE',
      'eject',
      'request',
      'use',
    ]);
  });
});
