// Compares two versions of an API's spec, both bundled and dereferenced, and
// says, per operation, which changes can break the people who call it.
// Breaking: a request that was valid can become invalid, or a response loses
// something a client could rely on. Everything else is compatible.
// Order carries no meaning: enum values, `required`, types, oneOf/anyOf/allOf
// variants, parameters, tags, examples, security alternatives and servers are
// compared as sets, and variants are paired by content, not by position.
// Each change names its rule; docs/breaking-rules.md explains every rule.
import type { OpenApiDocument } from './bundle.ts';
import { isNode, operationsOf, type Node } from './operations.ts';

export type Verdict = 'breaking' | 'compatible';

const B = 'breaking';
const C = 'compatible';

/**
 * Rules about operations, parameters, bodies, statuses, headers, properties
 * and security. IDs are oasdiff's where oasdiff has a check for the same
 * change (`oasdiff checks` lists them), otherwise coined in the same style.
 */
const STRUCTURE_RULES = {
  'api-removed-without-deprecation': B,
  'api-removed-with-deprecation': B,
  'api-path-removed-without-deprecation': B,
  'api-path-removed-with-deprecation': B,
  'endpoint-added': C,
  'endpoint-deprecated': C,
  'endpoint-reactivated': C,
  'api-operation-id-added': C,
  'api-operation-id-removed': C,
  'api-operation-id-changed': C,
  'api-tag-added': C,
  'api-tag-removed': C,
  'api-security-added': C,
  'api-security-removed': B,
  'api-security-component-added': C,
  'api-security-component-removed': C,
  'api-security-component-changed': B,
  'api-servers-changed': C,
  'api-version-changed': C,
  'documentation-changed': C,
  'new-required-request-parameter': B,
  'new-optional-request-parameter': C,
  'request-parameter-removed': C,
  'request-parameter-became-required': B,
  'request-parameter-became-optional': C,
  'request-body-added-required': B,
  'request-body-added-optional': C,
  'request-body-removed': C,
  'request-body-became-required': B,
  'request-body-became-optional': C,
  'request-body-media-type-added': C,
  'request-body-media-type-removed': B,
  'new-required-request-property': B,
  'new-optional-request-property': C,
  'request-property-removed': C,
  'request-property-removed-from-closed-object': B,
  'request-property-became-required': B,
  'request-property-became-optional': C,
  'response-success-status-added': C,
  'response-success-status-removed': B,
  'response-non-success-status-added': C,
  'response-non-success-status-removed': C,
  'response-media-type-added': C,
  'response-media-type-removed': B,
  'response-header-added': C,
  'required-response-header-removed': B,
  'optional-response-header-removed': C,
  'response-header-became-optional': B,
  'response-header-became-required': C,
  'response-header-schema-changed': B,
  'response-required-property-added': C,
  'response-optional-property-added': C,
  'response-required-property-removed': B,
  'response-optional-property-removed': B,
  'response-property-became-optional': B,
  'response-property-became-required': C,
} as const;

/**
 * Rules about one keyword of a schema, written as they read for a property.
 * The same change in the top-level schema of a body is reported as
 * `request-body-…`/`response-body-…`, and anywhere in a parameter's schema as
 * `request-parameter-…`, as oasdiff names them.
 */
const SCHEMA_RULES = {
  'request-property-max-length-decreased': B,
  'request-property-max-length-increased': C,
  'request-property-max-length-set': B,
  'request-property-max-length-unset': C,
  'request-property-min-length-increased': B,
  'request-property-min-length-decreased': C,
  'request-property-max-decreased': B,
  'request-property-max-increased': C,
  'request-property-max-set': B,
  'request-property-max-unset': C,
  'request-property-min-increased': B,
  'request-property-min-decreased': C,
  'request-property-min-set': B,
  'request-property-min-unset': C,
  'request-property-max-items-decreased': B,
  'request-property-max-items-increased': C,
  'request-property-max-items-set': B,
  'request-property-max-items-unset': C,
  'request-property-min-items-increased': B,
  'request-property-min-items-decreased': C,
  'request-property-pattern-added': B,
  'request-property-pattern-changed': B,
  'request-property-pattern-generalized': C,
  'request-property-pattern-removed': C,
  'request-property-became-enum': B,
  'request-property-enum-value-removed': B,
  'request-property-enum-value-added': C,
  'request-property-enum-removed': C,
  'request-property-type-changed': B,
  'request-property-type-generalized': C,
  'request-property-became-nullable': C,
  'request-property-became-not-nullable': B,
  'request-property-format-removed': C,
  'request-property-const-added': B,
  'request-property-const-changed': B,
  'request-property-const-removed': C,
  'request-property-default-value-added': C,
  'request-property-default-value-changed': B,
  'request-property-default-value-removed': C,
  'request-property-additional-properties-closed': B,
  'request-property-additional-properties-opened': C,
  'request-property-one-of-added': C,
  'request-property-one-of-removed': B,
  'request-property-any-of-added': C,
  'request-property-any-of-removed': B,
  'request-property-all-of-added': B,
  'request-property-all-of-removed': C,
  'request-property-keyword-changed': B,
  'response-property-max-length-increased': B,
  'response-property-max-length-decreased': C,
  'response-property-max-length-set': C,
  'response-property-max-length-unset': B,
  'response-property-min-length-decreased': B,
  'response-property-min-length-increased': C,
  'response-property-max-increased': B,
  'response-property-max-decreased': C,
  'response-property-max-set': C,
  'response-property-max-unset': B,
  'response-property-min-decreased': B,
  'response-property-min-increased': C,
  'response-property-min-set': C,
  'response-property-min-unset': B,
  'response-property-max-items-increased': B,
  'response-property-max-items-decreased': C,
  'response-property-max-items-set': C,
  'response-property-max-items-unset': B,
  'response-property-min-items-decreased': B,
  'response-property-min-items-increased': C,
  'response-property-pattern-added': C,
  'response-property-pattern-changed': B,
  'response-property-pattern-removed': B,
  'response-property-became-enum': C,
  'response-property-enum-value-added': B,
  'response-property-enum-value-removed': C,
  'response-property-enum-removed': B,
  'response-property-type-changed': B,
  'response-property-type-specialized': C,
  'response-property-became-nullable': B,
  'response-property-became-not-nullable': C,
  'response-property-format-added': C,
  'response-property-const-added': C,
  'response-property-const-changed': B,
  'response-property-const-removed': B,
  'response-property-additional-properties-closed': C,
  'response-property-additional-properties-opened': C,
  'response-property-one-of-added': B,
  'response-property-one-of-removed': C,
  'response-property-any-of-added': B,
  'response-property-any-of-removed': C,
  'response-property-all-of-added': C,
  'response-property-all-of-removed': B,
  'response-property-keyword-changed': B,
} as const;

