// The breaking-change rules: for each, one mutation of a small document that
// must be judged breaking and one that must be judged compatible, each with the
// JSON path of the change. Then the real cases: the DWS document's older
// revision against the newer one, and a spec rewritten as one bundled file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSpecs, patternIsWider } from '../../../scripts/lib/breaking.ts';
import { bundleSpec } from '../../../scripts/lib/bundle.ts';
import { loadSpecs } from '../../support/specs.ts';

const fixture = () => ({
  openapi: '3.1.0',
  info: { title: 'Fixture', version: '1.0.0' },
  security: [{ token: [] as string[] }] as Record<string, string[]>[],
  paths: {
    '/v1/{project_id}/things': {
      post: {
        operationId: 'createThing',
        summary: 'Create a thing',
        description: 'Creates a thing.',
        parameters: [
          { name: 'project_id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
          { name: 'X-Trace', in: 'header', required: false, schema: { type: 'string', maxLength: 64 } },
        ] as Record<string, unknown>[],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 4, maxLength: 64, pattern: '^[a-z][a-z0-9_-]{3,63}$' },
                  note: { type: 'string', maxLength: 256, pattern: '^[^<>]*$' } as Record<string, unknown>,
                  mode: { type: 'string', enum: ['full', 'incremental'] },
                  size: { type: 'integer' as string | string[], minimum: 1, maximum: 100 },
                  tags: { type: 'object', additionalProperties: { type: 'string', maxLength: 43 } },
                } as Record<string, Record<string, unknown>>,
              } as Record<string, unknown>,
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'name'],
                  properties: {
                    id: { type: 'string' as string | string[] },
                    name: { type: 'string' },
                    status: { type: 'string', enum: ['creating', 'ready'] },
                  } as Record<string, Record<string, unknown>>,
                } as Record<string, unknown>,
              },
            },
          },
          '400': {
            description: 'Bad request',
            content: { 'application/json': { schema: { type: 'object', properties: { code: { type: 'string' } } } } },
          },
        } as Record<string, unknown>,
      } as Record<string, unknown> & { parameters: Record<string, unknown>[] },
    } as Record<string, unknown>,
  } as Record<string, Record<string, unknown>>,
});

type Doc = ReturnType<typeof fixture>;
const PATH = '/v1/{project_id}/things';
const op = (d: Doc) => d.paths[PATH]!['post'] as Record<string, unknown> & { parameters: Record<string, unknown>[] };
const body = (d: Doc) =>
  (
    op(d)['requestBody'] as {
      content: Record<
        string,
        { schema: Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required: string[] } }
      >;
    }
  ).content['application/json']!.schema;
const created = (d: Doc) =>
  (
    op(d)['responses'] as Record<
      string,
      {
        content: Record<
          string,
          { schema: Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required: string[] } }
        >;
      }
    >
  )['201']!.content['application/json']!.schema;

const OP = `$.paths['${PATH}'].post`;
const REQ = `${OP}.requestBody.content['application/json'].schema`;
const RES = `${OP}.responses['201'].content['application/json'].schema`;

interface Side {
  /** Applied to the old document, where a rule needs a particular starting point. */
  before?: (d: Doc) => void;
  /** Applied to a fresh copy of the fixture, which becomes the new document. */
  after: (d: Doc) => void;
  rule: string;
  path: string;
}

