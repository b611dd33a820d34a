// Compares two versions of an API's spec, both bundled and dereferenced, and
// says, per operation, which changes can break the people who call it.
// Breaking: a request that was valid can become invalid, or a response loses
// something a client could rely on. Everything else is compatible.
import type { OpenApiDocument } from './bundle.ts';

export type Verdict = 'breaking' | 'compatible';

export interface Change {
  verdict: Verdict;
  /** Stable name of the rule, e.g. `request.maxLength.lowered`. */
  rule: string;
  /** `POST /v1.0/{project_id}/snapshots`, or `document` for document-wide changes. */
  operation: string;
  /** JSONPath of the changed element (in the new version, or the old one when it was removed). */
  path: string;
  message: string;
}

type Node = Record<string, unknown>;
type Mode = 'request' | 'response';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum'];
const LOWER_BOUNDS = ['minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum'];
const TEXT = ['summary', 'description', 'title'];

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function jsonPath(segments: (string | number)[]): string {
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
  constructor(private readonly operation: string) {}
  add(verdict: Verdict, rule: string, at: (string | number)[], message: string) {
    this.changes.push({ verdict, rule, operation: this.operation, path: jsonPath(at), message });
  }
}

function typesOf(schema: Node): Set<string> {
  const { type } = schema;
  return new Set((Array.isArray(type) ? type : type === undefined ? [] : [type]).map(String));
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

function diffText(before: Node, after: Node, at: (string | number)[], out: Collector) {
  for (const key of TEXT) {
    if (!same(before[key], after[key])) out.add('compatible', 'text.changed', [...at, key], `${key} changed`);
  }
}

function diffBounds(before: Node, after: Node, at: (string | number)[], out: Collector) {
  for (const [keys, tighter] of [
    [UPPER_BOUNDS, (old: number, now: number) => now < old],
    [LOWER_BOUNDS, (old: number, now: number) => now > old],
  ] as const) {
    for (const key of keys) {
      const old = before[key];
      const now = after[key];
      if (same(old, now)) continue;
      if (typeof now === 'number' && typeof old !== 'number')
        out.add('breaking', `request.${key}.added`, [...at, key], `${key} ${now} added`);
      else if (typeof old === 'number' && typeof now !== 'number')
        out.add('compatible', `request.${key}.removed`, [...at, key], `${key} ${old} removed`);
      else if (typeof old === 'number' && typeof now === 'number') {
        const narrower = tighter(old, now);
        const moved = keys === UPPER_BOUNDS ? (narrower ? 'lowered' : 'raised') : narrower ? 'raised' : 'lowered';
        out.add(narrower ? 'breaking' : 'compatible', `request.${key}.${moved}`, [...at, key], `${key} ${moved} from ${old} to ${now}`);
      }
    }
  }
}

function diffRequestKeywords(before: Node, after: Node, at: (string | number)[], out: Collector) {
  diffBounds(before, after, at, out);

  const oldPattern = before['pattern'];
  const newPattern = after['pattern'];
  if (typeof newPattern === 'string' && typeof oldPattern !== 'string') {
    out.add('breaking', 'request.pattern.added', [...at, 'pattern'], `pattern ${newPattern} added`);
  } else if (typeof oldPattern === 'string' && typeof newPattern !== 'string') {
    out.add('compatible', 'request.pattern.removed', [...at, 'pattern'], `pattern ${oldPattern} removed`);
  } else if (typeof oldPattern === 'string' && typeof newPattern === 'string' && oldPattern !== newPattern) {
    if (patternIsWider(oldPattern, newPattern))
      out.add('compatible', 'request.pattern.widened', [...at, 'pattern'], `pattern widened from ${oldPattern} to ${newPattern}`);
    else
      out.add(
        'breaking',
        'request.pattern.changed',
        [...at, 'pattern'],
        `pattern changed from ${oldPattern} to ${newPattern} (not provably wider)`,
      );
  }

  for (const key of ['format', 'const', 'default'] as const) {
    if (same(before[key], after[key])) continue;
    if (after[key] === undefined) out.add('compatible', `request.${key}.removed`, [...at, key], `${key} removed`);
    else
      out.add(
        'breaking',
        `request.${key}.${before[key] === undefined ? 'added' : 'changed'}`,
        [...at, key],
        `${key} is now ${JSON.stringify(after[key])}`,
      );
  }

  const closedBefore = before['additionalProperties'] === false;
  const closedAfter = after['additionalProperties'] === false;
  if (!closedBefore && closedAfter && typesOf(after).has('object')) {
    out.add('breaking', 'request.additionalProperties.closed', [...at, 'additionalProperties'], 'unknown properties are now rejected');
  } else if (closedBefore && !closedAfter) {
    out.add('compatible', 'request.additionalProperties.opened', [...at, 'additionalProperties'], 'unknown properties are now accepted');
  }
}

function diffEnum(before: Node, after: Node, mode: Mode, at: (string | number)[], out: Collector) {
  const old = Array.isArray(before['enum']) ? before['enum'] : undefined;
  const now = Array.isArray(after['enum']) ? after['enum'] : undefined;
  if (same(old, now)) return;
  if (mode === 'request') {
    if (old === undefined) return out.add('breaking', 'request.enum.added', [...at, 'enum'], 'values restricted to an enum');
    if (now === undefined) return out.add('compatible', 'request.enum.removed', [...at, 'enum'], 'enum restriction removed');
    for (const value of old.filter((v) => !now.some((w) => same(v, w))))
      out.add('breaking', 'request.enum.value-removed', [...at, 'enum'], `value ${JSON.stringify(value)} removed`);
    for (const value of now.filter((v) => !old.some((w) => same(v, w))))
      out.add('compatible', 'request.enum.value-added', [...at, 'enum'], `value ${JSON.stringify(value)} added`);
  } else {
    if (old === undefined) return out.add('compatible', 'response.enum.added', [...at, 'enum'], 'values restricted to an enum');
    if (now === undefined) return out.add('breaking', 'response.enum.removed', [...at, 'enum'], 'values no longer restricted to an enum');
    for (const value of now.filter((v) => !old.some((w) => same(v, w))))
      out.add('breaking', 'response.enum.value-added', [...at, 'enum'], `value ${JSON.stringify(value)} can now be sent`);
    for (const value of old.filter((v) => !now.some((w) => same(v, w))))
      out.add('compatible', 'response.enum.value-removed', [...at, 'enum'], `value ${JSON.stringify(value)} no longer sent`);
  }
}

function diffTypes(before: Node, after: Node, mode: Mode, at: (string | number)[], out: Collector) {
  const old = typesOf(before);
  const now = typesOf(after);
  if (same([...old].sort(), [...now].sort())) return;
  const added = [...now].filter((type) => !old.has(type));
  const removed = [...old].filter((type) => !now.has(type));
  if (mode === 'request') {
    if (old.size === 0) out.add('breaking', 'request.type.added', [...at, 'type'], `type restricted to ${[...now].join('|')}`);
    else if (removed.length > 0)
      out.add(
        'breaking',
        'request.type.changed',
        [...at, 'type'],
        `type changed from ${[...old].join('|')} to ${[...now].join('|') || 'any'}`,
      );
    else out.add('compatible', 'request.type.widened', [...at, 'type'], `type widened to ${[...now].join('|')}`);
  } else if (added.length > 0 || (now.size === 0 && old.size > 0)) {
    out.add(
      'breaking',
      'response.type.changed',
      [...at, 'type'],
      `type changed from ${[...old].join('|')} to ${[...now].join('|') || 'any'}`,
    );
  } else {
    out.add('compatible', 'response.type.narrowed', [...at, 'type'], `type narrowed to ${[...now].join('|')}`);
  }
}

function diffProperties(before: Node, after: Node, mode: Mode, at: (string | number)[], out: Collector) {
  const old = isNode(before['properties']) ? before['properties'] : {};
  const now = isNode(after['properties']) ? after['properties'] : {};
  const oldRequired = new Set(Array.isArray(before['required']) ? before['required'].map(String) : []);
  const newRequired = new Set(Array.isArray(after['required']) ? after['required'].map(String) : []);
  for (const name of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const here = [...at, 'properties', name];
    if (!(name in old)) {
      if (mode === 'request' && newRequired.has(name))
        out.add('breaking', 'request.property.required-added', here, `new required property ${name}`);
      else out.add('compatible', `${mode}.property.added`, here, `new ${newRequired.has(name) ? 'required' : 'optional'} property ${name}`);
      continue;
    }
    if (!(name in now)) {
      const verdict = mode === 'response' || after['additionalProperties'] === false ? 'breaking' : 'compatible';
      out.add(verdict, `${mode}.property.removed`, [...at, 'properties', name], `property ${name} removed`);
      continue;
    }
    if (mode === 'request' && !oldRequired.has(name) && newRequired.has(name))
      out.add('breaking', 'request.property.made-required', here, `property ${name} is now required`);
    if (mode === 'request' && oldRequired.has(name) && !newRequired.has(name))
      out.add('compatible', 'request.property.made-optional', here, `property ${name} is now optional`);
    if (mode === 'response' && oldRequired.has(name) && !newRequired.has(name))
      out.add('breaking', 'response.property.made-optional', here, `property ${name} may now be missing`);
    if (mode === 'response' && !oldRequired.has(name) && newRequired.has(name))
      out.add('compatible', 'response.property.made-required', here, `property ${name} is now always sent`);
    diffSchema(old[name], now[name], mode, here, out);
  }
}

function diffVariants(before: Node, after: Node, mode: Mode, at: (string | number)[], out: Collector) {
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const old = Array.isArray(before[key]) ? before[key] : [];
    const now = Array.isArray(after[key]) ? after[key] : [];
    if (same(old, now)) continue;
    if (old.length === now.length) {
      old.forEach((variant, index) => diffSchema(variant, now[index], mode, [...at, key, index], out));
      continue;
    }
    const removed = old.filter((v) => !now.some((w) => same(v, w))).length;
    const added = now.filter((v) => !old.some((w) => same(v, w))).length;
    const narrowing = key === 'allOf' ? added > 0 : removed > 0;
    const widening = key === 'allOf' ? removed > 0 : added > 0;
    if ((mode === 'request' && narrowing) || (mode === 'response' && widening)) {
      out.add('breaking', `${mode}.${key}.changed`, [...at, key], `${key} variants changed (${removed} removed, ${added} added)`);
    } else {
      out.add('compatible', `${mode}.${key}.changed`, [...at, key], `${key} variants changed (${removed} removed, ${added} added)`);
    }
  }
}

