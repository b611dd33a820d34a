// Every error status has a response with the real error body of the service
// that sends it, and an example of that body. The envelopes differ: DWS, CSS and
// EVS each have their own, Huawei's API gateway (401, 429) has another, Cinder
// wraps the message in a key named after the fault, and Keystone answers 401.
import { describe, expect, it } from 'vitest';
import { isObject, loadSpec, objectAt, onlyOperation, validate, type JsonObject } from './support/specs.ts';

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

const cases = Object.entries(envelopes).flatMap(([api, statuses]) =>
  Object.entries(statuses).map(([status, keys]) => ({ api, status, keys })),
);

async function errorMedia(api: string, status: string): Promise<JsonObject> {
  return objectAt(onlyOperation((await loadSpec(api)).document).operation, 'responses', status, 'content', 'application/json');
}

describe('error responses', () => {
  it.each(Object.keys(envelopes))('%s lists exactly the error statuses checked here', async (api) => {
    const responses = objectAt(onlyOperation((await loadSpec(api)).document).operation, 'responses');
    const errors = Object.keys(responses).filter((status) => /^[45]/.test(status));
    expect(errors).toEqual(Object.keys(envelopes[api]!));
  });

  for (const { api, status, keys } of cases) {
    it(`${api} ${status} has the envelope {${keys.join(', ')}}`, async () => {
      const schema = objectAt(await errorMedia(api, status), 'schema');
      expect(schema['required']).toEqual(keys);
    });

    it(`${api} ${status} shows an example body with that envelope`, async () => {
      const media = await errorMedia(api, status);
      const examples = Object.values(objectAt(media, 'examples')).filter(isObject);
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        expect(Object.keys(objectAt(example, 'value'))).toEqual(expect.arrayContaining(keys));
        expect(validate(objectAt(media, 'schema'), example['value'])).toEqual([]);
      }
    });
  }
});