export const RULES: Readonly<Record<RuleId, Verdict>> = { ...STRUCTURE_RULES, ...SCHEMA_RULES };
export type RuleId = keyof typeof STRUCTURE_RULES | SchemaRuleId;
type SchemaRuleId = keyof typeof SCHEMA_RULES;

type Side = 'request' | 'response';
/** Where a schema sits: the top level of a body, below it, or in a parameter. */
type Where = 'body' | 'property' | 'parameter';
interface Place {
  side: Side;
  where: Where;
}

/** The ID a schema rule has at `where`: request-property-x as request-body-x or request-parameter-x. */
export function locatedId(rule: SchemaRuleId, where: Where): string {
  return where === 'property' ? rule : rule.replace(/^(request|response)-property-/, `$1-${where}-`);
}

/** The places a schema rule is reported at, besides `property`. */
export function otherPlacesOf(rule: SchemaRuleId): Where[] {
  return rule.startsWith('request-') ? ['body', 'parameter'] : ['body'];
}

export const isSchemaRule = (rule: string): rule is SchemaRuleId => rule in SCHEMA_RULES;

/** The rule behind a reported ID: request-parameter-x is the located form of request-property-x. */
export function ruleOf(id: string): RuleId | undefined {
  if (id in RULES) return id as RuleId;
  const rule = id.replace(/^(request|response)-(body|parameter)-/, '$1-property-');
  return isSchemaRule(rule) && otherPlacesOf(rule).some((where) => locatedId(rule, where) === id) ? rule : undefined;
}

/** Every rule ID the differ can report, the located forms of schema rules included. */
export function emittableRuleIds(): string[] {
  return (Object.keys(RULES) as RuleId[]).flatMap((rule) =>
    isSchemaRule(rule) ? [rule, ...otherPlacesOf(rule).map((where) => locatedId(rule, where))] : [rule],
  );
}

export interface Change {
  verdict: Verdict;
  /** The rule's ID, as listed in docs/breaking-rules.md, e.g. `request-property-max-length-decreased`. */
  rule: string;
  /** `POST /v1.0/{project_id}/snapshots`, or `document` for document-wide changes. */
  operation: string;
  /** JSONPath of the changed element (in the new version, or the old one when it was removed). */
  path: string;
  message: string;
}

type Segment = string | number;

const asNode = (value: unknown): Node => (isNode(value) ? value : {});
const show = (value: unknown) => JSON.stringify(value);

/** Arrays whose order means nothing, by the key that holds them. */
const UNORDERED = new Set(['enum', 'required', 'type', 'oneOf', 'anyOf', 'allOf', 'examples', 'tags', 'parameters', 'security', 'servers']);
/** Keys whose values are instance data: compared as written, extensions included. */
const DATA = new Set(['const', 'default', 'enum', 'example', 'examples', 'value']);

/** A string equal for two values that mean the same: object keys sorted, unordered arrays sorted, extensions (x-…) left out. */
function canonical(value: unknown, key?: string, data = false): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, undefined, data || (key !== undefined && DATA.has(key))));
    if (!data && key !== undefined && UNORDERED.has(key)) items.sort();
    return `[${items.join(',')}]`;
  }
  if (isNode(value)) {
    // The members of `properties` are schemas whatever their names; elsewhere a name is a keyword.
    const named = key === 'properties' && !data;
    const keys = Object.keys(value)
      .filter((name) => value[name] !== undefined && (data || named || !name.startsWith('x-')))
      .sort();
    const member = (name: string) => (named ? canonical(value[name]) : canonical(value[name], name, data || DATA.has(name)));
    return `{${keys.map((name) => `${show(name)}:${member(name)}`).join(',')}}`;
  }
  return show(value) ?? 'undefined';
}