export function diffSchema(before: unknown, after: unknown, mode: Mode, at: (string | number)[], out: Collector) {
  if (!isNode(before) || !isNode(after) || same(before, after)) return;
  diffText(before, after, at, out);
  diffTypes(before, after, mode, at, out);
  diffEnum(before, after, mode, at, out);
  if (mode === 'request') diffRequestKeywords(before, after, at, out);
  else if (!same(before['const'], after['const']))
    out.add('breaking', 'response.const.changed', [...at, 'const'], 'constant value changed');
  diffProperties(before, after, mode, at, out);
  diffVariants(before, after, mode, at, out);
  for (const key of ['items', 'additionalProperties', 'propertyNames'] as const) {
    if (mode === 'response' && key === 'propertyNames') continue;
    diffSchema(before[key], after[key], mode, [...at, key], out);
  }
}

function alternativesOf(document: Node, operation: Node): string[] | undefined {
  const security = operation['security'] ?? document['security'];
  if (!Array.isArray(security) || security.length === 0) return undefined;
  const alternatives = security.filter(isNode).map((requirement) => Object.keys(requirement).sort().join(' + '));
  return alternatives.includes('') ? undefined : alternatives; // {} makes the operation anonymous
}

function diffSecurity(base: Node, head: Node, before: Node, after: Node, at: (string | number)[], out: Collector) {
  const old = alternativesOf(base, before);
  const now = alternativesOf(head, after);
  if (same(old, now)) return;
  if (old === undefined && now !== undefined)
    return out.add('breaking', 'security.added', [...at, 'security'], `credentials now required: ${now.join(' or ')}`);
  if (now === undefined) return out.add('compatible', 'security.removed', [...at, 'security'], 'credentials no longer required');
  for (const alternative of old!.filter((a) => !now.includes(a)))
    out.add(
      'breaking',
      'security.requirement-added',
      [...at, 'security'],
      `${alternative} alone no longer authenticates; now: ${now.join(' or ')}`,
    );
  for (const alternative of now.filter((a) => !old!.includes(a)))
    out.add('compatible', 'security.alternative-added', [...at, 'security'], `${alternative} now also authenticates`);
}

