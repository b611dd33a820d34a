// Hostile requests to every Prism mock (the shared ones of global-setup.ts):
// each is answered with a status below 500, and the mock keeps serving, so
// one bad request never takes `npm run mock` down. scripts/lib/
// prism-request-guard.cjs says what Prism did with each before it was guarded.
import { describe, expect, it } from 'vitest';
import { isRunning } from '../../../scripts/lib/processes.ts';
import { sampleCalls, type SampleCall } from '../../../scripts/lib/sample-calls.ts';
import { mockFor, printMockLogOnFailure } from '../../support/mocks.ts';
import { sendRaw, type RawRequest } from '../../support/raw-http.ts';
import { loadSpecs } from '../../support/specs.ts';

const MALFORMED_ESCAPE = '%E0%A4%A';
const JSON_REQUEST = { 'content-type': 'application/json', 'x-auth-token': 'hostile-test-token' };

/** The operation's own path with its first path parameter replaced by `value`, unescaped. */
function pathWithParameter(sample: SampleCall, value: string): string {
  const [first] = Object.keys(sample.pathParams);
  return sample.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    name === first ? value : encodeURIComponent(sample.pathParams[name]!),
  );
}

/** Each hostile request, sent to the operation of `sample`, with credentials so that it reaches validation. */
const hostileRequests: { name: string; request: (sample: SampleCall) => RawRequest }[] = [
  { name: 'malformed JSON', request: ({ url }) => ({ method: 'POST', path: url, headers: JSON_REQUEST, body: '{"snapshot": {' }) },
  {
    name: 'a wrong content type',
    request: ({ url }) => ({ method: 'POST', path: url, headers: { ...JSON_REQUEST, 'content-type': 'text/plain' }, body: 'snapshot' }),
  },
  {
    name: 'a Content-Type that does not parse',
    request: ({ url, body }) => ({
      method: 'POST',
      path: url,
      headers: { ...JSON_REQUEST, 'content-type': 'application/json; charset' },
      body: JSON.stringify(body),
    }),
  },
  {
    name: 'a 5 MB body',
    request: ({ url }) => ({ method: 'POST', path: url, headers: JSON_REQUEST, body: JSON.stringify({ name: 'x'.repeat(5_000_000) }) }),
  },
  {
    name: 'JSON nested 5,000 levels deep',
    request: ({ url }) => ({ method: 'POST', path: url, headers: JSON_REQUEST, body: `${'['.repeat(5_000)}${']'.repeat(5_000)}` }),
  },
  {
    name: 'a body that is not UTF-8',
    request: ({ url }) => ({
      method: 'POST',
      path: url,
      headers: JSON_REQUEST,
      body: Buffer.concat([Buffer.from('{"snapshot": {"name": "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')]),
    }),
  },
  { name: 'an unknown method', request: ({ url }) => ({ method: 'BREW', path: url, headers: JSON_REQUEST }) },
  { name: 'a CONNECT', request: () => ({ method: 'CONNECT', path: '127.0.0.1:22', headers: JSON_REQUEST }) },
  {
    name: 'a malformed escape in a path parameter',
    request: (sample) => ({
      method: 'POST',
      path: pathWithParameter(sample, MALFORMED_ESCAPE),
      headers: JSON_REQUEST,
      body: JSON.stringify(sample.body),
    }),
  },
  { name: 'a malformed escape outside any route', request: () => ({ path: `/${MALFORMED_ESCAPE}`, headers: JSON_REQUEST }) },
  {
    name: 'an Accept item that is no media type',
    request: ({ url, body }) => ({ method: 'POST', path: url, headers: { ...JSON_REQUEST, accept: 'foo' }, body: JSON.stringify(body) }),
  },
  { name: 'a 20 kB path', request: () => ({ path: `/${'a'.repeat(20_000)}`, headers: JSON_REQUEST }) },
];

const specs = await loadSpecs();
const mocks = specs.map(({ name, document }) => ({ api: name, sample: sampleCalls(document, name)[0]! }));

describe.each(mocks)('the $api mock under hostile requests', ({ api, sample }) => {
  printMockLogOnFailure(api);

  async function expectStillServing() {
    const { url, pid } = mockFor(api);
    const answer = await sendRaw(url, {
      method: sample.method.toUpperCase(),
      path: sample.url,
      headers: JSON_REQUEST,
      body: JSON.stringify(sample.body),
    });
    expect(answer.status, answer.body).toBe(sample.successStatus);
    expect(isRunning(pid)).toBe(true);
  }

  it.each(hostileRequests)('answers $name with a status below 500, and keeps serving', async ({ request }) => {
    const answer = await sendRaw(mockFor(api).url, request(sample));
    expect(answer.status, answer.body).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.body).toBeLessThan(500);
    await expectStillServing();
  });

  it('answers a burst of 30 hostile requests in parallel with a status below 500 each, and keeps serving', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) => sendRaw(mockFor(api).url, hostileRequests[index % hostileRequests.length]!.request(sample))),
    );
    for (const answer of answers) expect(answer.status, answer.body).toBeLessThan(500);
    await expectStillServing();
  });
});
