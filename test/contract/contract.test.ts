// The generated clients against the Prism mocks of the specs: what the
// documents promise, the mocks serve, and the clients handle.
import { describe, expect, it } from 'vitest';
import { callerFor } from '../support/calls.ts';
import { mockFor, namesField, printMockLogOnFailure, violationsOf } from '../support/mocks.ts';
import { seedFacts } from '../support/seed-facts.ts';
import { isObject, loadSpec, objectAt, onlyOperation, validate, withValue, type Json, type JsonObject } from '../support/specs.ts';

const TOKEN = 'contract-test-token';

/** The key of the named example whose value equals `value`. */
function exampleKey(media: JsonObject, value: Json): string {
  const entry = Object.entries(objectAt(media, 'examples')).find(
    ([, example]) => isObject(example) && JSON.stringify(example['value']) === JSON.stringify(value),
  );
  if (entry === undefined) throw new Error(`No named example equals ${JSON.stringify(value)}`);
  return entry[0];
}

describe.each(seedFacts)('$api: the mock and the client keep the contract', (facts) => {
  const { call } = callerFor(facts.api);
  const baseUrl = () => mockFor(facts.api).url;
  const operation = async () => onlyOperation((await loadSpec(facts.api)).document).operation;
  printMockLogOnFailure(facts.api);

  it('answers each documented request example with the documented status and example body', async () => {
    const responses = objectAt(await operation(), 'responses');
    const media = objectAt(responses, facts.successStatus, 'content', 'application/json');
    for (const request of facts.requestExamples) {
      for (const expected of facts.responseExamples[facts.successStatus] ?? []) {
        const result = await call({ baseUrl: baseUrl(), token: TOKEN, body: request, headers: { Prefer: `example=${exampleKey(media, expected)}` } });
        expect(violationsOf(result.response)).toEqual([]);
        expect(result.response.status).toBe(Number(facts.successStatus));
        expect(result.data).toEqual(expected);
      }
    }
  });

  for (const boundary of facts.boundaries) {
    for (const value of boundary.invalid) {
      const shown = value === undefined ? 'no value' : JSON.stringify(value).slice(0, 40);
      it(`rejects ${boundary.field.join('.')} = ${shown} with a 4xx naming the field (${boundary.rule})`, async () => {
        const result = await call({ baseUrl: baseUrl(), token: TOKEN, body: withValue(facts.base, boundary.field, value) });
        expect(result.response.status).toBeGreaterThanOrEqual(400);
        expect(result.response.status).toBeLessThan(500);
        expect(result.data).toBeUndefined();
        const violations = violationsOf(result.response);
        expect(violations.filter((violation) => namesField(violation, boundary.field)), JSON.stringify(violations)).not.toEqual([]);
      });
    }
  }

  it('answers 401 to a request without credentials', async () => {
    const result = await call({ baseUrl: baseUrl(), body: facts.base });
    expect(result.response.status).toBe(401);
    expect(result.error).toBeDefined();
  });

  it('serves every documented status on request, with a body that fits its schema', async () => {
    const responses = objectAt(await operation(), 'responses');
    for (const [status, response] of Object.entries(responses)) {
      const result = await call({ baseUrl: baseUrl(), token: TOKEN, body: facts.base, headers: { Prefer: `code=${status}` } });
      expect(result.response.status, `Prefer: code=${status}`).toBe(Number(status));
      const schema = objectAt(response, 'content', 'application/json', 'schema');
      expect(validate(schema, result.data ?? result.error), `body of ${status}`).toEqual([]);
    }
  });

  it('serves dynamic (generated) bodies that fit the schema of every status', async () => {
    const responses = objectAt(await operation(), 'responses');
    for (const [status, response] of Object.entries(responses)) {
      const schema = objectAt(response, 'content', 'application/json', 'schema');
      for (let round = 0; round < 5; round += 1) {
        const result = await call({ baseUrl: baseUrl(), token: TOKEN, body: facts.base, headers: { Prefer: `code=${status}, dynamic=true` } });
        expect(result.response.status).toBe(Number(status));
        expect(validate(schema, result.data ?? result.error), `dynamic body of ${status}`).toEqual([]);
      }
    }
  });
});

describe('the mocks under awkward input', () => {
  printMockLogOnFailure('evs');

  it('report a violation whose field name a header cannot carry, and keep serving', async () => {
    const { call } = callerFor('evs');
    const baseUrl = mockFor('evs').url;
    const body = { snapshot: { volume_id: '2c194dde-7de5-4529-a141-49f48181f411', tags: { 'env😀': 1 } } };
    const rejected = await call({ baseUrl, token: TOKEN, body: body as unknown as JsonObject });
    expect(rejected.response.status).toBe(400);
    expect(violationsOf(rejected.response).map((violation) => violation.location)).toContainEqual(['request', 'body', 'snapshot', 'tags', 'env😀']);
    const next = await call({ baseUrl, token: TOKEN, body: { snapshot: { volume_id: '2c194dde-7de5-4529-a141-49f48181f411' } } });
    expect(next.response.status).toBe(202);
  });
});