const same = (a: unknown, b: unknown, key?: string) => canonical(a, key) === canonical(b, key);

function jsonPath(segments: Segment[]): string {
  return (
    '$' +
    segments
      .map((segment) =>
        typeof segment === 'number'
          ? `[${segment}]`
          : /^[A-Za-z_][\w]*$/.test(segment)
            ? `.${segment}`
            : `['${segment.replaceAll("'", "\\'")}']`,
      )
      .join('')
  );
}

class Collector {
  readonly changes: Change[] = [];
  constructor(readonly operation: string) {}

  add(rule: keyof typeof STRUCTURE_RULES, at: Segment[], message: string) {
    this.changes.push({ verdict: RULES[rule], rule, operation: this.operation, path: jsonPath(at), message });
  }

  /** A schema rule, `check` being its ID without `request-property-`/`response-property-`. */
  schema(place: Place, check: string, at: Segment[], message: string) {
    const rule = `${place.side}-property-${check}`;
    if (!isSchemaRule(rule)) throw new Error(`The differ has no rule ${rule} (add it to SCHEMA_RULES and docs/breaking-rules.md).`);
    this.changes.push({ verdict: RULES[rule], rule: locatedId(rule, place.where), operation: this.operation, path: jsonPath(at), message });
  }
}

/** Keys that only document; a change to them is `documentation-changed`. */
const DOCUMENTATION = ['summary', 'description', 'title', 'examples', 'example', 'deprecated', 'externalDocs', '$comment'];

function diffDocumentation(before: Node, after: Node, keys: readonly string[], at: Segment[], out: Collector) {
  for (const key of keys) {
    if (same(before[key], after[key], key)) continue;
    const how = before[key] === undefined ? 'added' : after[key] === undefined ? 'removed' : 'changed';
    out.add('documentation-changed', [...at, key], `${key} ${how}`);
  }
}

function typesOf(schema: Node): Set<string> {
  const { type } = schema;
  return new Set((Array.isArray(type) ? type : type === undefined ? [] : [type]).map(String));
}

const listTypes = (types: Set<string>) => [...types].sort().join('|') || 'any';

function diffTypes(before: Node, after: Node, place: Place, at: Segment[], out: Collector) {
  const old = typesOf(before);
  const now = typesOf(after);
  const [from, to] = [listTypes(old), listTypes(now)];
  if (from !== to) {
    const here = [...at, 'type'];
    // Whether `outer` accepts every value `inner` does; no type accepts anything, and a number may be an integer.
    const covers = (outer: Set<string>, inner: Set<string>) =>
      outer.size === 0 || (inner.size > 0 && [...inner].every((type) => outer.has(type) || (type === 'integer' && outer.has('number'))));
    const onlyNullBetween = (more: Set<string>, fewer: Set<string>) => {
      const extra = [...more].filter((type) => !fewer.has(type));
      return fewer.size > 0 && extra.length === 1 && extra[0] === 'null';
    };
    const [wider, narrower] = place.side === 'request' ? [now, old] : [old, now];
    // Request: accepting more is compatible. Response: sending fewer kinds of values is.
    if (covers(wider, narrower)) {
      if (place.side === 'request' && onlyNullBetween(now, old)) out.schema(place, 'became-nullable', here, 'null is now accepted');
      else if (place.side === 'request') out.schema(place, 'type-generalized', here, `type widened from ${from} to ${to}`);
      else if (onlyNullBetween(old, now)) out.schema(place, 'became-not-nullable', here, 'null is no longer sent');
      else out.schema(place, 'type-specialized', here, `type narrowed from ${from} to ${to}`);
    } else if (place.side === 'request' && covers(old, now) && onlyNullBetween(old, now)) {
      out.schema(place, 'became-not-nullable', here, 'null is no longer accepted');
    } else if (place.side === 'response' && covers(now, old) && onlyNullBetween(now, old)) {
      out.schema(place, 'became-nullable', here, 'null can now be sent');
    } else {
      out.schema(place, 'type-changed', here, `type changed from ${from} to ${to}`);
    }
  }

  // oasdiff reports format changes as type changes too: a format is a narrower type.
  const oldFormat = before['format'];
  const newFormat = after['format'];
  if (same(oldFormat, newFormat)) return;
  const there = [...at, 'format'];
  const widens = place.side === 'request' ? newFormat === undefined : oldFormat === undefined;
  if (widens)
    out.schema(
      place,
      place.side === 'request' ? 'format-removed' : 'format-added',
      there,
      place.side === 'request' ? `format ${show(oldFormat)} removed` : `format ${show(newFormat)} added`,
    );
  else out.schema(place, 'type-changed', there, `format changed from ${show(oldFormat) ?? 'none'} to ${show(newFormat) ?? 'none'}`);
}