const rules: { rule: string; breaking: Side; compatible: Side }[] = [
  {
    rule: 'an operation removed / added',
    breaking: { after: (d) => void delete d.paths[PATH]!['post'], rule: 'operation.removed', path: OP },
    compatible: {
      after: (d) => void (d.paths[PATH]!['get'] = { responses: { '200': { description: 'ok' } } }),
      rule: 'operation.added',
      path: `$.paths['${PATH}'].get`,
    },
  },
  {
    rule: 'a path removed / added',
    breaking: { after: (d) => void delete d.paths[PATH], rule: 'operation.removed', path: OP },
    compatible: {
      after: (d) => void (d.paths['/v1/other'] = { get: { responses: { '200': { description: 'ok' } } } }),
      rule: 'operation.added',
      path: `$.paths['/v1/other'].get`,
    },
  },
  {
    rule: 'a success status removed / a new status',
    breaking: {
      after: (d) =>
        void (
          ((op(d)['responses'] as Record<string, unknown>)['202'] = (op(d)['responses'] as Record<string, unknown>)['201']),
          delete (op(d)['responses'] as Record<string, unknown>)['201']
        ),
      rule: 'response.success-status.removed',
      path: `${OP}.responses['201']`,
    },
    compatible: {
      after: (d) => void ((op(d)['responses'] as Record<string, unknown>)['409'] = { description: 'Conflict' }),
      rule: 'response.status.added',
      path: `${OP}.responses['409']`,
    },
  },
  {
    rule: 'a new request field, required / optional',
    breaking: {
      after: (d) => void ((body(d).properties['owner'] = { type: 'string', maxLength: 10 }), body(d).required.push('owner')),
      rule: 'request.property.required-added',
      path: `${REQ}.properties.owner`,
    },
    compatible: {
      after: (d) => void (body(d).properties['owner'] = { type: 'string', maxLength: 10 }),
      rule: 'request.property.added',
      path: `${REQ}.properties.owner`,
    },
  },
  {
    rule: 'an existing request field made required / optional',
    breaking: { after: (d) => void body(d).required.push('note'), rule: 'request.property.made-required', path: `${REQ}.properties.note` },
    compatible: { after: (d) => void (body(d).required = []), rule: 'request.property.made-optional', path: `${REQ}.properties.name` },
  },
  {
    rule: 'a new parameter, required / optional',
    breaking: {
      after: (d) => void op(d).parameters.push({ name: 'dry_run', in: 'query', required: true, schema: { type: 'boolean' } }),
      rule: 'request.parameter.required-added',
      path: `${OP}.parameters['query:dry_run']`,
    },
    compatible: {
      after: (d) => void op(d).parameters.push({ name: 'dry_run', in: 'query', schema: { type: 'boolean' } }),
      rule: 'request.parameter.added',
      path: `${OP}.parameters['query:dry_run']`,
    },
  },
  {
    rule: 'a parameter made required',
    breaking: {
      after: (d) => void (op(d).parameters[1]!['required'] = true),
      rule: 'request.parameter.made-required',
      path: `${OP}.parameters['header:X-Trace']`,
    },
    compatible: {
      after: (d) => void (op(d).parameters[1]!['schema'] = { type: 'string', maxLength: 128 }),
      rule: 'request.maxLength.raised',
      path: `${OP}.parameters['header:X-Trace'].schema.maxLength`,
    },
  },
  {
    rule: 'maxLength lowered / raised',
    breaking: {
      after: (d) => void (body(d).properties['name']!['maxLength'] = 32),
      rule: 'request.maxLength.lowered',
      path: `${REQ}.properties.name.maxLength`,
    },
    compatible: {
      after: (d) => void (body(d).properties['name']!['maxLength'] = 128),
      rule: 'request.maxLength.raised',
      path: `${REQ}.properties.name.maxLength`,
    },
  },
  {
    rule: 'maxLength added / removed',
    breaking: {
      after: (d) => void (body(d).properties['mode']!['maxLength'] = 4),
      rule: 'request.maxLength.added',
      path: `${REQ}.properties.mode.maxLength`,
    },
    compatible: {
      after: (d) => void delete body(d).properties['note']!['maxLength'],
      rule: 'request.maxLength.removed',
      path: `${REQ}.properties.note.maxLength`,
    },
  },
  {
    rule: 'minLength raised / lowered',
    breaking: {
      after: (d) => void (body(d).properties['name']!['minLength'] = 5),
      rule: 'request.minLength.raised',
      path: `${REQ}.properties.name.minLength`,
    },
    compatible: {
      after: (d) => void (body(d).properties['name']!['minLength'] = 3),
      rule: 'request.minLength.lowered',
      path: `${REQ}.properties.name.minLength`,
    },
  },
  {
    rule: 'maximum lowered / raised',
    breaking: {
      after: (d) => void (body(d).properties['size']!['maximum'] = 50),
      rule: 'request.maximum.lowered',
      path: `${REQ}.properties.size.maximum`,
    },
    compatible: {
      after: (d) => void (body(d).properties['size']!['maximum'] = 500),
      rule: 'request.maximum.raised',
      path: `${REQ}.properties.size.maximum`,
    },
  },
  {
    rule: 'pattern changed (not provably wider) / widened',
    breaking: {
      after: (d) => void (body(d).properties['note']!['pattern'] = '^[^<>&]*$'),
      rule: 'request.pattern.changed',
      path: `${REQ}.properties.note.pattern`,
    },
    compatible: {
      after: (d) => void (body(d).properties['note']!['pattern'] = '^[^<]*$'),
      rule: 'request.pattern.widened',
      path: `${REQ}.properties.note.pattern`,
    },
  },
  {
    rule: 'pattern added / removed',
    breaking: {
      after: (d) => void (body(d).properties['mode']!['pattern'] = '^[a-z]+$'),
      rule: 'request.pattern.added',
      path: `${REQ}.properties.mode.pattern`,
    },
    compatible: {
      after: (d) => void delete body(d).properties['note']!['pattern'],
      rule: 'request.pattern.removed',
      path: `${REQ}.properties.note.pattern`,
    },
  },
  {
    rule: 'enum value removed / added',
    breaking: {
      after: (d) => void (body(d).properties['mode']!['enum'] = ['full']),
      rule: 'request.enum.value-removed',
      path: `${REQ}.properties.mode.enum`,
    },
    compatible: {
      after: (d) => void (body(d).properties['mode']!['enum'] = ['full', 'incremental', 'differential']),
      rule: 'request.enum.value-added',
      path: `${REQ}.properties.mode.enum`,
    },
  },
  {
    rule: 'request type changed / widened',
    breaking: {
      after: (d) => void (body(d).properties['size']!['type'] = 'string'),
      rule: 'request.type.changed',
      path: `${REQ}.properties.size.type`,
    },
    compatible: {
      after: (d) => void (body(d).properties['size']!['type'] = ['integer', 'null']),
      rule: 'request.type.widened',
      path: `${REQ}.properties.size.type`,
    },
  },
  {
    rule: 'additionalProperties closed / opened',
    breaking: {
      after: (d) => void (body(d)['additionalProperties'] = false),
      rule: 'request.additionalProperties.closed',
      path: `${REQ}.additionalProperties`,
    },
    compatible: {
      before: (d) => void (body(d)['additionalProperties'] = false),
      after: () => undefined,
      rule: 'request.additionalProperties.opened',
      path: `${REQ}.additionalProperties`,
    },
  },
  {
    rule: 'request field removed from a closed / an open object',
    breaking: {
      before: (d) => void (body(d)['additionalProperties'] = false),
      after: (d) => void ((body(d)['additionalProperties'] = false), delete body(d).properties['note']),
      rule: 'request.property.removed',
      path: `${REQ}.properties.note`,
    },
    compatible: { after: (d) => void delete body(d).properties['note'], rule: 'request.property.removed', path: `${REQ}.properties.note` },
  },
  {
    rule: 'response property removed / added',
    breaking: {
      after: (d) => void delete created(d).properties['status'],
      rule: 'response.property.removed',
      path: `${RES}.properties.status`,
    },
    compatible: {
      after: (d) => void (created(d).properties['size'] = { type: 'integer' }),
      rule: 'response.property.added',
      path: `${RES}.properties.size`,
    },
  },
  {
    rule: 'response property made optional / required',
    breaking: {
      after: (d) => void (created(d).required = ['id']),
      rule: 'response.property.made-optional',
      path: `${RES}.properties.name`,
    },
    compatible: {
      after: (d) => void created(d).required.push('status'),
      rule: 'response.property.made-required',
      path: `${RES}.properties.status`,
    },
  },
  {
    rule: 'response property retyped / narrowed',
    breaking: {
      after: (d) => void (created(d).properties['name']!['type'] = 'integer'),
      rule: 'response.type.changed',
      path: `${RES}.properties.name.type`,
    },
    compatible: {
      before: (d) => void (created(d).properties['id']!['type'] = ['string', 'null']),
      after: () => undefined,
      rule: 'response.type.narrowed',
      path: `${RES}.properties.id.type`,
    },
  },
  {
    rule: 'a security requirement added / an alternative added',
    breaking: {
      after: (d) => void (d.security = [{ token: [], signature: [] }]),
      rule: 'security.requirement-added',
      path: `${OP}.security`,
    },
    compatible: {
      after: (d) => void (d.security = [{ token: [] }, { signature: [] }]),
      rule: 'security.alternative-added',
      path: `${OP}.security`,
    },
  },
  {
    rule: 'security on an anonymous operation / text changes',
    breaking: { before: (d) => void (d.security = []), after: () => undefined, rule: 'security.added', path: `${OP}.security` },
    compatible: {
      after: (d) => void (op(d)['description'] = 'Creates a thing, now better explained.'),
      rule: 'text.changed',
      path: `${OP}.description`,
    },
  },
];

