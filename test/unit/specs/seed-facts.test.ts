// Every fact of the vendors' documents is in the specs, or the spec records why
// the service differs (x-doc-deviation on that element).
import { describe, expect, it } from 'vitest';
import { seedFacts, type SeedField } from '../../support/seed-facts.ts';
import { isObject, loadSpec, objectAt, operationAt, requestBodySchema, type Json, type JsonObject } from '../../support/specs.ts';

/** A schema and the schemas it is made of with allOf, whose properties are all its own. */
const partsOf = (schema: JsonObject): JsonObject[] => [
  schema,
  ...(Array.isArray(schema['allOf']) ? schema['allOf'].filter(isObject).flatMap(partsOf) : []),
];

/** The schema of a dotted field path, and the nearest schema on the way that exists. */
function findField(schema: JsonObject, field: string): { found?: JsonObject; nearest: JsonObject; required: boolean } {
  let current = schema;
  let required = true;
  for (const name of field.split('.')) {
    const owner = partsOf(current).find((part) => isObject(part['properties']) && isObject(part['properties'][name]));
    if (owner === undefined) return { nearest: current, required: false };
    const list = owner['required'];
    required = Array.isArray(list) && list.includes(name);
    current = (owner['properties'] as JsonObject)[name] as JsonObject;
  }
  return { found: current, nearest: current, required };
}

/** The JSON types a schema accepts, looking through oneOf/anyOf. */
function typesOf(schema: JsonObject): Set<string> {
  const types = new Set<string>();
  const type = schema['type'];
  for (const value of Array.isArray(type) ? type : [type]) if (typeof value === 'string') types.add(value);
  for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
    const options = schema[keyword];
    if (Array.isArray(options)) for (const option of options) if (isObject(option)) typesOf(option).forEach((t) => types.add(t));
  }
  return types;
}

const hasDeviation = (schema: JsonObject): boolean => Array.isArray(schema['x-doc-deviation']) && schema['x-doc-deviation'].length > 0;

function checkField(schema: JsonObject, seed: SeedField): string | undefined {
  const { found, nearest, required } = findField(schema, seed.field);
  if (found === undefined) {
    return hasDeviation(nearest) ? undefined : `${seed.field} is missing and no deviation is recorded on its parent`;
  }
  if (!typesOf(found).has(seed.type) && !hasDeviation(found)) {
    return `${seed.field} is ${[...typesOf(found)].join('|')}, the document says ${seed.type}, and no deviation is recorded`;
  }
  if (seed.required !== undefined && seed.required !== required && !hasDeviation(found)) {
    return `${seed.field} is ${required ? '' : 'not '}required, unlike the document, and no deviation is recorded`;
  }
  return undefined;
}

function examplesOf(media: JsonObject): Json[] {
  const named = isObject(media['examples']) ? Object.values(media['examples']) : [];
  const values = named.filter(isObject).map((example) => example['value'] ?? null);
  return 'example' in media ? [media['example'] ?? null, ...values] : values;
}

describe.each(seedFacts)('$api: every fact of the document ($source)', (facts) => {
  const load = async () => operationAt((await loadSpec(facts.api)).document, facts.method, facts.path);

  it('describes the documented method and path', async () => {
    await expect(load()).resolves.toMatchObject({ method: facts.method, path: facts.path });
  });

  it('declares each documented path parameter as required', async () => {
    const { operation } = await load();
    const parameters = (operation['parameters'] as JsonObject[]).filter((parameter) => parameter['in'] === 'path');
    expect(parameters.map((parameter) => [parameter['name'], parameter['required']])).toEqual(
      facts.pathParameters.map((name) => [name, true]),
    );
  });

  it('answers every documented status code', async () => {
    const { operation } = await load();
    const statuses = Object.keys(objectAt(operation, 'responses'));
    expect(statuses).toEqual(expect.arrayContaining(facts.statuses));
    expect(statuses.filter((status) => status.startsWith('2'))).toEqual([facts.successStatus]);
  });

  it('keeps each documented request field with its type and required flag, or records the difference', async () => {
    const schema = requestBodySchema((await load()).operation);
    const problems = facts.requestFields.map((field) => checkField(schema, field)).filter(Boolean);
    expect(problems).toEqual([]);
  });

  it('keeps each documented response field with its type, or records the difference', async () => {
    const { operation } = await load();
    const schema = objectAt(operation, 'responses', facts.successStatus, 'content', 'application/json', 'schema');
    const problems = facts.responseFields.map((field) => checkField(schema, field)).filter(Boolean);
    expect(problems).toEqual([]);
  });

  const requestExamples = facts.requestExamples.map((example, index) => ({ example, number: index + 1 }));
  it.each(requestExamples)('carries the documented request example $number verbatim', async ({ example }) => {
    const media = objectAt((await load()).operation, 'requestBody', 'content', 'application/json');
    expect(examplesOf(media)).toContainEqual(example);
  });

  const responseExamples = Object.entries(facts.responseExamples).flatMap(([status, examples]) =>
    examples.map((example, index) => ({ status, example, number: index + 1 })),
  );
  it.each(responseExamples)('carries the documented $status response example $number verbatim', async ({ status, example }) => {
    const media = objectAt((await load()).operation, 'responses', status, 'content', 'application/json');
    expect(examplesOf(media)).toContainEqual(example);
  });
});