function parametersOf(pathItem: Node, operation: Node): Map<string, Node> {
  const all = [
    ...(Array.isArray(pathItem['parameters']) ? pathItem['parameters'] : []),
    ...(Array.isArray(operation['parameters']) ? operation['parameters'] : []),
  ];
  return new Map(all.filter(isNode).map((parameter) => [`${String(parameter['in'])}:${String(parameter['name'])}`, parameter]));
}

function diffParameters(beforeItem: Node, before: Node, afterItem: Node, after: Node, at: (string | number)[], out: Collector) {
  const old = parametersOf(beforeItem, before);
  const now = parametersOf(afterItem, after);
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const [location, name] = key.split(':') as [string, string];
    const here = [...at, 'parameters', `${location}:${name}`];
    const a = old.get(key);
    const b = now.get(key);
    if (a === undefined) {
      out.add(
        b!['required'] === true ? 'breaking' : 'compatible',
        b!['required'] === true ? 'request.parameter.required-added' : 'request.parameter.added',
        here,
        `new ${b!['required'] === true ? 'required' : 'optional'} ${location} parameter ${name}`,
      );
    } else if (b === undefined) {
      out.add('compatible', 'request.parameter.removed', here, `${location} parameter ${name} removed`);
    } else {
      if (a['required'] !== true && b['required'] === true)
        out.add('breaking', 'request.parameter.made-required', here, `${location} parameter ${name} is now required`);
      diffText(a, b, here, out);
      diffSchema(a['schema'], b['schema'], 'request', [...here, 'schema'], out);
    }
  }
}

