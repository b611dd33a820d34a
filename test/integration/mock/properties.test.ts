// Property-based contract tests: request bodies generated from each spec's
// schema are accepted by its mock, and the same bodies with one constraint
// broken are rejected, with the broken field named. A fixed seed makes a
// failure repeat; fast-check prints the seed and the smallest failing body.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryOf, mutationsOf } from '../../support/arbitraries.ts';
import { sampleCalls } from '../../../scripts/lib/sample-calls.ts';
import { callOperation } from '../../support/calls.ts';
import { mockFor, namesField, printMockLogOnFailure, violationsOf } from '../../support/mocks.ts';
import { loadSpecs, operationsOf, requestBodySchema, validate, type JsonObject } from '../../support/specs.ts';

const SEED = 20_261_123;
const RUNS = 100;

/** Every operation that takes a JSON body. */
const operations = (await loadSpecs()).flatMap(({ name: api, document }) => {
  const samples = sampleCalls(document, api);
  return operationsOf(document)
    .map(({ operation }, index) => ({ api, operation, sample: samples[index]!, operationId: samples[index]!.operationId }))
    .filter(({ sample }) => sample.body !== undefined);
});

describe.each(operations)('$api $operationId: generated request bodies', ({ api, operation, sample }) => {
  printMockLogOnFailure(api);

  it(`are accepted by the mock, and rejected once one constraint is broken (${RUNS} bodies)`, async () => {
    const schema = requestBodySchema(operation);
    const successStatus = sample.successStatus;
    const baseUrl = mockFor(api).url;
    const call = ({ token, body }: { token: string; body: JsonObject }) => callOperation(api, sample, { baseUrl, token, body });
    let accepted = 0;
    let rejected = 0;

    await fc.assert(
      fc.asyncProperty(arbitraryOf(schema), fc.nat(), async (generated, pick) => {
        const body = generated as JsonObject;
        expect(validate(schema, body), 'the generator made an invalid body').toEqual([]);
        const valid = await call({ token: 'property-test', body });
        expect(violationsOf(valid.response)).toEqual([]);
        expect(valid.response.status).toBe(successStatus);
        accepted += 1;

        const mutations = mutationsOf(schema, body);
        const mutation = mutations[pick % mutations.length]!;
        expect(validate(schema, mutation.body).length, `mutation ${mutation.breaks} left the body valid`).toBeGreaterThan(0);
        const invalid = await call({ token: 'property-test', body: mutation.body });
        expect(invalid.response.status, `${mutation.breaks} at ${mutation.field.join('.')}`).toBeGreaterThanOrEqual(400);
        expect(invalid.response.status).toBeLessThan(500);
        const violations = violationsOf(invalid.response);
        expect(
          violations.filter((violation) => namesField(violation, mutation.field)),
          JSON.stringify(violations),
        ).not.toEqual([]);
        rejected += 1;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect({ accepted, rejected }).toEqual({ accepted: RUNS, rejected: RUNS });
  });
});
