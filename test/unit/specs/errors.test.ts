// Every error status has a response with the real error body of the service
// that sends it, and an example of that body. The envelopes differ: DWS, CSS and
// EVS each have their own, Huawei's API gateway (401, 429) has another, Cinder
// wraps the message in a key named after the fault, and Keystone answers 401.
import { describe, expect, it } from 'vitest';
import { isObject, loadSpecs, objectAt, operationsOf, validate } from '../../support/specs.ts';

const gateway = ['error_code', 'error_msg'];
const dwsError = ['error_code', 'error_msg'];
const cssError = ['errCode', 'externalMessage'];
const evsError = ['error'];

/** Top-level keys each error body requires, per API and status. */
const envelopes: Record<string, Record<string, string[]>> = {
  dws: { '400': dwsError, '401': gateway, '403': dwsError, '404': dwsError, '429': gateway, '500': dwsError, '503': dwsError },
  cinder: {
    '400': ['badRequest'],
    '401': ['error'],
    '403': ['forbidden'],
    '404': ['itemNotFound'],
    '413': ['overLimit'],
    '415': ['badMediaType'],
    '500': ['computeFault'],
  },
  css: { '400': cssError, '401': gateway, '403': cssError, '406': cssError, '429': gateway, '500': cssError, '501': cssError },
  evs: {
    '400': evsError,
    '401': gateway,
    '403': evsError,
    '404': evsError,
    '409': evsError,
    '429': gateway,
    '500': evsError,
    '503': evsError,
  },
};

const specs = await loadSpecs();
const cases = specs.flatMap(({ name: api, document }) =>
  operationsOf(document).flatMap(({ operation }) =>
    Object.entries(objectAt(operation, 'responses'))
      .filter(([status]) => /^[45]/.test(status))
      .map(([status, response]) => ({
        api,
        status,
        operationId: String(operation['operationId']),
        media: objectAt(response, 'content', 'application/json'),
      })),
  ),
);

describe('error responses', () => {
  it.each(cases)('$api $operationId $status has the envelope the service sends for $status', ({ api, status, media }) => {
    const keys = envelopes[api]?.[status];
    expect(keys, `no envelope is known for ${api} ${status}: add it to the table above, from the evidence`).toBeDefined();
    expect(objectAt(media, 'schema')['required']).toEqual(keys);
  });

  it.each(cases)('$api $operationId $status shows example bodies with that envelope', ({ api, status, media }) => {
    const examples = Object.values(objectAt(media, 'examples')).filter(isObject);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(Object.keys(objectAt(example, 'value'))).toEqual(expect.arrayContaining(envelopes[api]?.[status] ?? []));
      expect(validate(objectAt(media, 'schema'), example['value'])).toEqual([]);
    }
  });
});
