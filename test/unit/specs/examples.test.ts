// Every example in the specs validates against the schema it illustrates, so an
// example can never drift from its schema unnoticed: request and response
// bodies, parameters, headers, and the `examples` of schemas themselves.
import { describe, expect, it } from 'vitest';
import { isObject, loadSpecs, operationsOf, validate, type Json, type JsonObject } from '../../support/specs.ts';

interface ExampleCase {
  api: string;
  where: string;
  schema: JsonObject;
  value: Json;
}

/** Examples of a media type, parameter or header object, with the schema they belong to. */
function examplesNextTo(holder: JsonObject, where: string, api: string): ExampleCase[] {
  const schema = holder['schema'];
  if (!isObject(schema)) return [];
  const cases: ExampleCase[] = [];
  if ('example' in holder) cases.push({ api, where: `${where} example`, schema, value: holder['example'] ?? null });
  const examples = holder['examples'];
  if (isObject(examples)) {
    for (const [name, example] of Object.entries(examples)) {
      if (isObject(example)) cases.push({ api, where: `${where} examples.${name}`, schema, value: example['value'] ?? null });
    }
  }
  return cases;
}

/** `examples` arrays written on schemas, anywhere inside `schema`. */
function schemaExamples(schema: Json, where: string, api: string, seen = new Set<object>()): ExampleCase[] {
  if (!isObject(schema) && !Array.isArray(schema)) return [];
  if (seen.has(schema)) return [];
  seen.add(schema);
  if (Array.isArray(schema)) return schema.flatMap((item, index) => schemaExamples(item, `${where}[${index}]`, api, seen));
  const own = Array.isArray(schema['examples'])
    ? schema['examples'].map((value, index) => ({ api, where: `${where} examples[${index}]`, schema, value }))
    : [];
  const nested = Object.entries(schema)
    .filter(([key]) => key !== 'examples' && key !== 'x-doc-deviation')
    .flatMap(([key, child]) => schemaExamples(child, `${where}.${key}`, api, seen));
  return [...own, ...nested];
}

const cases: ExampleCase[] = [];
for (const { name: api, document } of await loadSpecs()) {
  for (const { method, path, operation } of operationsOf(document)) {
    const at = `${method.toUpperCase()} ${path}`;
    const parameters = Array.isArray(operation['parameters']) ? operation['parameters'].filter(isObject) : [];
    for (const parameter of parameters) {
      cases.push(...examplesNextTo(parameter, `${at} parameter ${String(parameter['name'])}`, api));
    }
    const bodies = isObject(operation['requestBody']) ? operation['requestBody']['content'] : undefined;
    for (const [type, media] of Object.entries(isObject(bodies) ? bodies : {})) {
      if (isObject(media)) {
        cases.push(...examplesNextTo(media, `${at} request ${type}`, api));
        cases.push(...schemaExamples(media['schema'] ?? null, `${at} request schema`, api));
      }
    }
    for (const [status, response] of Object.entries(isObject(operation['responses']) ? operation['responses'] : {})) {
      if (!isObject(response)) continue;
      for (const [header, object] of Object.entries(isObject(response['headers']) ? response['headers'] : {})) {
        if (isObject(object)) cases.push(...examplesNextTo(object, `${at} ${status} header ${header}`, api));
      }
      for (const [type, media] of Object.entries(isObject(response['content']) ? response['content'] : {})) {
        if (isObject(media)) {
          cases.push(...examplesNextTo(media, `${at} ${status} ${type}`, api));
          cases.push(...schemaExamples(media['schema'] ?? null, `${at} ${status} schema`, api));
        }
      }
    }
  }
}

describe('examples', () => {
  it('exist in every spec', () => {
    const apis = new Set(cases.map((example) => example.api));
    expect([...apis].sort()).toEqual(['cinder', 'css', 'dws', 'evs']);
  });

  for (const { api, where, schema, value } of cases) {
    it(`${api}: ${where} validates against its schema`, () => {
      expect(validate(schema, value)).toEqual([]);
    });
  }
});