/** The fixture with `before` applied, against the fixture with `after` applied. */
function judge({ before = () => undefined, after }: Side) {
  const old = fixture();
  before(old);
  const now = fixture();
  after(now);
  return diffSpecs(old, now);
}

describe('breaking-change rules', () => {
  for (const { rule, breaking, compatible } of rules) {
    it(`judge ${rule}`, () => {
      const broke = judge(breaking);
      expect(broke).toContainEqual(expect.objectContaining({ verdict: 'breaking', rule: breaking.rule, path: breaking.path }));

      const kept = judge(compatible);
      expect(kept).toContainEqual(expect.objectContaining({ verdict: 'compatible', rule: compatible.rule, path: compatible.path }));
      expect(kept.filter((change) => change.verdict === 'breaking')).toEqual([]);
    });
  }

  it('find no change between a document and its copy', () => {
    expect(diffSpecs(fixture(), fixture())).toEqual([]);
  });

  it.each([
    ['^[^<>]*$', '^[^<]*$', true],
    ['^[^<]*$', '^[^<>]*$', false],
    ['^[a-z]*$', '^[a-z0-9]*$', true],
    ['^[a-z0-9]*$', '^[a-z]*$', false],
    ['^[^!<>=&"\']*$', '^[^<>]*$', true],
    ['^[a-z]{3,63}$', '^[a-z]{3,64}$', false],
    ['^[\\u0020-\\u007E]*$', '^[\\u0020-\\u00FF]*$', true],
  ])('prove %s -> %s wider: %s', (before, after, wider) => {
    expect(patternIsWider(before, after)).toBe(wider);
  });
});

