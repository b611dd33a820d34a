// openapi-fetch's contract holds for the clients: once a caller adds middleware
// (the `middleware` option, `client.use`, or a call's own middleware) or gives
// a `fetch` or `Request` of its own, requests are real `Request` objects, as
// openapi-fetch documents; without them, the light path is used again. And the
// transport is the one chosen: undici in Node.js, fetch with `transport: 'fetch'`.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clientModule, sampleCall, type AnyClient } from '../../support/calls.ts';
import { RecordingServer } from '../../support/http-server.ts';

const server = new RecordingServer();
beforeAll(() => server.start());
afterAll(() => server.stop());
afterEach(() => vi.restoreAllMocks());

const sample = await sampleCall('dws', 'createClusterSnapshot');

async function makeClient(options: Record<string, unknown> = {}): Promise<AnyClient> {
  return (await clientModule('dws')).createClient({ baseUrl: server.url, token: 'token', ...options });
}

function callWith(client: AnyClient, init: Record<string, unknown> = {}) {
  server.reply({ status: 200, body: { snapshot: { id: 'snap' } } });
  return client.request('POST', sample.path, { params: { path: sample.pathParams }, body: sample.body, ...init });
}

/** Middleware that checks what it is given, and replaces the request with a real one of its own. */
function inspecting() {
  const seen: { request: boolean; response: boolean; requestAfter: boolean }[] = [];
  const middleware = {
    onRequest({ request }: { request: Request }) {
      seen.push({ request: request instanceof Request, response: false, requestAfter: false });
      const replaced = new Request(request, { headers: new Headers(request.headers) });
      replaced.headers.set('X-Trace', 'traced');
      return replaced;
    },
    onResponse({ request, response }: { request: Request; response: Response }) {
      seen.at(-1)!.response = response instanceof Response;
      seen.at(-1)!.requestAfter = request instanceof Request;
    },
  };
  return { middleware, seen };
}

describe.each([
  ['the middleware option', (m: object) => ({ options: { middleware: [m] }, init: {} }), (_client: AnyClient) => {}],
  ['client.use', () => ({ options: {}, init: {} }), (client: AnyClient, m: object) => client.use(m)],
  ["the call's own middleware", (m: object) => ({ options: {}, init: { middleware: [m] } }), () => {}],
])('middleware given through %s', (_way, given, register) => {
  it('gets real Requests, and what it returns is sent', async () => {
    const { middleware, seen } = inspecting();
    const { options, init } = given(middleware);
    const client = await makeClient(options);
    register(client, middleware);
    const { data } = await callWith(client, init);
    expect(data).toEqual({ snapshot: { id: 'snap' } });
    expect(seen).toEqual([{ request: true, response: true, requestAfter: true }]);
    expect(server.requests[0]!.headers['x-trace']).toBe('traced');
    expect(server.requests[0]!.headers['x-auth-token']).toBe('token');
  });
});

describe('a fetch or Request of its own', () => {
  function ownFetch() {
    const seen: Request[] = [];
    const fetch = (request: Request) => (seen.push(request), globalThis.fetch(request));
    return { fetch, seen };
  }

  it.each([
    ['given to the client', (fetch: unknown) => ({ options: { fetch }, init: {} })],
    ['given to the call', (fetch: unknown) => ({ options: {}, init: { fetch } })],
  ])('fetch %s gets real Requests, signed when the client signs', async (_where, given) => {
    const { fetch, seen } = ownFetch();
    const { options, init } = given(fetch);
    const client = await makeClient({ ...options, token: undefined, ak: 'HPUAXZ1EXAMPLE7KEYID', sk: 'secret' });
    const { data } = await callWith(client, init);
    expect(data).toEqual({ snapshot: { id: 'snap' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
    expect(seen[0]!.headers.get('authorization')).toMatch(/^SDK-HMAC-SHA256 Access=HPUAXZ1EXAMPLE7KEYID, /);
  });

  it('a Request class given to the client builds every request', async () => {
    let built = 0;
    class CountedRequest extends Request {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input, init);
        built += 1;
      }
    }
    const { data } = await callWith(await makeClient({ Request: CountedRequest }));
    expect(data).toEqual({ snapshot: { id: 'snap' } });
    expect(built).toBe(1);
  });
});

describe('which way requests leave', () => {
  /** The first argument of each call of the global fetch: a URL string on the light path, a Request otherwise. */
  function watchFetch() {
    const spy = vi.spyOn(globalThis, 'fetch');
    return () => spy.mock.calls.map(([input]) => (typeof input === 'string' ? 'light' : input instanceof Request ? 'Request' : 'other'));
  }

  it('in Node.js, by default, not through the global fetch at all', async () => {
    const calls = watchFetch();
    const { data } = await callWith(await makeClient());
    expect(data).toEqual({ snapshot: { id: 'snap' } });
    expect(calls()).toEqual([]);
  });

  it("with transport: 'fetch', through the global fetch, as a URL and an init", async () => {
    const calls = watchFetch();
    await callWith(await makeClient({ transport: 'fetch' }));
    expect(calls()).toEqual(['light']);
  });

  it('as real Requests while middleware is registered, and light again once it is ejected', async () => {
    const calls = watchFetch();
    const client = await makeClient({ transport: 'fetch' });
    const { middleware } = inspecting();
    await callWith(client);
    client.use(middleware);
    await callWith(client);
    client.eject(middleware);
    await callWith(client);
    expect(calls()).toEqual(['light', 'Request', 'light']);
  });

  it('rejects a transport it does not know, saying what to pass', async () => {
    await expect(makeClient({ transport: 'node' })).rejects.toThrow(/transport "node" is not known; pass 'fetch', or leave it out/);
  });
});