interface Bound {
  keyword: string;
  /** The rule IDs' word for it. */
  name: string;
  /** A missing minimum of a count means 0, so adding or removing it moves it (as oasdiff reports it). */
  zero?: true;
}

const BOUNDS: Bound[] = [
  { keyword: 'maxLength', name: 'max-length' },
  { keyword: 'minLength', name: 'min-length', zero: true },
  { keyword: 'maximum', name: 'max' },
  { keyword: 'minimum', name: 'min' },
  { keyword: 'maxItems', name: 'max-items' },
  { keyword: 'minItems', name: 'min-items', zero: true },
];

/** Bounds moved, added or removed; the rule table says which way breaks callers on each side. */
function diffBounds(before: Node, after: Node, place: Place, at: Segment[], out: Collector) {
  for (const { keyword, name, zero } of BOUNDS) {
    const number = (value: unknown) => (typeof value === 'number' ? value : zero ? 0 : undefined);
    const old = number(before[keyword]);
    const now = number(after[keyword]);
    if (old === now) continue;
    const here = [...at, keyword];
    if (old === undefined) out.schema(place, `${name}-set`, here, `${keyword} ${now} added`);
    else if (now === undefined) out.schema(place, `${name}-unset`, here, `${keyword} ${old} removed`);
    else {
      const moved = now > old ? 'increased' : 'decreased';
      out.schema(place, `${name}-${moved}`, here, `${keyword} ${moved === 'increased' ? 'raised' : 'lowered'} from ${old} to ${now}`);
    }
  }
}

// A pattern of the form ^[class]quantifier$, which can be compared by its character sets.
const SINGLE_CLASS = /^\^\[(\^?)((?:[^\]\\]|\\.)*)\](\*|\+|\{\d+(?:,\d*)?\})?\$$/;
type Range = [number, number];

function classRanges(body: string): Range[] | undefined {
  // Tokens of the class body; an escaped '-' is a character, never a range operator.
  const tokens: { code: number; dash: boolean }[] = [];
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (char !== '\\') {
      const code = body.codePointAt(index)!;
      if (code > 0xffff) index += 1;
      tokens.push({ code, dash: char === '-' });
      continue;
    }
    const next = body[index + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(index + 2, index + 6))) {
      tokens.push({ code: parseInt(body.slice(index + 2, index + 6), 16), dash: false });
      index += 5;
    } else if (next !== undefined && /[\\\]\[\-^.$*+?(){}|/]/.test(next)) {
      tokens.push({ code: next.codePointAt(0)!, dash: false });
      index += 1;
    } else {
      return undefined; // \d, \w, \s, ...: not worth proving
    }
  }
  const ranges: Range[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const low = tokens[index]!;
    const high = tokens[index + 2];
    if (tokens[index + 1]?.dash === true && high !== undefined) {
      ranges.push([low.code, high.code]);
      index += 2;
    } else {
      ranges.push([low.code, low.code]);
    }
  }
  return ranges;
}

function covers(outer: Range[], inner: Range[]): boolean {
  return inner.every(([low, high]) => {
    let from = low;
    for (const [a, b] of [...outer].sort((x, y) => x[0] - y[0])) if (a <= from && b >= from) from = b + 1;
    return from > high;
  });
}

/** Whether every string the old pattern accepts is accepted by the new one, when that can be shown. */
export function patternIsWider(before: string, after: string): boolean {
  const a = SINGLE_CLASS.exec(before);
  const b = SINGLE_CLASS.exec(after);
  if (a === null || b === null || a[3] !== b[3] || a[1] !== b[1]) return false;
  const rangesA = classRanges(a[2]!);
  const rangesB = classRanges(b[2]!);
  if (rangesA === undefined || rangesB === undefined) return false;
  // [^forbidden]: wider when it forbids less; [allowed]: wider when it allows more.
  return a[1] === '^' ? covers(rangesA, rangesB) : covers(rangesB, rangesA);
}

function diffPattern(before: Node, after: Node, place: Place, at: Segment[], out: Collector) {
  const old = typeof before['pattern'] === 'string' ? before['pattern'] : undefined;
  const now = typeof after['pattern'] === 'string' ? after['pattern'] : undefined;
  if (old === now) return;
  const here = [...at, 'pattern'];
  if (old === undefined) out.schema(place, 'pattern-added', here, `pattern ${now} added`);
  else if (now === undefined) out.schema(place, 'pattern-removed', here, `pattern ${old} removed`);
  else if (place.side === 'request' && patternIsWider(old, now))
    out.schema(place, 'pattern-generalized', here, `pattern widened from ${old} to ${now}`);
  else out.schema(place, 'pattern-changed', here, `pattern changed from ${old} to ${now} (not provably wider)`);
}

