// AK/SK request signing (SDK-HMAC-SHA256): the vendor's published vectors, the
// vendor's own signer as an oracle over generated requests, and the three
// Huawei clients against a local server that verifies every signature with
// the vendor's signer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as cinder from '../../../generated/cinder/index.ts';
import * as css from '../../../generated/css/index.ts';
import * as dws from '../../../generated/dws/index.ts';
import * as evs from '../../../generated/evs/index.ts';
import { acceptsAkSk } from '../../../scripts/lib/operations.ts';
import { sampleCalls } from '../../../scripts/lib/sample-calls.ts';
import { sdkDate, signRequest } from '../../../src/shared/aksk.ts';
import { anyCodePoint } from '../../support/arbitraries.ts';
import { callOperation, clientModule, type AnyClient } from '../../support/calls.ts';
import { vendorAuthorization } from '../../support/huawei-oracle.ts';
import { loadSpecs } from '../../support/specs.ts';
import { VerifyingServer } from '../../support/verifying-server.ts';

const encoder = new TextEncoder();

describe('SDK-HMAC-SHA256 signatures', () => {
  const url = new URL('https://service.endpoint.myhuaweicloud.com/resources?size=1');
  const headers = { host: 'service.endpoint.myhuaweicloud.com', 'x-sdk-date': '20200608T023900Z' };
  const keys = { ak: 'AccessKey', sk: 'SecretKey' };

  it("match the vendor's published vector for a POST", async () => {
    const { authorization } = await signRequest({ method: 'POST', url, headers, body: encoder.encode('{"name":"test","id":1}') }, keys);
    expect(authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
    );
  });

  it("match the vendor's published vector for a GET with an empty body", async () => {
    const { authorization } = await signRequest({ method: 'GET', url, headers, body: new Uint8Array() }, keys);
    expect(authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
    );
  });

  it("equal the vendor SDK's signatures for 300 generated requests", async () => {
    // Characters the vendor's URL parser would escape on its own are left out of paths: both sides must sign the same path.
    const pathUnit = fc.oneof(
      fc.constantFrom(...'abcXYZ019-._~:@!$&()*+,;='.split('')),
      fc.integer({ min: 0xa0, max: 0xd7ff }).map((code) => String.fromCodePoint(code)),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    );
    const segment = fc.string({ unit: pathUnit, minLength: 1, maxLength: 12 }).filter((text) => text !== '.' && text !== '..');
    const queryText = fc.string({
      unit: fc.oneof(fc.constantFrom(...'aZ9 &=+?#/%:,;'.split('')), fc.constantFrom('é', '说', '😀')),
      maxLength: 10,
    });
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
      segments: fc.array(segment, { minLength: 1, maxLength: 4 }),
      query: fc.uniqueArray(
        fc.tuple(
          queryText.filter((key) => key !== ''),
          queryText,
        ),
        { maxLength: 4, selector: ([key]) => key },
      ),
      body: fc.option(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ unit: anyCodePoint, maxLength: 20 }), fc.integer(), fc.boolean()), {
          maxKeys: 4,
        }),
        { nil: undefined },
      ),
      date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
      projectId: fc.option(fc.stringMatching(/^[0-9a-f]{32}$/), { nil: undefined }),
      ak: fc.stringMatching(/^[A-Z0-9]{20}$/),
      sk: fc.stringMatching(/^[A-Za-z0-9]{40}$/),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, segments, query, body, date, projectId, ak, sk }) => {
        const origin = 'https://evs.cn-north-4.myhuaweicloud.com';
        const search = query.length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
        const url = new URL(`${origin}/${segments.map(encodeURIComponent).join('/')}${search}`);
        const headers: Record<string, string> = { 'X-Sdk-Date': sdkDate(date) };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        if (projectId !== undefined) headers['X-Project-Id'] = projectId;
        const bytes = body === undefined ? new Uint8Array() : encoder.encode(JSON.stringify(body));
        const ours = await signRequest({ method, url, headers: { host: url.host, ...headers }, body: bytes }, { ak, sk });
        expect(ours.authorization).toBe(vendorAuthorization({ method, origin, segments, query, headers, body }, ak, sk));
      }),
      { seed: 20_261_123, numRuns: 300 },
    );
  });
});

const AK = 'HPUAXZ1EXAMPLE7KEYID';
const SK = 'zJ8s9F2kQ0b1EXAMPLEsecretKEYvalue0123456';
const server = new VerifyingServer({ [AK]: SK });
beforeAll(() => server.start());
afterAll(() => server.stop());

/** The APIs whose specs accept AK/SK signing, each called with the spec's first sample call. */
const signingApis = (await loadSpecs())
  .filter(({ document }) => acceptsAkSk(document))
  .map(({ name, document }) => ({ api: name, sample: sampleCalls(document, name)[0]! }));

it('covers the three Huawei services', () => {
  expect(signingApis.map(({ api }) => api).sort()).toEqual(['css', 'dws', 'evs']);
});

const huaweiClients = signingApis.map(({ api, sample }) => ({
  api,
  sample,
  call: (options: Record<string, unknown>) => callOperation(api, sample, { baseUrl: String(options['baseUrl']), options }),
}));

