// Prism 5.14.2 generates the bodies of `Prefer: dynamic=true` with
// json-schema-faker 0.5.8, which can give an object more members than its
// schema's maxProperties: Cinder's metadata item (`meta`, exactly one item)
// came with two for 118 of 200 seeds (json-schema-faker/json-schema-faker#622
// is of the same kind). prism-preload.cjs runs every generated value through
// `withinMaxProperties`, which drops the members beyond maxProperties: those
// the schema does not name first, the last generated first, never a required one.
'use strict';

/** @typedef {{ [key: string]: unknown }} Node */

/** @param {unknown} value @returns {value is Node} */
const isNode = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The schema a local `$ref` (`#/...`) points at in `root`, or the schema itself.
 * @param {unknown} schema @param {Node} root @returns {unknown}
 */
function dereferenced(schema, root) {
  for (let hops = 0; isNode(schema) && typeof schema['$ref'] === 'string' && hops < 32; hops += 1) {
    const ref = /** @type {string} */ (schema['$ref']);
    if (!ref.startsWith('#/')) return schema;
    /** @type {unknown} */
    let target = root;
    for (const token of ref.slice(2).split('/')) {
      const name = decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
      target = isNode(target) || Array.isArray(target) ? /** @type {Node} */ (target)[name] : undefined;
    }
    schema = target;
  }
  return schema;
}

/**
 * Trims, in place, every object of `value` to its schema's maxProperties, and returns `value`.
 * @param {unknown} value a value generated for `schema`
 * @param {unknown} schema
 * @param {Node} [root] where local `$ref`s point into (the schema handed to the generator)
 * @returns {unknown}
 */
function withinMaxProperties(value, schema, root = isNode(schema) ? schema : {}) {
  const node = dereferenced(schema, root);
  if (!isNode(node)) return value;
  for (const part of Array.isArray(node['allOf']) ? node['allOf'] : []) withinMaxProperties(value, part, root);
  if (Array.isArray(value)) {
    for (const item of value) withinMaxProperties(item, node['items'], root);
    return value;
  }
  if (!isNode(value)) return value;
  const named = isNode(node['properties']) ? node['properties'] : {};
  const other = node['additionalProperties'];
  for (const [key, member] of Object.entries(value)) withinMaxProperties(member, key in named ? named[key] : other, root);
  const max = node['maxProperties'];
  if (typeof max === 'number') {
    const required = new Set(Array.isArray(node['required']) ? node['required'] : []);
    const optional = Object.keys(value).filter((key) => !required.has(key));
    // The last generated go first, so the first members stay.
    const droppable = [...optional.filter((key) => !(key in named)).reverse(), ...optional.filter((key) => key in named).reverse()];
    for (const key of droppable) {
      if (Object.keys(value).length <= max) break;
      delete value[key];
    }
  }
  return value;
}

module.exports = { withinMaxProperties };