function diffEnum(before: Node, after: Node, place: Place, at: Segment[], out: Collector) {
  const values = (schema: Node) =>
    Array.isArray(schema['enum']) ? new Map(schema['enum'].map((v) => [canonical(v, 'enum', true), v])) : undefined;
  const old = values(before);
  const now = values(after);
  const here = [...at, 'enum'];
  if (old === undefined && now === undefined) return;
  if (old === undefined) return out.schema(place, 'became-enum', here, `values restricted to ${show([...now!.values()])}`);
  if (now === undefined) return out.schema(place, 'enum-removed', here, 'values no longer restricted to an enum');
  for (const [key, value] of old) if (!now.has(key)) out.schema(place, 'enum-value-removed', here, `value ${show(value)} removed`);
  for (const [key, value] of now) if (!old.has(key)) out.schema(place, 'enum-value-added', here, `value ${show(value)} added`);
}

function diffValueKeywords(before: Node, after: Node, place: Place, at: Segment[], out: Collector) {
  const keywords = place.side === 'request' ? (['const', 'default'] as const) : (['const'] as const);
  for (const key of keywords) {
    if (same(before[key], after[key], key)) continue;
    const name = key === 'const' ? 'const' : 'default-value';
    const how = before[key] === undefined ? 'added' : after[key] === undefined ? 'removed' : 'changed';
    out.schema(place, `${name}-${how}`, [...at, key], how === 'removed' ? `${key} removed` : `${key} is now ${show(after[key])}`);
  }
}

/** `additionalProperties` as a schema, or `false` when the object is closed. */
const extraProperties = (schema: Node): unknown =>
  schema['additionalProperties'] === false ? false : (schema['additionalProperties'] ?? {});

function diffProperties(before: Node, after: Node, place: Place, at: Segment[], out: Collector) {
  const old = asNode(before['properties']);
  const now = asNode(after['properties']);
  const requiredIn = (schema: Node) => new Set(Array.isArray(schema['required']) ? schema['required'].map(String) : []);
  const oldRequired = requiredIn(before);
  const newRequired = requiredIn(after);
  const inner = childOf(place);
  for (const name of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const here = [...at, 'properties', name];
    const wasRequired = oldRequired.has(name);
    const isRequired = newRequired.has(name);
    if (place.side === 'request') {
      if (!(name in old)) {
        if (isRequired) out.add('new-required-request-property', here, `new required property ${name}`);
        else out.add('new-optional-request-property', here, `new optional property ${name}`);
      } else if (!(name in now)) {
        if (after['additionalProperties'] === false)
          out.add('request-property-removed-from-closed-object', here, `property ${name} removed; the object rejects unknown properties`);
        else out.add('request-property-removed', here, `property ${name} removed; the object still accepts it as an unknown property`);
      } else if (!wasRequired && isRequired) out.add('request-property-became-required', here, `property ${name} is now required`);
      else if (wasRequired && !isRequired) out.add('request-property-became-optional', here, `property ${name} is now optional`);
    } else if (!(name in old)) {
      if (isRequired) out.add('response-required-property-added', here, `new property ${name}, always sent`);
      else out.add('response-optional-property-added', here, `new optional property ${name}`);
    } else if (!(name in now)) {
      if (wasRequired) out.add('response-required-property-removed', here, `property ${name} is no longer sent`);
      else out.add('response-optional-property-removed', here, `optional property ${name} is no longer described`);
    } else if (wasRequired && !isRequired) out.add('response-property-became-optional', here, `property ${name} may now be missing`);
    else if (!wasRequired && isRequired) out.add('response-property-became-required', here, `property ${name} is now always sent`);
    if (name in old && name in now) diffSchema(old[name], now[name], inner, here, out);
  }

  const oldExtra = extraProperties(before);
  const newExtra = extraProperties(after);
  const here = [...at, 'additionalProperties'];
  if (oldExtra !== false && newExtra === false)
    out.schema(place, 'additional-properties-closed', here, 'unknown properties are no longer allowed');
  else if (oldExtra === false && newExtra !== false)
    out.schema(place, 'additional-properties-opened', here, 'unknown properties are now allowed');
  else diffSchema(oldExtra, newExtra, inner, here, out);
}

/** Pairs old and new variants: identical ones first, then those of the same types, closest first. */
function matchVariants(old: unknown[], now: unknown[]) {
  const freeOld = new Set(old.keys());
  const freeNew = new Set(now.keys());
  const pairs: [number, number][] = [];
  const pair = (i: number, j: number) => {
    pairs.push([i, j]);
    freeOld.delete(i);
    freeNew.delete(j);
  };
  for (const i of old.keys()) {
    const j = [...freeNew].find((candidate) => same(old[i], now[candidate]));
    if (j !== undefined) pair(i, j);
  }
  const distance = (a: Node, b: Node) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !same(a[key], b[key], key)).length;
  const candidates = [...freeOld].flatMap((i) =>
    [...freeNew]
      .filter((j) => listTypes(typesOf(asNode(old[i]))) === listTypes(typesOf(asNode(now[j]))))
      .map((j) => ({ i, j, distance: distance(asNode(old[i]), asNode(now[j])) })),
  );
  candidates.sort((a, b) => a.distance - b.distance || a.i - b.i || a.j - b.j);
  for (const { i, j } of candidates) if (freeOld.has(i) && freeNew.has(j)) pair(i, j);
  return { pairs, removed: [...freeOld], added: [...freeNew] };
}