function diffContent(before: Node, after: Node, mode: Mode, critical: boolean, at: (string | number)[], out: Collector) {
  const old = isNode(before['content']) ? before['content'] : {};
  const now = isNode(after['content']) ? after['content'] : {};
  for (const type of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const here = [...at, 'content', type];
    if (!(type in now))
      out.add(
        critical ? 'breaking' : 'compatible',
        `${mode}.media-type.removed`,
        here,
        `${type} no longer ${mode === 'request' ? 'accepted' : 'sent'}`,
      );
    else if (!(type in old))
      out.add('compatible', `${mode}.media-type.added`, here, `${type} now ${mode === 'request' ? 'accepted' : 'sent'}`);
    else {
      const a = old[type] as Node;
      const b = now[type] as Node;
      diffSchema(a['schema'], b['schema'], mode, [...here, 'schema'], out);
      if (!same(a['examples'] ?? a['example'], b['examples'] ?? b['example']))
        out.add('compatible', 'example.changed', [...here, 'examples'], 'examples changed');
    }
  }
}

function diffOperation(base: Node, head: Node, path: string, method: string, out: Collector) {
  const beforeItem = (base['paths'] as Node)[path] as Node;
  const afterItem = (head['paths'] as Node)[path] as Node;
  const before = beforeItem[method] as Node;
  const after = afterItem[method] as Node;
  const at = ['paths', path, method];
  diffText(before, after, at, out);
  if (before['operationId'] !== after['operationId'])
    out.add(
      'compatible',
      'operation.id-changed',
      [...at, 'operationId'],
      `operationId ${String(before['operationId'])} is now ${String(after['operationId'])} (generated type names follow it)`,
    );
  diffSecurity(base, head, before, after, at, out);
  diffParameters(beforeItem, before, afterItem, after, at, out);

  const oldBody = isNode(before['requestBody']) ? before['requestBody'] : undefined;
  const newBody = isNode(after['requestBody']) ? after['requestBody'] : undefined;
  if (oldBody === undefined && newBody !== undefined) {
    out.add(
      newBody['required'] === true ? 'breaking' : 'compatible',
      newBody['required'] === true ? 'request.body.required-added' : 'request.body.added',
      [...at, 'requestBody'],
      'request body added',
    );
  } else if (oldBody !== undefined && newBody === undefined) {
    out.add('compatible', 'request.body.removed', [...at, 'requestBody'], 'request body removed');
  } else if (oldBody !== undefined && newBody !== undefined) {
    if (oldBody['required'] !== true && newBody['required'] === true)
      out.add('breaking', 'request.body.made-required', [...at, 'requestBody'], 'request body is now required');
    diffContent(oldBody, newBody, 'request', true, [...at, 'requestBody'], out);
  }

  const oldResponses = isNode(before['responses']) ? before['responses'] : {};
  const newResponses = isNode(after['responses']) ? after['responses'] : {};
  for (const status of new Set([...Object.keys(oldResponses), ...Object.keys(newResponses)])) {
    const here = [...at, 'responses', status];
    const success = status.startsWith('2');
    if (!(status in newResponses))
      out.add(
        success ? 'breaking' : 'compatible',
        success ? 'response.success-status.removed' : 'response.status.removed',
        here,
        `status ${status} removed`,
      );
    else if (!(status in oldResponses)) out.add('compatible', 'response.status.added', here, `status ${status} added`);
    else {
      const a = oldResponses[status] as Node;
      const b = newResponses[status] as Node;
      diffText(a, b, here, out);
      diffContent(a, b, 'response', success, here, out);
      const oldHeaders = isNode(a['headers']) ? a['headers'] : {};
      const newHeaders = isNode(b['headers']) ? b['headers'] : {};
      for (const name of Object.keys(oldHeaders)) {
        if (!(name in newHeaders)) {
          const required = isNode(oldHeaders[name]) && oldHeaders[name]['required'] === true;
          out.add(
            required ? 'breaking' : 'compatible',
            'response.header.removed',
            [...here, 'headers', name],
            `header ${name} no longer sent`,
          );
        }
      }
      for (const name of Object.keys(newHeaders))
        if (!(name in oldHeaders)) out.add('compatible', 'response.header.added', [...here, 'headers', name], `header ${name} added`);
    }
  }
}

