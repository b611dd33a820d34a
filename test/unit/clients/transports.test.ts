// Every way a request can leave a client puts the same request on the wire and
// gives the caller the same result: the Node.js transport (undici, the
// default), `transport: 'fetch'` (what browsers run), and real `Request`s sent
// with fetch (what any middleware gets). For every operation of every API,
// with a token and, where the API takes it, AK/SK; for the success status,
// every documented error status, and a non-JSON error page.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acceptsAkSk } from '../../../scripts/lib/operations.ts';
import { firstExample, sampleCalls } from '../../../scripts/lib/sample-calls.ts';
import { callOperation } from '../../support/calls.ts';
import { RecordingServer, type RecordedRequest, type Reply } from '../../support/http-server.ts';
import { isObject, loadSpecs, objectAt, operationsOf } from '../../support/specs.ts';

const server = new RecordingServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

/** A middleware that changes nothing: its presence alone makes requests real `Request`s. */
const looking = { onRequest: () => undefined };
const PATHS: [string, Record<string, unknown>][] = [
  ['the Node.js transport', {}],
  ["transport: 'fetch'", { transport: 'fetch' }],
  ['real Requests (middleware)', { middleware: [looking] }],
];

const CREDENTIALS = {
  token: { token: 'MIIZ-test-token' },
  'AK/SK': {
    ak: 'HPUAXZ1EXAMPLE7KEYID',
    sk: 'zJ8s9F2kQ0b1EXAMPLEsecretKEYvalue0123456',
    projectId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    // One instant for every path, so that their signatures can be compared.
    now: () => new Date('2026-11-23T08:09:10Z'),
  },
};

/**
 * What fetch alone adds for a browser's sake, which says nothing to a service
 * (and `connection`, which is the transport's own business).
 */
const NOT_COMPARED = new Set(['connection', 'accept-language', 'sec-fetch-mode']);

function onTheWire({ method, url, headers, bytes }: RecordedRequest) {
  const compared = Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_COMPARED.has(name)));
  return { method, url, headers: compared, body: bytes.toString('base64') };
}

/** The response headers, but those that change from one response to the next. */
function responseHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'date' && name !== 'keep-alive') headers[name] = value;
  });
  return headers;
}

const exampleOf = (response: unknown) =>
  isObject(response) && isObject(response['content']) ? firstExample(objectAt(response, 'content', 'application/json')) : undefined;

const cases = (await loadSpecs()).flatMap(({ name: api, document }) => {
  const samples = sampleCalls(document, api);
  const credentials = acceptsAkSk(document) ? (['token', 'AK/SK'] as const) : (['token'] as const);
  return operationsOf(document).flatMap(({ operation }, index) => {
    const replies: Reply[] = Object.entries(objectAt(operation, 'responses')).map(([status, response]) => ({
      status: Number(status),
      body: exampleOf(response),
      headers: { 'X-Request-Id': 'req-1', 'x-openstack-request-id': 'req-1' },
    }));
    replies.push({ status: 502, body: '<html><body>502 Bad Gateway</body></html>' });
    return credentials.flatMap((credential) =>
      replies.map((reply) => ({ api, operationId: samples[index]!.operationId, sample: samples[index]!, credential, reply })),
    );
  });
});

it.each(cases)(
  '$api $operationId with $credential, answered $reply.status: the same on the wire and back, whichever way it is sent',
  async ({ api, sample, credential, reply }) => {
    const seen = [];
    for (const [, options] of PATHS) {
      server.reply(reply);
      const result = await callOperation(api, sample, { baseUrl: server.url, options: { ...CREDENTIALS[credential], ...options } });
      expect(server.requests).toHaveLength(1);
      seen.push({
        request: onTheWire(server.requests[0]!),
        status: result.response.status,
        data: result.data,
        error: result.error,
        headers: responseHeaders(result.response),
      });
    }
    const [first, ...others] = seen;
    for (const other of others) expect(other).toEqual(first);
    // And what went out is what the call says.
    expect(first!.request.method).toBe(sample.method.toUpperCase());
    expect(first!.request.url).toBe(sample.url);
    expect(first!.request.headers[credential === 'token' ? 'x-auth-token' : 'authorization']).toBeDefined();
    expect(first!.status).toBe(reply.status);
  },
);
