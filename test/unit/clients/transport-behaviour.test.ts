// What callers rely on from fetch, kept by every way a request can leave a
// client (the Node.js transport, `transport: 'fetch'`, real Requests for
// middleware): AbortSignal, redirects, compressed responses, bodies that are
// not bytes, undici dispatchers (proxies, TLS settings), and network and TLS
// errors that say what failed. All against real local servers.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { Agent, getGlobalDispatcher, ProxyAgent, setGlobalDispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenOnLoopback, LOCALHOST } from '../../../scripts/lib/ports.ts';
import { signRequest } from '../../../src/shared/aksk.ts';
import { clientModule, sampleCall, type AnyClient } from '../../support/calls.ts';
import { RecordingServer } from '../../support/http-server.ts';

const tlsFixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../support/tls', name));
const TLS = { key: tlsFixture('localhost.key'), cert: tlsFixture('localhost.crt') };

const server = new RecordingServer();
const elsewhere = new RecordingServer();
const secure = new RecordingServer({ tls: TLS });

/** A forward proxy that tunnels CONNECT requests, as undici's ProxyAgent sends them, and records where to. */
class TunnelProxy {
  readonly tunnels: string[] = [];
  #server: Server = createServer((_request, response) => response.writeHead(405).end());
  url = '';

  async start(): Promise<void> {
    this.#server.on('connect', (request, client, head) => {
      this.tunnels.push(request.url ?? '');
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host!, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    this.url = `http://${LOCALHOST}:${await listenOnLoopback(this.#server)}`;
  }

