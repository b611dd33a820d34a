// Each generated client against a real local HTTP server: what arrives (method,
// URL, headers, body), what comes back (typed data for the success status, the
// service's error envelope for every documented error status), and how it
// behaves at the edges (non-JSON errors, request IDs, no retries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cinder from '../../src/cinder.ts';
import * as css from '../../src/css.ts';
import * as dws from '../../src/dws.ts';
import * as evs from '../../src/evs.ts';
import { callers, CLUSTER_ID as CLUSTER } from '../support/calls.ts';
import { RecordingServer } from '../support/http-server.ts';
import { isObject, loadSpec, objectAt, onlyOperation, type Json, type JsonObject } from '../support/specs.ts';

const TOKEN = 'MIIZ-test-token';

function firstExample(media: JsonObject): Json {
  const examples = Object.values(objectAt(media, 'examples')).filter(isObject);
  return examples[0]!['value']!;
}

interface SpecFacts {
  request: JsonObject;
  success: { status: number; body: Json };
  errors: { status: number; body: Json }[];
}

async function factsOf(api: string): Promise<SpecFacts> {
  const { operation } = onlyOperation((await loadSpec(api)).document);
  const responses = Object.entries(objectAt(operation, 'responses')).map(([status, response]) => ({
    status: Number(status),
    body: firstExample(objectAt(response, 'content', 'application/json')),
  }));
  return {
    request: firstExample(objectAt(operation, 'requestBody', 'content', 'application/json')) as JsonObject,
    success: responses.find((response) => response.status < 300)!,
    errors: responses.filter((response) => response.status >= 400),
  };
}

const server = new RecordingServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

describe.each(callers)('$api client against a local server', ({ api, path, call: callApi, requestIdHeader, requestIdOf }) => {
  const call = (baseUrl: string, body: JsonObject) => callApi({ baseUrl, body, token: TOKEN });

  it('sends the method, URL, token, content type and body of the call', async () => {
    const { request, success } = await factsOf(api);
    server.reply({ status: success.status, body: success.body });
    await call(server.url, request);
    expect(server.requests).toHaveLength(1);
    const [sent] = server.requests;
    expect(sent!.method).toBe('POST');
    expect(sent!.url).toBe(path);
    expect(sent!.headers['x-auth-token']).toBe(TOKEN);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent!.body)).toEqual(request);
  });

  it('returns the success body as data, with no error', async () => {
    const { request, success } = await factsOf(api);
    server.reply({ status: success.status, body: success.body });
    const result = await call(server.url, request);
    expect(result.response.status).toBe(success.status);
    expect(result.data).toEqual(success.body);
    expect(result.error).toBeUndefined();
  });

  it('returns the service error envelope as error, for every documented error status', async () => {
    const { request, errors } = await factsOf(api);
    expect(errors.length).toBeGreaterThan(0);
    for (const { status, body } of errors) {
      server.reply({ status, body });
      const result = await call(server.url, request);
      expect(result.response.status).toBe(status);
      expect(result.error).toEqual(body);
      expect(result.data).toBeUndefined();
    }
  });

  it('returns a non-JSON error body as text with its status, without throwing', async () => {
    const { request } = await factsOf(api);
    server.reply({ status: 502, body: '<html><body>502 Bad Gateway</body></html>' });
    const result = await call(server.url, request);
    expect(result.response.status).toBe(502);
    expect(result.error).toBe('<html><body>502 Bad Gateway</body></html>');
    expect(result.data).toBeUndefined();
  });

  it(`exposes the ${requestIdHeader} response header`, async () => {
    const { request, success } = await factsOf(api);
    server.reply({ status: success.status, body: success.body, headers: { [requestIdHeader]: 'req-1234' } });
    const result = await call(server.url, request);
    expect(requestIdOf(result.response)).toBe('req-1234');
  });

  it('does not retry a failed create (it is not idempotent)', async () => {
    const { request } = await factsOf(api);
    server.reply({ status: 503, body: { message: 'unavailable' } }, { status: 503, body: { message: 'unavailable' } });
    const result = await call(server.url, request);
    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });
});

