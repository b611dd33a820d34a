// Request bodies generated from a spec's JSON Schema with fast-check, and the
// single-constraint mutations that must make each of them invalid. Covers the
// schema keywords these specs use: type (with null), enum, const, oneOf/anyOf,
// properties/required, additionalProperties (false or a schema), propertyNames,
// minProperties/maxProperties of maps,
// minLength/maxLength, pattern and format uuid.
import fc from 'fast-check';
import { isObject, withValue, type Json, type JsonObject } from './specs.ts';

const DEFAULT_MAX_LENGTH = 300;

/**
 * Any code point, lone surrogates included, as fast-check's `unit: 'binary'` draws them. That unit costs
 * about 2 CPU-seconds the first time a process builds a string of it (it maps all 1.1 million code
 * points to find its tricky strings, such as `__proto__`); this one costs nothing to build.
 */
export const anyCodePoint = fc.nat({ max: 0x10ffff }).map((code) => String.fromCodePoint(code));
const codePoints = (text: string) => [...text].length;

function typesOf(schema: JsonObject): string[] {
  const { type } = schema;
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
}

/**
 * Strings matching each pattern, built once per pattern: building one costs up to a CPU-second for a
 * character class of tens of thousands of characters (fast-check maps every character of the class),
 * and several operations share their patterns.
 */
const matching = new Map<string, fc.Arbitrary<string>>();
function stringMatching(pattern: string): fc.Arbitrary<string> {
  let arbitrary = matching.get(pattern);
  if (arbitrary === undefined) {
    // Unbounded repetitions (`-*` in Cinder's volume_id) grow past maxLength at the default size and would all
    // be filtered away; the smallest size keeps most strings within bounds, the default one still reaches them.
    arbitrary = fc.oneof(fc.stringMatching(new RegExp(pattern)), fc.stringMatching(new RegExp(pattern), { size: 'xsmall' }));
    matching.set(pattern, arbitrary);
  }
  return arbitrary;
}

function stringArbitrary(schema: JsonObject): fc.Arbitrary<string> {
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : DEFAULT_MAX_LENGTH;
  const source =
    typeof schema['pattern'] === 'string'
      ? stringMatching(schema['pattern'])
      : schema['format'] === 'uuid'
        ? fc.uuid()
        : fc.string({ unit: anyCodePoint, minLength: min, maxLength: max });
  return source.filter((text) => codePoints(text) >= min && codePoints(text) <= max);
}

export function arbitraryOf(schema: JsonObject): fc.Arbitrary<Json> {
  if ('const' in schema) return fc.constant(schema['const'] ?? null);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...schema['enum']);
  for (const keyword of ['oneOf', 'anyOf']) {
    const options = schema[keyword];
    if (Array.isArray(options)) return fc.oneof(...options.filter(isObject).map(arbitraryOf));
  }
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryOf({ ...schema, type })));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: Number(schema['minimum'] ?? -(2 ** 31)), max: Number(schema['maximum'] ?? 2 ** 31 - 1) });
    case 'string':
      return stringArbitrary(schema);
    case 'object':
      return objectArbitrary(schema);
    default:
      throw new Error(`No arbitrary for schema ${JSON.stringify(schema).slice(0, 200)}`);
  }
}

function objectArbitrary(schema: JsonObject): fc.Arbitrary<Json> {
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  const names = Object.keys(properties);
  const extra = schema['additionalProperties'];
  if (names.length === 0 && isObject(extra)) {
    const keys = stringArbitrary({ type: 'string', ...(isObject(schema['propertyNames']) ? schema['propertyNames'] : {}) });
    const minKeys = typeof schema['minProperties'] === 'number' ? schema['minProperties'] : 0;
    const maxKeys = typeof schema['maxProperties'] === 'number' ? schema['maxProperties'] : Math.max(minKeys, 4);
    return fc.dictionary(keys, arbitraryOf(extra), { minKeys, maxKeys }) as fc.Arbitrary<Json>;
  }
  const required = Array.isArray(schema['required']) ? schema['required'].filter((name): name is string => typeof name === 'string') : [];
  const model = Object.fromEntries(names.map((name) => [name, arbitraryOf(properties[name] as JsonObject)]));
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Json>;
}

export interface Mutation {
  /** Path of the field the mutation breaks, inside the body. */
  field: string[];
  /** What is broken, for failure messages. */
  breaks: string;
  /** The body with that one constraint broken. */
  body: JsonObject;
}

const BREAKERS = ['!', '<', '>', ' ', '\n', '"', 'A', '0', '😀', '\u0007'];

/** A string that breaks `pattern` while keeping to `max` code points, if one is easy to find. */
function breakPattern(value: string, pattern: string, max: number): string | undefined {
  const regex = new RegExp(pattern, 'u');
  const kept = [...value].slice(0, Math.max(0, max - 1)).join('');
  return BREAKERS.flatMap((breaker) => [kept + breaker, breaker + kept]).find(
    (candidate) => !regex.test(candidate) && codePoints(candidate) <= max,
  );
}

/** Every single-constraint violation that can be made of `value` (a valid instance of `schema`). */
export function mutationsOf(schema: JsonObject, root: JsonObject, value: Json = root, path: string[] = []): Mutation[] {
  const mutations: Mutation[] = [];
  const add = (field: string[], breaks: string, replacement: Json | undefined) =>
    mutations.push({ field, breaks, body: withValue(root, field, replacement) });

  if (path.length > 0) add(path, 'type', typeof value === 'number' ? 'not a number' : 42);
  if (typeof value === 'string') {
    const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : undefined;
    const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
    if (max !== undefined) {
      const units = [...(value || 'a')];
      add(path, 'maxLength', Array.from({ length: max + 1 }, (_, index) => units[index % units.length]).join(''));
    }
    if (min > 0) add(path, 'minLength', '');
    if (typeof schema['pattern'] === 'string') {
      const broken = breakPattern(value, schema['pattern'], max ?? DEFAULT_MAX_LENGTH);
      if (broken !== undefined) add(path, 'pattern', broken);
    }
    if (Array.isArray(schema['enum'])) add(path, 'enum', 'not-a-listed-value');
  }
  if (isObject(value)) {
    const properties = isObject(schema['properties']) ? schema['properties'] : {};
    const required = Array.isArray(schema['required']) ? schema['required'] : [];
    for (const name of required) if (typeof name === 'string' && name in value) add([...path, name], 'required', undefined);
    if (schema['additionalProperties'] === false) add([...path, 'unexpected_field'], 'additionalProperties', 'x');
    const maxProperties = schema['maxProperties'];
    if (typeof maxProperties === 'number' && Object.keys(value).length === maxProperties) {
      const body = withValue(root, [...path, `${Object.keys(value).join('')}-one-more`], 'x');
      mutations.push({ field: path, breaks: 'maxProperties', body });
    }
    const names = isObject(schema['propertyNames']) ? schema['propertyNames'] : undefined;
    if (names !== undefined && typeof names['maxLength'] === 'number') {
      mutations.push({ field: path, breaks: 'propertyNames', body: withValue(root, [...path, 'k'.repeat(names['maxLength'] + 1)], 'x') });
    }
    for (const [name, child] of Object.entries(value)) {
      const childSchema = isObject(properties[name])
        ? properties[name]
        : isObject(schema['additionalProperties'])
          ? schema['additionalProperties']
          : undefined;
      if (childSchema !== undefined) mutations.push(...mutationsOf(childSchema, root, child, [...path, name]));
    }
  }
  return mutations;
}
