// The generated clients against the Prism mocks of the specs: what the
// documents promise, the mocks serve, and the clients handle.
import { describe, expect, it } from 'vitest';
import { sampleCalls } from '../../../scripts/lib/sample-calls.ts';
import { callOperation, sampleCall } from '../../support/calls.ts';
import { mockFor, namesField, printMockLogOnFailure, violationsOf } from '../../support/mocks.ts';
import { invalidCases, seedFacts } from '../../support/seed-facts.ts';
import { isObject, loadSpecs, objectAt, operationsOf, validate, withValue, type Json, type JsonObject } from '../../support/specs.ts';

const TOKEN = 'contract-test-token';
const specs = await loadSpecs();

/** The key of the named example whose value equals `value`. */
function exampleKey(media: JsonObject, value: Json): string {
  const entry = Object.entries(objectAt(media, 'examples')).find(
    ([, example]) => isObject(example) && JSON.stringify(example['value']) === JSON.stringify(value),
  );
  if (entry === undefined) throw new Error(`No named example equals ${JSON.stringify(value)}`);
  return entry[0];
}

describe.each(seedFacts)('$api: the mock and the client keep the documented create contract', (facts) => {
  const baseUrl = () => mockFor(facts.api).url;
  const create = () => sampleCall(facts.api, facts);
  const { operation } = operationsOf(specs.find((spec) => spec.name === facts.api)!.document).find(
    (candidate) => candidate.method === facts.method && candidate.path === facts.path,
  )!;
  printMockLogOnFailure(facts.api);

  const documented = facts.requestExamples.flatMap((request, r) =>
    (facts.responseExamples[facts.successStatus] ?? []).map((response, s) => ({
      request,
      response,
      label: `request example ${r + 1}, response example ${s + 1}`,
    })),
  );
  it.each(documented)('answers the documented $label with the documented status and body', async ({ request, response }) => {
    const media = objectAt(operation, 'responses', facts.successStatus, 'content', 'application/json');
    const result = await callOperation(facts.api, await create(), {
      baseUrl: baseUrl(),
      token: TOKEN,
      body: request,
      headers: { Prefer: `example=${exampleKey(media, response)}` },
    });
    expect(violationsOf(result.response)).toEqual([]);
    expect(result.response.status).toBe(Number(facts.successStatus));
    expect(result.data).toEqual(response);
  });

  it.each(invalidCases(facts))('rejects $field = $shown with a 4xx naming the field ($boundary.rule)', async ({ boundary, value }) => {
    const result = await callOperation(facts.api, await create(), {
      baseUrl: baseUrl(),
      token: TOKEN,
      body: withValue(facts.base, boundary.field, value),
    });
    expect(result.response.status).toBeGreaterThanOrEqual(400);
    expect(result.response.status).toBeLessThan(500);
    expect(result.data).toBeUndefined();
    const violations = violationsOf(result.response);
    expect(
      violations.filter((violation) => namesField(violation, boundary.field)),
      JSON.stringify(violations),
    ).not.toEqual([]);
  });
});

const operations = specs.flatMap(({ name: api, document }) => {
  const samples = sampleCalls(document, api);
  return operationsOf(document).map(({ operation }, index) => ({
    api,
    operation,
    sample: samples[index]!,
    operationId: samples[index]!.operationId,
  }));
});

describe.each(operations)('$api $operationId on the mock', ({ api, operation, sample }) => {
  const baseUrl = () => mockFor(api).url;
  printMockLogOnFailure(api);

  it('answers its sample call with its success status and a body that fits the schema', async () => {
    const result = await callOperation(api, sample, { baseUrl: baseUrl(), token: TOKEN });
    expect(violationsOf(result.response)).toEqual([]);
    expect(result.response.status).toBe(sample.successStatus);
    const schema = (operation['responses'] as JsonObject)[String(sample.successStatus)] as JsonObject;
    if (isObject(schema['content'])) expect(validate(objectAt(schema, 'content', 'application/json', 'schema'), result.data)).toEqual([]);
  });

  it('answers 401 to a request without credentials', async () => {
    const result = await callOperation(api, sample, { baseUrl: baseUrl() });
    expect(result.response.status).toBe(401);
    expect(result.error).toBeDefined();
  });

  const statuses = Object.entries(objectAt(operation, 'responses'))
    .filter(([, response]) => isObject(response) && isObject(response['content']))
    .map(([status, response]) => ({ status, schema: objectAt(response, 'content', 'application/json', 'schema') }));

  it.each(statuses)('serves status $status on request, with a body that fits its schema', async ({ status, schema }) => {
    const result = await callOperation(api, sample, { baseUrl: baseUrl(), token: TOKEN, headers: { Prefer: `code=${status}` } });
    expect(result.response.status).toBe(Number(status));
    expect(validate(schema, result.data ?? result.error)).toEqual([]);
  });

  it.each(statuses)('serves generated (dynamic) bodies for status $status that fit its schema', async ({ status, schema }) => {
    for (let round = 0; round < 5; round += 1) {
      const result = await callOperation(api, sample, {
        baseUrl: baseUrl(),
        token: TOKEN,
        headers: { Prefer: `code=${status}, dynamic=true` },
      });
      expect(result.response.status).toBe(Number(status));
      expect(validate(schema, result.data ?? result.error), `round ${round + 1}`).toEqual([]);
    }
  });
});

describe('the mocks under awkward input', () => {
  printMockLogOnFailure('evs');

  it('report a violation whose field name a header cannot carry, and keep serving', async () => {
    const create = await sampleCall('evs', 'createStandardSnapshot');
    const baseUrl = mockFor('evs').url;
    const body = { snapshot: { volume_id: '2c194dde-7de5-4529-a141-49f48181f411', tags: { 'env😀': 1 } } };
    const rejected = await callOperation('evs', create, { baseUrl, token: TOKEN, body });
    expect(rejected.response.status).toBe(400);
    expect(violationsOf(rejected.response).map((violation) => violation.location)).toContainEqual([
      'request',
      'body',
      'snapshot',
      'tags',
      'env😀',
    ]);
    const next = await callOperation('evs', create, { baseUrl, token: TOKEN });
    expect(next.response.status).toBe(202);
  });

  it('generate list pages without a next link, as a page that is not full has none', async () => {
    const list = await sampleCall('cinder', 'listVolumeSnapshotsDetailed');
    const result = await callOperation('cinder', list, {
      baseUrl: mockFor('cinder').url,
      token: TOKEN,
      headers: { Prefer: 'dynamic=true' },
    });
    expect(result.response.status).toBe(200);
    expect(Object.keys(result.data as object)).toEqual(['snapshots']);
  });
});