function diffVariants(before: Node, after: Node, place: Place, at: Segment[], out: Collector) {
  for (const [key, name] of [
    ['oneOf', 'one-of'],
    ['anyOf', 'any-of'],
    ['allOf', 'all-of'],
  ] as const) {
    const old = Array.isArray(before[key]) ? before[key] : [];
    const now = Array.isArray(after[key]) ? after[key] : [];
    if (same(old, now, key)) continue;
    const { pairs, removed, added } = matchVariants(old, now);
    for (const [i, j] of pairs) diffSchema(old[i], now[j], childOf(place), [...at, key, j], out);
    for (const i of removed) out.schema(place, `${name}-removed`, [...at, key, i], `${key} variant ${canonical(old[i])} removed`);
    for (const j of added) out.schema(place, `${name}-added`, [...at, key, j], `${key} variant ${canonical(now[j])} added`);
  }
}

/** Schema keywords with a rule of their own (or that only document); a change to any other is `…-keyword-changed`. */
const JUDGED = new Set([
  ...DOCUMENTATION,
  ...BOUNDS.map((bound) => bound.keyword),
  'type',
  'format',
  'enum',
  'const',
  'default',
  'pattern',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'oneOf',
  'anyOf',
  'allOf',
]);

const childOf = (place: Place): Place => ({ side: place.side, where: place.where === 'parameter' ? 'parameter' : 'property' });

function diffSchema(before: unknown, after: unknown, place: Place, at: Segment[], out: Collector) {
  const old = before === true ? {} : before;
  const now = after === true ? {} : after;
  if (!isNode(old) || !isNode(now) || same(old, now)) return;
  // A response's default is what a missing value means to the client; oasdiff also reports it for information only.
  diffDocumentation(old, now, place.side === 'response' ? [...DOCUMENTATION, 'default'] : DOCUMENTATION, at, out);
  diffTypes(old, now, place, at, out);
  diffEnum(old, now, place, at, out);
  diffValueKeywords(old, now, place, at, out);
  diffBounds(old, now, place, at, out);
  diffPattern(old, now, place, at, out);
  diffProperties(old, now, place, at, out);
  diffVariants(old, now, place, at, out);
  for (const key of ['items', 'propertyNames'] as const) diffSchema(old[key] ?? {}, now[key] ?? {}, childOf(place), [...at, key], out);
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (JUDGED.has(key) || key.startsWith('x-') || same(old[key], now[key], key)) continue;
    out.schema(
      place,
      'keyword-changed',
      [...at, key],
      `${key} changed from ${show(old[key]) ?? 'none'} to ${show(now[key]) ?? 'none'} (no rule judges it)`,
    );
  }
}

/** The security alternatives of an operation, as text; no security at all means anonymous calls only. */
function alternativesOf(document: Node, operation: Node): Set<string> {
  const security = operation['security'] ?? document['security'];
  const requirements = Array.isArray(security) && security.length > 0 ? security.filter(isNode) : [{}];
  return new Set(
    requirements.map((requirement) => {
      const schemes = Object.entries(requirement).map(([scheme, scopes]) =>
        Array.isArray(scopes) && scopes.length > 0 ? `${scheme} [${scopes.map(String).sort().join(', ')}]` : scheme,
      );
      return schemes.length === 0 ? 'anonymous calls' : schemes.sort().join(' + ');
    }),
  );
}

function diffSecurity(base: Node, head: Node, before: Node, after: Node, at: Segment[], out: Collector) {
  const old = alternativesOf(base, before);
  const now = alternativesOf(head, after);
  const here = [...at, 'security'];
  for (const alternative of old)
    if (!now.has(alternative)) out.add('api-security-removed', here, `${alternative} no longer accepted; now: ${[...now].join(' or ')}`);
  for (const alternative of now) if (!old.has(alternative)) out.add('api-security-added', here, `${alternative} now also accepted`);
}

const parameterKey = (parameter: Node) => `${String(parameter['in'])}:${String(parameter['name'])}`;

function diffParameters(before: Node, after: Node, at: Segment[], out: Collector) {
  const byKey = (operation: Node) =>
    new Map(
      (Array.isArray(operation['parameters']) ? operation['parameters'] : [])
        .filter(isNode)
        .map((parameter) => [parameterKey(parameter), parameter]),
    );
  const old = byKey(before);
  const now = byKey(after);
  const place: Place = { side: 'request', where: 'parameter' };
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const [location, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const here = [...at, 'parameters', key];
    const a = old.get(key);
    const b = now.get(key);
    if (a === undefined) {
      if (b!['required'] === true) out.add('new-required-request-parameter', here, `new required ${location} parameter ${name}`);
      else out.add('new-optional-request-parameter', here, `new optional ${location} parameter ${name}`);
      continue;
    }
    if (b === undefined) {
      out.add('request-parameter-removed', here, `${location} parameter ${name} removed`);
      continue;
    }
    if (a['required'] !== true && b['required'] === true)
      out.add('request-parameter-became-required', here, `${location} parameter ${name} is now required`);
    if (a['required'] === true && b['required'] !== true)
      out.add('request-parameter-became-optional', here, `${location} parameter ${name} is now optional`);
    diffDocumentation(a, b, ['description', 'deprecated', 'example', 'examples'], here, out);
    diffSchema(a['schema'] ?? {}, b['schema'] ?? {}, place, [...here, 'schema'], out);
    for (const keyword of ['style', 'explode', 'allowReserved', 'allowEmptyValue', 'content'])
      if (!same(a[keyword], b[keyword], keyword))
        out.schema(
          place,
          'keyword-changed',
          [...here, keyword],
          `${keyword} changed from ${show(a[keyword]) ?? 'none'} to ${show(b[keyword]) ?? 'none'}`,
        );
  }
}