function operationsOf(document: Node): string[] {
  const paths = isNode(document['paths']) ? document['paths'] : {};
  return Object.entries(paths).flatMap(([path, item]) =>
    isNode(item) ? METHODS.filter((method) => isNode(item[method])).map((method) => `${method} ${path}`) : [],
  );
}

/** Every change from `base` to `head`, two dereferenced versions of one API's spec. */
export function diffSpecs(base: OpenApiDocument, head: OpenApiDocument): Change[] {
  const changes: Change[] = [];
  const old = operationsOf(base);
  const now = operationsOf(head);
  for (const key of new Set([...old, ...now])) {
    const [method, path] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
    const out = new Collector(`${method.toUpperCase()} ${path}`);
    if (!now.includes(key))
      out.add(
        'breaking',
        'operation.removed',
        ['paths', path, method],
        `operation removed${isNode((head['paths'] as Node | undefined)?.[path]) ? '' : ' (its path is gone)'}`,
      );
    else if (!old.includes(key)) out.add('compatible', 'operation.added', ['paths', path, method], 'operation added');
    else diffOperation(base, head, path, method, out);
    changes.push(...out.changes);
  }
  const document = new Collector('document');
  if (!same(base['servers'], head['servers'])) document.add('compatible', 'servers.changed', ['servers'], 'servers changed');
  if (!same((base['info'] as Node | undefined)?.['version'], (head['info'] as Node | undefined)?.['version']))
    document.add('compatible', 'info.version.changed', ['info', 'version'], 'version changed');
  return [...changes, ...document.changes];
}