describe('client options', () => {
  /** A fetch that records the request and answers 200, so no request leaves the machine. */
  function capturingFetch() {
    const seen: Request[] = [];
    const fetch = async (request: Request) => {
      seen.push(request);
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return { seen, fetch };
  }

  it.each([
    ['dws', 'cn-north-4', 'https://dws.cn-north-4.myhuaweicloud.com/v1.0/p/snapshots'],
    ['dws', 'eu-west-101', 'https://dws.eu-west-101.myhuaweicloud.eu/v1.0/p/snapshots'],
    ['dws', 'tr-west-1', 'https://dws.tr-west-1.myhuaweicloud.cn/v1.0/p/snapshots'],
    ['css', 'cn-north-1', 'https://es.cn-north-1.myhuaweicloud.com/v1.0/p/clusters/c/index_snapshot'],
    ['css', 'ap-southeast-1', 'https://css.ap-southeast-1.myhuaweicloud.com/v1.0/p/clusters/c/index_snapshot'],
    ['evs', 'ap-southeast-3', 'https://evs.ap-southeast-3.myhuaweicloud.com/v5/p/snapshots'],
  ] as const)('%s region %s calls %s', async (api, region, url) => {
    const { seen, fetch } = capturingFetch();
    if (api === 'dws') {
      await dws.createClient({ region, fetch }).POST('/v1.0/{project_id}/snapshots', {
        params: { path: { project_id: 'p' } },
        body: { snapshot: { name: 'snap', cluster_id: CLUSTER } },
      });
    } else if (api === 'css') {
      await css.createClient({ region, fetch }).POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', {
        params: { path: { project_id: 'p', cluster_id: 'c' } },
        body: { name: 'snap' },
      });
    } else {
      await evs.createClient({ region, fetch }).POST('/v5/{project_id}/snapshots', {
        params: { path: { project_id: 'p' } },
        body: { snapshot: { volume_id: CLUSTER } },
      });
    }
    expect(seen.map((request) => request.url)).toEqual([url]);
  });

  it('sends no X-Auth-Token without a token, and applies headers and middleware given', async () => {
    const { seen, fetch } = capturingFetch();
    const client = cinder.createClient({
      baseUrl: 'https://controller:8776',
      fetch,
      headers: { 'OpenStack-API-Version': 'volume 3.0' },
      middleware: [{ onRequest: ({ request }) => (request.headers.set('X-Trace', 'on'), request) }],
    });
    await client.POST('/v2/{tenant_id}/snapshots', { params: { path: { tenant_id: 't' } }, body: { snapshot: { volume_id: CLUSTER } } });
    const [request] = seen;
    expect(request!.headers.get('x-auth-token')).toBeNull();
    expect(request!.headers.get('openstack-api-version')).toBe('volume 3.0');
    expect(request!.headers.get('x-trace')).toBe('on');
  });

  it.each([
    ['neither baseUrl nor region', () => dws.createClient({}), /snapshot-apis\/dws: pass baseUrl .* or region \(one of: .*cn-north-4/],
    ['an unknown region', () => evs.createClient({ region: 'mars-1' as evs.Region }), /unknown region "mars-1"\. Pass one of: .*ap-southeast-1/],
    ['both baseUrl and region', () => css.createClient({ baseUrl: 'http://127.0.0.1:4012', region: 'cn-north-4' }), /either baseUrl or region, not both/],
    ['a baseUrl that is not a URL', () => dws.createClient({ baseUrl: 'dws.cn-north-4' }), /baseUrl "dws\.cn-north-4" is not an http\(s\) URL/],
    ['an empty token', () => dws.createClient({ baseUrl: 'http://127.0.0.1:4010', token: ' ' }), /token is empty/],
    ['no baseUrl for Cinder', () => cinder.createClient({}), /snapshot-apis\/cinder: pass baseUrl \(your cloud's Block Storage endpoint/],
    ['a region for Cinder', () => cinder.createClient({ region: 'RegionOne' } as cinder.CinderClientOptions), /no official regions; pass baseUrl/],
    ['no options object', () => dws.createClient(undefined as unknown as dws.DwsClientOptions), /needs an options object/],
  ])('reject %s at construction, saying what to pass', (_case, construct, message) => {
    expect(construct).toThrow(dws.ClientOptionsError);
    expect(construct).toThrow(message);
  });
});