describe('the real cases', () => {
  it('judge the DWS document of the older revision (no limit on description) against the newer one breaking for requests', async () => {
    const newer = (await loadSpecs()).find((spec) => spec.name === 'dws')!.document;
    const older = structuredClone(newer);
    const operation = (older['paths'] as Record<string, Record<string, Record<string, unknown>>>)['/v1.0/{project_id}/snapshots']!['post']!;
    const request = (operation['requestBody'] as { content: Record<string, { schema: Record<string, unknown> }> }).content[
      'application/json'
    ]!.schema;
    const description = (
      (request['properties'] as Record<string, Record<string, unknown>>)['snapshot']!['properties'] as Record<
        string,
        Record<string, unknown>
      >
    )['description']!;
    delete description['maxLength'];
    delete description['pattern'];
    const changes = diffSpecs(older, newer);
    const at =
      "$.paths['/v1.0/{project_id}/snapshots'].post.requestBody.content['application/json'].schema.properties.snapshot.properties.description";
    expect(changes.filter((change) => change.verdict === 'breaking').map(({ rule, path }) => ({ rule, path }))).toEqual([
      { rule: 'request.maxLength.added', path: `${at}.maxLength` },
      { rule: 'request.pattern.added', path: `${at}.pattern` },
    ]);
  });

  it('find no change when a spec is rewritten as one bundled, dereferenced file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-apis-rewrite-'));
    try {
      for (const { name, document } of await loadSpecs()) {
        const file = join(dir, `${name}.json`);
        writeFileSync(file, JSON.stringify(document));
        expect(diffSpecs(document, await bundleSpec(file, { dereference: true })), name).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
