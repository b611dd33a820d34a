// Every constraint the documents state in prose (and every one the services
// enforce beyond them) is tested on both sides of its boundary against the
// spec's request schema, and a rejection names the field that broke it.
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { seedFacts, type Boundary } from '../../support/seed-facts.ts';
import { loadSpec, operationAt, requestBodySchema, validate, withValue, type Json, type JsonObject } from '../../support/specs.ts';

/** Whether an ajv error is about `field` (the value itself, a missing field, or a field not allowed). */
function isAbout(error: ErrorObject, field: string[]): boolean {
  const pointer = `/${field.join('/')}`;
  const parent = `/${field.slice(0, -1).join('/')}`.replace(/^\/$/, '');
  const last = field[field.length - 1];
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  return (
    error.instancePath === pointer ||
    error.instancePath.startsWith(`${pointer}/`) ||
    (error.instancePath === parent && (params.missingProperty === last || params.additionalProperty === last))
  );
}

const show = (value: Json | undefined): string => {
  if (value === undefined) return 'no value';
  const text = JSON.stringify(value);
  return typeof value === 'string' && value.length > 12 ? `${value.length} characters` : text;
};

interface Case {
  api: string;
  base: JsonObject;
  rule: string;
  field: string[];
  path: string;
  value: Json | undefined;
  label: string;
}

function casesOf(side: 'valid' | 'invalid'): Case[] {
  return seedFacts.flatMap((facts) =>
    facts.boundaries.flatMap((boundary: Boundary) =>
      boundary[side].map((value) => ({
        api: facts.api,
        base: facts.base,
        rule: boundary.rule,
        field: boundary.field,
        path: boundary.field.join('.'),
        value,
        label: show(value),
      })),
    ),
  );
}

/** The request schema of the operation a seed document describes. */
async function schemaOf(api: string): Promise<JsonObject> {
  const { method, path } = seedFacts.find((facts) => facts.api === api)!;
  return requestBodySchema(operationAt((await loadSpec(api)).document, method, path).operation);
}

describe('request bodies inside every documented constraint', () => {
  for (const { api, base } of seedFacts) {
    it(`${api} accepts its base request`, async () => {
      expect(validate(await schemaOf(api), base)).toEqual([]);
    });
  }

  for (const { api, base, rule, field, path, value, label } of casesOf('valid')) {
    it(`${api} accepts ${path} = ${label} (${rule})`, async () => {
      expect(validate(await schemaOf(api), withValue(base, field, value))).toEqual([]);
    });
  }
});

describe('request bodies just outside a documented constraint', () => {
  for (const { api, base, rule, field, path, value, label } of casesOf('invalid')) {
    it(`${api} rejects ${path} = ${label}, naming the field (${rule})`, async () => {
      const errors = validate(await schemaOf(api), withValue(base, field, value));
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.filter((error) => isAbout(error, field))).not.toEqual([]);
    });
  }
});
