// Each generated client against a real local HTTP server, for every operation
// of every spec: what arrives (method, URL, headers, body), what comes back
// (typed data for the success status, the service's error envelope for every
// documented error status), and how it behaves at the edges (non-JSON errors,
// request IDs, no retries, options that cannot work).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstExample, sampleCalls } from '../../../scripts/lib/sample-calls.ts';
import { callOperation, clientModule, sampleCall } from '../../support/calls.ts';
import { RecordingServer } from '../../support/http-server.ts';
import { isObject, loadSpecs, objectAt, operationsOf, type JsonObject } from '../../support/specs.ts';

const TOKEN = 'MIIZ-test-token';
const specs = await loadSpecs();

const server = new RecordingServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

/** The example body of a response, or undefined for a response without one. */
const exampleOf = (response: unknown) =>
  isObject(response) && isObject(response['content']) ? firstExample(objectAt(response, 'content', 'application/json')) : undefined;

const operations = specs.flatMap(({ name: api, document }) => {
  const samples = sampleCalls(document, api);
  return operationsOf(document).map(({ operation }, index) => {
    const responses = Object.entries(objectAt(operation, 'responses')).map(([status, response]) => ({
      status: Number(status),
      body: exampleOf(response),
    }));
    return {
      api,
      operationId: samples[index]!.operationId,
      sample: samples[index]!,
      success: responses.find((response) => response.status < 300)!,
      errors: responses.filter((response) => response.status >= 400),
    };
  });
});

describe.each(operations)('$api $operationId against a local server', ({ api, sample, success, errors }) => {
  const call = () => callOperation(api, sample, { baseUrl: server.url, token: TOKEN });

  it('sends the method, URL, token and body of the call', async () => {
    server.reply({ status: success.status, body: success.body });
    await call();
    expect(server.requests).toHaveLength(1);
    const [sent] = server.requests;
    expect(sent!.method).toBe(sample.method.toUpperCase());
    expect(sent!.url).toBe(sample.url);
    expect(sent!.headers['x-auth-token']).toBe(TOKEN);
    if (sample.body === undefined) expect(sent!.body).toBe('');
    else {
      expect(sent!.headers['content-type']).toBe('application/json');
      expect(JSON.parse(sent!.body)).toEqual(sample.body);
    }
  });

  it(`returns the ${success.status} body as data, with no error`, async () => {
    server.reply({ status: success.status, body: success.body });
    const result = await call();
    expect(result.response.status).toBe(success.status);
    expect(result.error).toBeUndefined();
    if (success.body !== undefined) expect(result.data).toEqual(success.body);
  });

  it.each(errors)('returns the service error envelope of $status as error', async ({ status, body }) => {
    server.reply({ status, body });
    const result = await call();
    expect(result.response.status).toBe(status);
    expect(result.error).toEqual(body);
    expect(result.data).toBeUndefined();
  });
});