function diffContent(before: Node, after: Node, side: Side, at: Segment[], out: Collector) {
  const old = asNode(before['content']);
  const now = asNode(after['content']);
  for (const type of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const here = [...at, 'content', type];
    if (!(type in now)) {
      if (side === 'request') out.add('request-body-media-type-removed', here, `${type} no longer accepted`);
      else out.add('response-media-type-removed', here, `${type} no longer sent`);
    } else if (!(type in old)) {
      if (side === 'request') out.add('request-body-media-type-added', here, `${type} now accepted`);
      else out.add('response-media-type-added', here, `${type} now sent`);
    } else {
      const a = asNode(old[type]);
      const b = asNode(now[type]);
      diffDocumentation(a, b, ['example', 'examples'], here, out);
      diffSchema(a['schema'] ?? {}, b['schema'] ?? {}, { side, where: 'body' }, [...here, 'schema'], out);
    }
  }
}

function diffRequestBody(before: Node, after: Node, at: Segment[], out: Collector) {
  const old = isNode(before['requestBody']) ? before['requestBody'] : undefined;
  const now = isNode(after['requestBody']) ? after['requestBody'] : undefined;
  const here = [...at, 'requestBody'];
  if (old === undefined && now === undefined) return;
  if (old === undefined) {
    if (now!['required'] === true) out.add('request-body-added-required', here, 'required request body added');
    else out.add('request-body-added-optional', here, 'optional request body added');
    return;
  }
  if (now === undefined) return out.add('request-body-removed', here, 'request body removed');
  if (old['required'] !== true && now['required'] === true) out.add('request-body-became-required', here, 'request body is now required');
  if (old['required'] === true && now['required'] !== true) out.add('request-body-became-optional', here, 'request body is now optional');
  diffDocumentation(old, now, ['description'], here, out);
  diffContent(old, now, 'request', here, out);
}

function diffHeaders(before: Node, after: Node, at: Segment[], out: Collector) {
  // Header names are case-insensitive.
  const byName = (response: Node) =>
    new Map(Object.entries(asNode(response['headers'])).map(([name, header]) => [name.toLowerCase(), { name, header: asNode(header) }]));
  const old = byName(before);
  const now = byName(after);
  for (const [key, { name, header }] of old) {
    const next = now.get(key);
    if (next === undefined) {
      const here = [...at, 'headers', name];
      if (header['required'] === true) out.add('required-response-header-removed', here, `required header ${name} no longer sent`);
      else out.add('optional-response-header-removed', here, `optional header ${name} no longer described`);
      continue;
    }
    const here = [...at, 'headers', next.name];
    if (header['required'] === true && next.header['required'] !== true)
      out.add('response-header-became-optional', here, `header ${name} may now be missing`);
    if (header['required'] !== true && next.header['required'] === true)
      out.add('response-header-became-required', here, `header ${name} is now always sent`);
    diffDocumentation(header, next.header, ['description', 'deprecated', 'example', 'examples'], here, out);
    // Header schemas have no finer rules: any change but documentation counts, judged as the schema of a response property would be.
    const schema = new Collector(out.operation);
    diffSchema(header['schema'] ?? {}, next.header['schema'] ?? {}, { side: 'response', where: 'property' }, [...here, 'schema'], schema);
    const changes = schema.changes.filter((change) => change.rule !== 'documentation-changed').map((change) => change.message);
    out.changes.push(...schema.changes.filter((change) => change.rule === 'documentation-changed'));
    for (const keyword of ['style', 'explode', 'content'])
      if (!same(header[keyword], next.header[keyword], keyword)) changes.push(`${keyword} changed`);
    if (changes.length > 0) out.add('response-header-schema-changed', [...here, 'schema'], `header ${name}: ${changes.join('; ')}`);
  }
  for (const [key, { name }] of now) if (!old.has(key)) out.add('response-header-added', [...at, 'headers', name], `header ${name} added`);
}

function diffResponses(before: Node, after: Node, at: Segment[], out: Collector) {
  const old = asNode(before['responses']);
  const now = asNode(after['responses']);
  for (const status of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const here = [...at, 'responses', status];
    const success = status.startsWith('2');
    if (!(status in now)) {
      if (success) out.add('response-success-status-removed', here, `status ${status} removed`);
      else out.add('response-non-success-status-removed', here, `status ${status} removed`);
    } else if (!(status in old)) {
      if (success) out.add('response-success-status-added', here, `status ${status} added`);
      else out.add('response-non-success-status-added', here, `status ${status} added`);
    } else {
      const a = asNode(old[status]);
      const b = asNode(now[status]);
      diffDocumentation(a, b, ['description'], here, out);
      diffHeaders(a, b, here, out);
      diffContent(a, b, 'response', here, out);
    }
  }
}

