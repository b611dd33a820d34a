// Shared helpers for the spec tests: the bundled, dereferenced specs and one
// JSON Schema 2020-12 validator (OpenAPI 3.1 schemas are 2020-12 schemas).
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadApis } from '../../scripts/lib/apis.ts';
import type { OpenApiDocument } from '../../scripts/lib/bundle.ts';
import { operationsOf as listOperations, type HttpMethod } from '../../scripts/lib/operations.ts';
import { inject } from 'vitest';

export interface LoadedSpec {
  name: string;
  root: string;
  /** Every $ref inlined. */
  document: OpenApiDocument;
}

/** Every API of redocly.yaml, bundled and dereferenced (once per run, by test/support/bundled-specs-setup.ts). */
let specs: LoadedSpec[] | undefined;

export async function loadSpecs(): Promise<LoadedSpec[]> {
  specs ??= loadApis().map((api) => {
    const document = inject('bundledSpecs')[api.name];
    if (document === undefined) throw new Error(`The spec of "${api.name}" was not bundled by the test setup.`);
    return { ...api, document };
  });
  return specs;
}

export async function loadSpec(name: string): Promise<LoadedSpec> {
  const spec = (await loadSpecs()).find((candidate) => candidate.name === name);
  if (spec === undefined) throw new Error(`No API named "${name}" in redocly.yaml.`);
  return spec;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a nested member, failing with the path when it is missing. */
export function at(value: unknown, ...path: (string | number)[]): Json {
  let current: unknown = value;
  for (const [index, key] of path.entries()) {
    if (typeof current !== 'object' || current === null || !(key in current)) {
      throw new Error(`Missing ${path.slice(0, index + 1).join(' / ')}`);
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current as Json;
}

export function objectAt(value: unknown, ...path: (string | number)[]): JsonObject {
  const found = at(value, ...path);
  if (!isObject(found)) throw new Error(`${path.join(' / ')} is not an object`);
  return found;
}

/** A copy of `root` with the value at `path` replaced, or removed for `undefined`. */
export function withValue(root: JsonObject, path: string[], value: Json | undefined): JsonObject {
  const copy = structuredClone(root);
  let parent: JsonObject = copy;
  for (const name of path.slice(0, -1)) parent = parent[name] as JsonObject;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

export interface Operation {
  method: HttpMethod;
  path: string;
  operation: JsonObject;
}

/** Every operation of a spec (see scripts/lib/operations.ts), typed as JSON. */
export const operationsOf = (document: OpenApiDocument): Operation[] => listOperations(document) as Operation[];

/** The operation at `method` and `path`, failing with what the spec has instead. */
export function operationAt(document: OpenApiDocument, method: string, path: string): Operation {
  const operations = operationsOf(document);
  const found = operations.find((candidate) => candidate.method === method && candidate.path === path);
  if (found === undefined)
    throw new Error(
      `No ${method.toUpperCase()} ${path}; the spec has ${operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).join(', ')}`,
    );
  return found;
}

export function requestBodySchema(operation: JsonObject): JsonObject {
  return objectAt(operation, 'requestBody', 'content', 'application/json', 'schema');
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new WeakMap<object, ValidateFunction>();

/** Validates with ajv in its default (unicode) regular expression mode, as Prism and Redocly do. */
export function validate(schema: JsonObject, value: unknown): ErrorObject[] {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = ajv.compile(schema);
    validators.set(schema, validator);
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}