describe.each(huaweiClients)('the $api client signing with AK/SK', ({ api, sample, call }) => {
  it('is accepted by a server that verifies the signature', async () => {
    const { response } = await call({ baseUrl: server.url, ak: AK, sk: SK });
    expect(response.status).toBe(200);
    const { headers } = server.received.at(-1)!;
    expect(headers['x-auth-token']).toBeUndefined();
    expect(String(headers['authorization'])).toMatch(/SignedHeaders=content-type;host;x-sdk-date,/);
  });

  it('is rejected when signed with a wrong secret key', async () => {
    const { response, error } = await call({ baseUrl: server.url, ak: AK, sk: `${SK.slice(0, -1)}X` });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ error_code: 'APIGW.0301' });
  });

  it('sends and signs the security token and project ID of temporary credentials', async () => {
    const { response } = await call({
      baseUrl: server.url,
      ak: AK,
      sk: SK,
      securityToken: 'temporary-token',
      projectId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    });
    expect(response.status).toBe(200);
    const { headers } = server.received.at(-1)!;
    expect(headers['x-security-token']).toBe('temporary-token');
    expect(headers['x-project-id']).toBe('c0ffee00c0ffee00c0ffee00c0ffee00');
    expect(String(headers['authorization'])).toMatch(/SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,/);
  });

  it('dates the signature with the clock it is given, and never sends the secret key', async () => {
    const { response } = await call({ baseUrl: server.url, ak: AK, sk: SK, now: () => new Date('2026-11-23T08:09:10Z') });
    expect(response.status).toBe(200);
    const { headers } = server.received.at(-1)!;
    expect(headers['x-sdk-date']).toBe('20261123T080910Z');
    expect(JSON.stringify(headers)).not.toContain(SK);
  });

  /** Rewrites the body: a signature made before it ran would not match what is sent. */
  const rewrite = {
    onRequest: ({ request }: { request: Request }) =>
      new Request(request.url, { method: request.method, headers: request.headers, body: '{"rewritten":true}' }),
  };
  it.each([
    ['the middleware option', (client: AnyClient) => client, { middleware: [rewrite] }, {}],
    ['client.use', (client: AnyClient) => (client.use(rewrite), client), {}, {}],
    ['the call', (client: AnyClient) => client, {}, { middleware: [rewrite] }],
  ])('signs what middleware given through %s changed', async (_way, prepare, options, init) => {
    const client = prepare((await clientModule(api)).createClient({ baseUrl: server.url, ak: AK, sk: SK, ...options }));
    const { response } = await client.request(sample.method.toUpperCase(), sample.path, {
      params: { path: sample.pathParams, query: sample.query },
      body: sample.body,
      ...init,
    });
    expect(response.status).toBe(200);
    expect(server.received.at(-1)!.body).toBe('{"rewritten":true}');
  });
});

describe('AK/SK options', () => {
  it.each([
    [
      'a token together with AK/SK',
      () => dws.createClient({ baseUrl: server.url, token: 't', ak: AK, sk: SK }),
      /either token or ak and sk, not both/,
    ],
    ['an access key without a secret key', () => css.createClient({ baseUrl: server.url, ak: AK }), /needs both ak and sk; sk is missing/],
    ['a secret key without an access key', () => evs.createClient({ baseUrl: server.url, sk: SK }), /needs both ak and sk; ak is missing/],
    ['an empty access key', () => evs.createClient({ baseUrl: server.url, ak: ' ', sk: SK }), /ak is empty/],
    ['a security token without AK/SK', () => dws.createClient({ baseUrl: server.url, securityToken: 'x' }), /needs both ak and sk/],
    [
      'AK/SK for Cinder',
      () => cinder.createClient({ baseUrl: server.url, ak: AK, sk: SK } as cinder.CinderClientOptions),
      /does not take AK\/SK credentials/,
    ],
  ])('reject %s at construction, without quoting the secret key', (_case, construct, message) => {
    expect(construct).toThrow(message);
    try {
      construct();
    } catch (error) {
      expect((error as Error).message).not.toContain(SK);
    }
  });
});

describe('signing without Node crypto (as in a browser)', () => {
  /** The signing module as a browser loads it: no Node crypto to find. */
  async function withWebCrypto(use: (web: typeof import('../../../src/shared/aksk.ts')) => Promise<void>): Promise<void> {
    const process = globalThis.process as { getBuiltinModule?: unknown };
    const getBuiltinModule = process.getBuiltinModule;
    process.getBuiltinModule = undefined;
    try {
      vi.resetModules();
      await use(await import('../../../src/shared/aksk.ts'));
    } finally {
      process.getBuiltinModule = getBuiltinModule;
      vi.resetModules();
    }
  }
  const vectorRequest = {
    method: 'POST',
    url: new URL('https://service.endpoint.myhuaweicloud.com/resources?size=1'),
    headers: { host: 'service.endpoint.myhuaweicloud.com', 'x-sdk-date': '20200608T023900Z' },
    body: encoder.encode('{"name":"test","id":1}'),
  };

  it("matches the vendor's published vector with Web Crypto", async () => {
    await withWebCrypto(async (web) => {
      const { authorization } = await web.signRequest(vectorRequest, { ak: 'AccessKey', sk: 'SecretKey' });
      expect(authorization).toMatch(/Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f$/);
    });
  });

  it('signs with the secret key it is given when keys alternate (Web Crypto keeps a key per set of credentials)', async () => {
    const other = { ak: 'AccessKey', sk: 'AnotherSecretKey' };
    const expected = (await signRequest(vectorRequest, other)).authorization;
    await withWebCrypto(async (web) => {
      await web.signRequest(vectorRequest, { ak: 'AccessKey', sk: 'SecretKey' });
      expect((await web.signRequest(vectorRequest, other)).authorization).toBe(expected);
      const { authorization } = await web.signRequest(vectorRequest, { ak: 'AccessKey', sk: 'SecretKey' });
      expect(authorization).toMatch(/Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f$/);
    });
  });
});