describe.each(specs.map(({ name }) => name))('the %s client', (api) => {
  /** The first operation of the spec: what these behaviours do not depend on. */
  const first = async () => sampleCalls(specs.find((spec) => spec.name === api)!.document, api)[0]!;

  it('returns a non-JSON error body as text with its status, without throwing', async () => {
    server.reply({ status: 502, body: '<html><body>502 Bad Gateway</body></html>' });
    const result = await callOperation(api, await first(), { baseUrl: server.url, token: TOKEN });
    expect(result.response.status).toBe(502);
    expect(result.error).toBe('<html><body>502 Bad Gateway</body></html>');
    expect(result.data).toBeUndefined();
  });

  it('exposes the request ID response header of the service', async () => {
    const { requestIdHeader, requestIdOf } = await clientModule(api);
    server.reply({ status: 200, body: {}, headers: { [requestIdHeader]: 'req-1234' } });
    const result = await callOperation(api, await first(), { baseUrl: server.url, token: TOKEN });
    expect(requestIdOf(result.response)).toBe('req-1234');
  });

  it('does not retry a failed call (a create is not idempotent)', async () => {
    server.reply({ status: 503, body: { message: 'unavailable' } }, { status: 503, body: { message: 'unavailable' } });
    const result = await callOperation(api, await first(), { baseUrl: server.url, token: TOKEN });
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

  // The vendor SDKs' endpoints of a few regions, among them those on other domains and host prefixes.
  it.each([
    ['dws', 'cn-north-4', 'https://dws.cn-north-4.myhuaweicloud.com'],
    ['dws', 'eu-west-101', 'https://dws.eu-west-101.myhuaweicloud.eu'],
    ['dws', 'tr-west-1', 'https://dws.tr-west-1.myhuaweicloud.cn'],
    ['css', 'cn-north-1', 'https://es.cn-north-1.myhuaweicloud.com'],
    ['css', 'ap-southeast-1', 'https://css.ap-southeast-1.myhuaweicloud.com'],
    ['evs', 'ap-southeast-3', 'https://evs.ap-southeast-3.myhuaweicloud.com'],
  ])('%s region %s calls %s', async (api, region, origin) => {
    const { seen, fetch } = capturingFetch();
    const sample = (await sampleCalls(specs.find((spec) => spec.name === api)!.document, api))[0]!;
    const client = (await clientModule(api)).createClient({ region, fetch });
    await client.request(sample.method.toUpperCase(), sample.path, { params: { path: sample.pathParams }, body: sample.body });
    expect(seen.map((request) => request.url)).toEqual([`${origin}${sample.url}`]);
  });

  it('sends no X-Auth-Token without a token, and applies the headers and middleware given', async () => {
    const { seen, fetch } = capturingFetch();
    await callOperation('cinder', await sampleCall('cinder', 'createVolumeSnapshot'), {
      baseUrl: 'https://controller:8776',
      headers: {},
      options: {
        fetch,
        headers: { 'OpenStack-API-Version': 'volume 3.0' },
        middleware: [{ onRequest: ({ request }: { request: Request }) => (request.headers.set('X-Trace', 'on'), request) }],
      },
    });
    const [request] = seen;
    expect(request!.headers.get('x-auth-token')).toBeNull();
    expect(request!.headers.get('openstack-api-version')).toBe('volume 3.0');
    expect(request!.headers.get('x-trace')).toBe('on');
  });

  const constructions: [string, string, JsonObject | undefined, RegExp][] = [
    ['neither baseUrl nor region', 'dws', {}, /snapshot-apis\/dws: pass baseUrl .* or region \(one of: .*cn-north-4/],
    ['an unknown region', 'evs', { region: 'mars-1' }, /unknown region "mars-1"\. Pass one of: .*ap-southeast-1/],
    ['both baseUrl and region', 'css', { baseUrl: 'http://127.0.0.1:4012', region: 'cn-north-4' }, /either baseUrl or region, not both/],
    ['a baseUrl that is not a URL', 'dws', { baseUrl: 'dws.cn-north-4' }, /baseUrl "dws\.cn-north-4" is not an http\(s\) URL/],
    ['an empty token', 'dws', { baseUrl: 'http://127.0.0.1:4010', token: ' ' }, /token is empty/],
    ['no baseUrl for Cinder', 'cinder', {}, /snapshot-apis\/cinder: pass baseUrl \(e\.g\. https:\/\/controller:8776\)/],
    ['a region for Cinder', 'cinder', { region: 'RegionOne' }, /no official regions; pass baseUrl/],
    ['no options object', 'dws', undefined, /needs an options object/],
  ];
  it.each(constructions)('reject %s at construction, saying what to pass', async (_case, api, options, message) => {
    const module = await clientModule(api);
    const construct = () => module.createClient(options as JsonObject);
    expect(construct).toThrow(expect.objectContaining({ name: 'ClientOptionsError' }));
    expect(construct).toThrow(message);
  });
});