function diffOperation(base: Node, head: Node, before: Node, after: Node, at: Segment[], out: Collector) {
  diffDocumentation(before, after, ['summary', 'description', 'externalDocs'], at, out);
  const [oldId, newId] = [before['operationId'], after['operationId']];
  if (oldId === undefined && newId !== undefined)
    out.add('api-operation-id-added', [...at, 'operationId'], `operationId ${String(newId)} added`);
  else if (oldId !== undefined && newId === undefined)
    out.add('api-operation-id-removed', [...at, 'operationId'], `operationId ${String(oldId)} removed`);
  else if (oldId !== newId)
    out.add(
      'api-operation-id-changed',
      [...at, 'operationId'],
      `operationId ${String(oldId)} is now ${String(newId)} (generated type names follow it)`,
    );
  const tags = (operation: Node) => new Set(Array.isArray(operation['tags']) ? operation['tags'].map(String) : []);
  const [oldTags, newTags] = [tags(before), tags(after)];
  for (const tag of oldTags) if (!newTags.has(tag)) out.add('api-tag-removed', [...at, 'tags'], `tag ${tag} removed`);
  for (const tag of newTags) if (!oldTags.has(tag)) out.add('api-tag-added', [...at, 'tags'], `tag ${tag} added`);
  if (before['deprecated'] !== true && after['deprecated'] === true)
    out.add('endpoint-deprecated', [...at, 'deprecated'], 'operation deprecated');
  if (before['deprecated'] === true && after['deprecated'] !== true)
    out.add('endpoint-reactivated', [...at, 'deprecated'], 'operation no longer deprecated');
  diffSecurity(base, head, before, after, at, out);
  diffParameters(before, after, at, out);
  diffRequestBody(before, after, at, out);
  diffResponses(before, after, at, out);
}

function diffDocument(base: Node, head: Node, out: Collector) {
  if (!same(base['servers'], head['servers'], 'servers')) out.add('api-servers-changed', ['servers'], 'servers changed');
  const [oldInfo, newInfo] = [asNode(base['info']), asNode(head['info'])];
  if (!same(oldInfo['version'], newInfo['version']))
    out.add('api-version-changed', ['info', 'version'], `version ${String(oldInfo['version'])} is now ${String(newInfo['version'])}`);
  diffDocumentation(oldInfo, newInfo, ['title', 'summary', 'description'], ['info'], out);
  const schemes = (document: Node) => asNode(asNode(document['components'])['securitySchemes']);
  const [oldSchemes, newSchemes] = [schemes(base), schemes(head)];
  for (const name of new Set([...Object.keys(oldSchemes), ...Object.keys(newSchemes)])) {
    const here = ['components', 'securitySchemes', name];
    if (!(name in newSchemes)) out.add('api-security-component-removed', here, `security scheme ${name} removed`);
    else if (!(name in oldSchemes)) out.add('api-security-component-added', here, `security scheme ${name} added`);
    else {
      const [a, b] = [asNode(oldSchemes[name]), asNode(newSchemes[name])];
      diffDocumentation(a, b, ['description'], here, out);
      if (!same({ ...a, description: undefined }, { ...b, description: undefined }))
        out.add('api-security-component-changed', here, `security scheme ${name} changed: callers must send other credentials`);
    }
  }
}

/** Every change from `base` to `head`, two dereferenced versions of one API's spec. */
export function diffSpecs(base: OpenApiDocument, head: OpenApiDocument): Change[] {
  const key = ({ method, path }: { method: string; path: string }) => `${method} ${path}`;
  const old = new Map(operationsOf(base).map((operation) => [key(operation), operation]));
  const now = new Map(operationsOf(head).map((operation) => [key(operation), operation]));
  const changes: Change[] = [];
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const { method, path } = (old.get(id) ?? now.get(id))!;
    const at = ['paths', path, method];
    const out = new Collector(`${method.toUpperCase()} ${path}`);
    const [before, after] = [old.get(id)?.operation, now.get(id)?.operation];
    if (after === undefined) {
      const deprecated = before!['deprecated'] === true;
      if (isNode(asNode(head['paths'])[path]))
        out.add(deprecated ? 'api-removed-with-deprecation' : 'api-removed-without-deprecation', at, 'operation removed');
      else
        out.add(
          deprecated ? 'api-path-removed-with-deprecation' : 'api-path-removed-without-deprecation',
          at,
          'operation removed with its path',
        );
    } else if (before === undefined) out.add('endpoint-added', at, 'operation added');
    else diffOperation(base, head, before, after, at, out);
    changes.push(...out.changes);
  }
  const document = new Collector('document');
  diffDocument(base, head, document);
  return [...changes, ...document.changes];
}
