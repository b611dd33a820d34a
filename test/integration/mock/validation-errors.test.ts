// What a mock answers to a request that fails the spec's validation: the
// Cinder mock names the real violation in Cinder's own `badRequest` envelope
// and wording (scripts/lib/prism-validation-errors.cjs), where Prism alone
// would send the spec's fixed example, which blames volume_id whatever was
// wrong; the other mocks keep their spec's example.
import { describe, expect, it } from 'vitest';
import { firstExample } from '../../../scripts/lib/sample-calls.ts';
import { callOperation, sampleCall } from '../../support/calls.ts';
import { mockFor, printMockLogOnFailure, violationsOf } from '../../support/mocks.ts';
import { cinder, invalidCases, seedFacts } from '../../support/seed-facts.ts';
import { isObject, loadSpec, objectAt, operationAt, validate, withValue, type Json, type JsonObject } from '../../support/specs.ts';

const TOKEN = 'validation-error-test-token';

async function invalidCall(api: string, body: JsonObject) {
  const facts = seedFacts.find((candidate) => candidate.api === api)!;
  const { document } = await loadSpec(api);
  const badRequest = objectAt(operationAt(document, facts.method, facts.path).operation, 'responses', '400', 'content', 'application/json');
  const result = await callOperation(api, await sampleCall(api, facts), { baseUrl: mockFor(api).url, token: TOKEN, body });
  return { ...result, badRequest };
}

describe('the Cinder mock', () => {
  printMockLogOnFailure('cinder');

  const overlong = 'n'.repeat(256);
  it.each([
    {
      wrong: 'a name over 255 characters',
      body: { snapshot: { volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635', name: overlong } },
      message: `Invalid input for field/attribute name. Value: ${overlong}. '${overlong}' is too long`,
    },
    {
      wrong: 'an unknown field',
      body: { snapshot: { volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635', new_size: 1 } },
      message:
        "Invalid input for field/attribute snapshot. Value: {'volume_id': '5aa119a8-d25b-45a7-8d1b-88e127885635', 'new_size': 1}. Additional properties are not allowed ('new_size' was unexpected)",
    },
    {
      wrong: 'a force that is not one of its Boolean spellings',
      body: { snapshot: { volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635', force: 'maybe' } },
      message: "Invalid input for field/attribute force. Value: maybe. 'maybe' is not valid under any of the given schemas",
    },
    {
      wrong: 'a name of the wrong type',
      body: { snapshot: { volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635', name: 42 } },
      message: "Invalid input for field/attribute name. Value: 42. 42 is not of type 'string', 'null'",
    },
    {
      // Cinder's reason is "'vol-1' is not a 'uuid'" (its uuid format check); the spec states that check as
      // the pattern of the forms uuid.UUID reads, so the mock gives the pattern's reason for the same field.
      wrong: 'a volume_id that is not a UUID',
      body: { snapshot: { volume_id: 'vol-1' } },
      message:
        "Invalid input for field/attribute volume_id. Value: vol-1. 'vol-1' does not match '^(urn:)?(uuid:)?\\\\{?(-*[0-9a-fA-F]){32}-*\\\\}?$'",
    },
    {
      wrong: 'a missing volume_id',
      body: { snapshot: { name: "Bob's" } },
      message: `Invalid input for field/attribute snapshot. Value: {'name': "Bob's"}. 'volume_id' is a required property`,
    },
    { wrong: 'a missing snapshot', body: {}, message: "'snapshot' is a required property" },
  ])('words its 400 for $wrong as Cinder does', async ({ body, message }) => {
    const { response, error, badRequest } = await invalidCall('cinder', body);
    expect(response.status).toBe(400);
    expect(error).toEqual({ badRequest: { code: 400, message } });
    expect(validate(objectAt(badRequest, 'schema'), error)).toEqual([]);
    expect(violationsOf(response)).not.toEqual([]);
  });

  it.each(invalidCases(cinder))(
    'answers $field = $shown with a 400 in its fault envelope that names the field ($boundary.rule)',
    async ({ boundary, value }) => {
      const { response, error, badRequest } = await invalidCall('cinder', withValue(cinder.base, boundary.field, value));
      expect(response.status).toBe(400);
      expect(validate(objectAt(badRequest, 'schema'), error)).toEqual([]);
      const { message } = (error as { badRequest: { message: string } }).badRequest;
      // As the failing field, or as the property missing or unexpected; inside metadata, the key that holds the value.
      const names = [boundary.field.at(-1)!, ...(isObject(value) ? Object.keys(value) : [])];
      const named = (name: string) =>
        [`field/attribute ${name}.`, `'${name}' is a required property`, `('${name}' was unexpected)`].some((form) =>
          message.includes(form),
        );
      expect(names.some(named), message).toBe(true);
      expect(violationsOf(response)).not.toEqual([]);
    },
  );
});

describe.each(seedFacts.filter((facts) => facts.api !== 'cinder'))('the $api mock', (facts) => {
  printMockLogOnFailure(facts.api);

  it("answers an invalid request with its spec's first 400 example, its service's wording being undocumented", async () => {
    const [boundary] = facts.boundaries;
    const { response, error, badRequest } = await invalidCall(facts.api, withValue(facts.base, boundary!.field, boundary!.invalid[0]));
    expect(response.status).toBe(400);
    expect(error).toEqual(firstExample(badRequest) as Json);
  });
});
