// Finds strings in a request schema that carry no constraint at all. The
// project promises that every string a client sends is bounded by a length, a
// pattern or an enum, because that is what the vendors' documents state and
// what the mocks must enforce.
import { createRulesetFunction } from '@stoplight/spectral-core';

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const CONSTRAINTS = ['minLength', 'maxLength', 'pattern', 'enum', 'const'];

/** @param {Record<string, unknown>} schema */
function acceptsStrings(schema) {
  const { type } = schema;
  return type === 'string' || (Array.isArray(type) && type.includes('string'));
}

/**
 * @param {unknown} schema
 * @param {(string | number)[]} path
 * @param {Set<unknown>} seen
 * @returns {Generator<(string | number)[]>}
 */
function* unconstrainedStrings(schema, path, seen) {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return;
  seen.add(schema);
  const node = /** @type {Record<string, unknown>} */ (schema);
  if (acceptsStrings(node) && !CONSTRAINTS.some((keyword) => keyword in node)) yield path;
  for (const keyword of SUBSCHEMAS) {
    if (keyword in node) yield* unconstrainedStrings(node[keyword], [...path, keyword], seen);
  }
  for (const keyword of SUBSCHEMA_LISTS) {
    const list = node[keyword];
    if (Array.isArray(list)) {
      for (const [index, item] of list.entries()) yield* unconstrainedStrings(item, [...path, keyword, index], seen);
    }
  }
  for (const keyword of SUBSCHEMA_MAPS) {
    const map = node[keyword];
    if (typeof map === 'object' && map !== null) {
      for (const [name, item] of Object.entries(map)) yield* unconstrainedStrings(item, [...path, keyword, name], seen);
    }
  }
}

export default createRulesetFunction({ input: null, options: null }, function requestStringConstrained(schema, _options, context) {
  return [...unconstrainedStrings(schema, [], new Set())].map((relative) => ({
    message: 'A request string has no length bound, pattern or enum: add the maxLength (and pattern) the service enforces.',
    path: [...context.path, ...relative],
  }));
});