  async stop(): Promise<void> {
    await closeServer(this.#server);
  }
}
const proxy = new TunnelProxy();

beforeAll(() => Promise.all([server.start(), elsewhere.start(), secure.start(), proxy.start()]));
afterAll(() => Promise.all([server.stop(), elsewhere.stop(), secure.stop(), proxy.stop()]));

const AK = 'HPUAXZ1EXAMPLE7KEYID';
const SK = 'zJ8s9F2kQ0b1EXAMPLEsecretKEYvalue0123456';
const sample = await sampleCall('evs', 'createStandardSnapshot');

/** EVS's create call, through a client made with these options, with these call options added. */
async function call(options: Record<string, unknown>, init: Record<string, unknown> = {}) {
  const client: AnyClient = (await clientModule('evs')).createClient({ baseUrl: server.url, token: 'token', ...options });
  return client.request('POST', sample.path, { params: { path: sample.pathParams }, body: sample.body, ...init });
}

async function arrived(target: RecordingServer, count = 1): Promise<void> {
  while (target.requests.length < count) await new Promise((done) => setTimeout(done, 5));
}

const PATHS: [string, Record<string, unknown>][] = [
  ['the Node.js transport', {}],
  ["transport: 'fetch'", { transport: 'fetch' }],
  ['real Requests (middleware)', { middleware: [{ onRequest: () => undefined }] }],
];

describe.each(PATHS)('sent by %s', (_path, way) => {
  describe('AbortSignal', () => {
    it('aborts a call in flight, rejecting with the abort reason', async () => {
      server.reply({ status: 200, hang: true });
      const controller = new AbortController();
      const pending = call(way, { signal: controller.signal });
      await arrived(server);
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('rejects a call whose signal has already aborted, sending nothing', async () => {
      server.reply({ status: 200, body: {} });
      await expect(call(way, { signal: AbortSignal.abort(new Error('stop')) })).rejects.toThrow('stop');
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('redirects', () => {
    it.each([307, 308])('follows a %i with the same method and body', async (status) => {
      server.reply({ status, headers: { location: '/moved' } }, { status: 202, body: { job_id: 'j' } });
      const { data, response } = await call(way);
      expect(data).toEqual({ job_id: 'j' });
      expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`POST ${sample.url}`, 'POST /moved']);
      expect(JSON.parse(server.requests[1]!.body)).toEqual(sample.body);
      expect(response.redirected).toBe(true);
      expect(response.url).toBe(`${server.url}/moved`);
    });

    it.each([301, 302, 303])('follows a %i to a POST with a GET without a body', async (status) => {
      server.reply({ status, headers: { location: '/moved' } }, { status: 200, body: { job_id: 'j' } });
      const { data } = await call(way);
      expect(data).toEqual({ job_id: 'j' });
      const moved = server.requests[1]!;
      expect([moved.method, moved.url, moved.body, moved.headers['content-type']]).toEqual(['GET', '/moved', '', undefined]);
    });

    it('drops the Authorization header when a redirect leaves the origin', async () => {
      server.reply({ status: 307, headers: { location: `${elsewhere.url}/moved` } });
      elsewhere.reply({ status: 200, body: {} });
      await call({ ...way, token: undefined, ak: AK, sk: SK });
      expect(server.requests[0]!.headers['authorization']).toBeDefined();
      expect(elsewhere.requests[0]!.headers['authorization']).toBeUndefined();
      expect(elsewhere.requests[0]!.headers['x-sdk-date']).toBeDefined();
    });

    it("returns the redirect itself with redirect: 'manual'", async () => {
      server.reply({ status: 302, headers: { location: '/moved' } });
      const { response } = await call({ ...way, redirect: 'manual' });
      expect([response.status, response.headers.get('location')]).toEqual([302, '/moved']);
      expect(server.requests).toHaveLength(1);
    });

    it("rejects a redirect with redirect: 'error'", async () => {
      server.reply({ status: 302, headers: { location: '/moved' } });
      await expect(call({ ...way, redirect: 'error' })).rejects.toThrow(TypeError);
    });
  });

  describe('compressed responses', () => {
    const json = Buffer.from(JSON.stringify({ job_id: 'compressed', snapshot_id: 'é😀' }));
    it.each([
      ['gzip', gzipSync(json)],
      ['x-gzip', gzipSync(json)],
      ['deflate', deflateSync(json)],
      ['deflate', deflateRawSync(json)],
      ['br', brotliCompressSync(json)],
      ['gzip, br', brotliCompressSync(gzipSync(json))],
    ])('decodes %s', async (encoding, body) => {
      server.reply({ status: 202, body, headers: { 'content-type': 'application/json', 'content-encoding': encoding } });
      const { data } = await call(way);
      expect(data).toEqual({ job_id: 'compressed', snapshot_id: 'é😀' });
    });

    it('asks for gzip and deflate, as fetch does', async () => {
      server.reply({ status: 202, body: {} });
      await call(way);
      expect(server.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate');
    });
  });

  describe('bodies that are not bytes', () => {
    const asForm = (body: unknown) => {
      const form = new FormData();
      form.set('snapshot', JSON.stringify(body));
      return form;
    };
    const asStream = (body: unknown) => new Blob([JSON.stringify(body)]).stream();

    it.each([
      ['FormData', asForm, /^multipart\/form-data; boundary=/],
      ['a stream', asStream, /^application\/json$/],
    ])('sends %s as fetch encodes it, signed over the bytes sent', async (_kind, bodySerializer, contentType) => {
      server.reply({ status: 202, body: {} });
      const now = new Date('2026-11-23T08:09:10Z');
      // duplex: what a stream body needs in a real Request (openapi-fetch leaves it to the caller).
      const { response } = await call({ ...way, token: undefined, ak: AK, sk: SK, now: () => now, bodySerializer, duplex: 'half' });
      expect(response.status).toBe(202);
      const [sent] = server.requests;
      expect(sent!.headers['content-type']).toMatch(contentType);
      expect(sent!.body).toContain(JSON.stringify(sample.body).slice(1, -1));
      const url = new URL(sent!.url, server.url);
      const signedNames = /SignedHeaders=([^,]+)/.exec(String(sent!.headers['authorization']))![1]!.split(';');
      const headers = Object.fromEntries(signedNames.map((name) => [name, String(sent!.headers[name])]));
      const { authorization } = await signRequest({ method: 'POST', url, headers, body: new Uint8Array(sent!.bytes) }, { ak: AK, sk: SK });
      expect(sent!.headers['authorization']).toBe(authorization);
    });
  });

  describe('undici dispatchers', () => {
    it('sends through a ProxyAgent passed as dispatcher', async () => {
      proxy.tunnels.length = 0;
      server.reply({ status: 202, body: { job_id: 'proxied' } });
      const dispatcher = new ProxyAgent(proxy.url);
      try {
        const { data } = await call({ ...way, dispatcher });
        expect(data).toEqual({ job_id: 'proxied' });
        expect(proxy.tunnels).toEqual([new URL(server.url).host]);
      } finally {
        await dispatcher.close();
      }
    });

    it('trusts the certificate authority of an Agent passed as dispatcher', async () => {
      secure.reply({ status: 202, body: { job_id: 'tls' } });
      const dispatcher = new Agent({ connect: { ca: TLS.cert } });
      try {
        const { data } = await call({ ...way, baseUrl: secure.url, dispatcher });
        expect(data).toEqual({ job_id: 'tls' });
      } finally {
        await dispatcher.close();
      }
    });
  });

  describe('network and TLS errors', () => {
    it('rejects with a TypeError caused by ECONNREFUSED when nothing listens', async () => {
      const closed = new RecordingServer();
      const url = (await closed.start()).url;
      await closed.stop();
      await expect(call({ ...way, baseUrl: url })).rejects.toMatchObject({ name: 'TypeError', cause: { code: 'ECONNREFUSED' } });
    });

    it('rejects with a TypeError caused by the TLS error when the certificate is not trusted', async () => {
      secure.reply({ status: 202, body: {} });
      await expect(call({ ...way, baseUrl: secure.url })).rejects.toMatchObject({
        name: 'TypeError',
        cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      });
    });
  });
});

describe('the Node.js transport', () => {
  it('says which call failed and why', async () => {
    const closed = new RecordingServer();
    const url = (await closed.start()).url;
    await closed.stop();
    await expect(call({ baseUrl: url })).rejects.toThrow(`POST ${url}${sample.url} failed: connect ECONNREFUSED ${new URL(url).host}`);
  });

  /** Node.js's own global dispatcher, put back after a test that replaces it. */
  const SLOT = Symbol.for('undici.globalDispatcher.1');
  const slot = globalThis as unknown as Record<symbol, unknown>;

  it("reads the global dispatcher where undici's getGlobalDispatcher reads it", async () => {
    await call({}, {}).catch(() => undefined);
    expect(slot[SLOT]).toBeDefined();
    expect(getGlobalDispatcher()).toBe(slot[SLOT]);
  });

  it('sends through whatever setGlobalDispatcher installed, as fetch does', async () => {
    const original = getGlobalDispatcher();
    const viaProxy = new ProxyAgent(proxy.url);
    proxy.tunnels.length = 0;
    setGlobalDispatcher(viaProxy);
    try {
      server.reply({ status: 202, body: { job_id: 'proxied' } });
      const { data } = await call({});
      expect(data).toEqual({ job_id: 'proxied' });
      expect(proxy.tunnels).toEqual([new URL(server.url).host]);
    } finally {
      setGlobalDispatcher(original);
      await viaProxy.close();
    }
  });

  it('sends with undici of its own when there is no global dispatcher at all', async () => {
    const original = slot[SLOT];
    slot[SLOT] = undefined;
    try {
      server.reply({ status: 202, body: { job_id: 'own' } });
      const { data } = await call({});
      expect(data).toEqual({ job_id: 'own' });
    } finally {
      slot[SLOT] = original;
    }
  });
});
