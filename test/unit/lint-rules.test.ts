// The project's own Spectral rules (lint/ruleset.yaml): a known-good document
// gives no finding, and each mutation gives exactly the one expected finding.
import { Document, Spectral } from '@stoplight/spectral-core';
import { Json as JsonParser } from '@stoplight/spectral-parsers';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import * as fs from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/apis.ts';

const good = {
  openapi: '3.1.0',
  info: { title: 'Known-good document', version: '1' },
  paths: {
    '/v1/{project_id}/things': {
      parameters: [{ name: 'project_id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } }],
      post: {
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  name: { type: 'string', maxLength: 64, pattern: '^[a-z][a-z0-9_-]{3,63}$' },
                  note: { type: ['string', 'null'], maxLength: 85 },
                  mode: { type: 'string', enum: ['full', 'incremental'] },
                  flag: { oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['true', 'false'] }] },
                  tags: { type: 'object', propertyNames: { maxLength: 36 }, additionalProperties: { type: 'string', maxLength: 43 } },
                },
                'x-doc-deviation': [
                  {
                    document: 'Says nothing about tags.',
                    service: 'Accepts tags.',
                    releases: 'Service 2.0 and later',
                    evidence: ['owner/repo:path/to/file.go@v2.0.0', 'https://example.org/doc'],
                    directness: 'indirect',
                    caveat: 'The file validates the tags of another call.',
                  },
                ],
              },
              examples: { one: { value: { name: 'abcd' } } },
            },
          },
        },
        responses: {
          '201': { description: 'Created', content: { 'application/json': { schema: { type: 'object' }, example: {} } } },
          '204': { description: 'No body, so no example needed' },
        },
      },
    },
  },
};

type Mutation = (document: typeof good) => void;
const post = (document: typeof good) => document.paths['/v1/{project_id}/things'].post;
const body = (document: typeof good) => post(document).requestBody.content['application/json'].schema;
const deviation = (document: typeof good) => body(document)['x-doc-deviation'][0] as Record<string, unknown>;

interface Case {
  name: string;
  mutate: Mutation;
  code: string;
  path: string;
}

const cases: Case[] = [
  {
    name: 'a body string without maxLength, pattern or enum',
    mutate: (d) => void (body(d).properties.note = { type: ['string', 'null'] } as never),
    code: 'request-string-constrained',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.properties.note',
  },
  {
    name: 'a path parameter string without a constraint',
    mutate: (d) => void (d.paths['/v1/{project_id}/things'].parameters[0]!.schema = { type: 'string' } as never),
    code: 'request-string-constrained',
    path: 'paths./v1/{project_id}/things.parameters.0.schema',
  },
  {
    name: 'an unconstrained string inside oneOf',
    mutate: (d) => void (body(d).properties.flag.oneOf[1] = { type: 'string' } as never),
    code: 'request-string-constrained',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.properties.flag.oneOf.1',
  },
  {
    name: 'unconstrained map values',
    mutate: (d) => void (body(d).properties.tags.additionalProperties = { type: 'string' } as never),
    code: 'request-string-constrained',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.properties.tags.additionalProperties',
  },
  {
    name: 'a response body without an example',
    mutate: (d) => void delete (post(d).responses['201'].content['application/json'] as { example?: unknown }).example,
    code: 'response-has-example',
    path: 'paths./v1/{project_id}/things.post.responses.201.content.application/json',
  },
  {
    name: 'a deviation without evidence',
    mutate: (d) => void (deviation(d)['evidence'] = []),
    code: 'deviation-has-evidence',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.x-doc-deviation.0.evidence',
  },
  {
    name: 'evidence that is neither repo:path nor a URL',
    mutate: (d) => void (deviation(d)['evidence'] = ['see the vendor docs']),
    code: 'deviation-has-evidence',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.x-doc-deviation.0.evidence.0',
  },
  {
    name: 'a deviation that does not say what the service does',
    mutate: (d) => void delete deviation(d)['service'],
    code: 'deviation-has-evidence',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.x-doc-deviation.0',
  },
  {
    name: 'a deviation that is not a list',
    mutate: (d) => void ((body(d) as Record<string, unknown>)['x-doc-deviation'] = { document: 'a', service: 'b', evidence: ['o/r:p'] }),
    code: 'deviation-has-evidence',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.x-doc-deviation',
  },
  {
    name: 'a deviation that does not say how direct its evidence is',
    mutate: (d) => void delete deviation(d)['directness'],
    code: 'deviation-has-evidence',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.x-doc-deviation.0',
  },
  {
    name: 'indirect evidence without a caveat',
    mutate: (d) => void delete deviation(d)['caveat'],
    code: 'deviation-has-evidence',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.x-doc-deviation.0',
  },
  {
    name: 'a deviation field that is not documented',
    mutate: (d) => void (deviation(d)['since'] = 'Queens'),
    code: 'deviation-has-evidence',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.x-doc-deviation.0.since',
  },
  {
    name: 'an unanchored pattern',
    mutate: (d) => void (body(d).properties.name.pattern = '[a-z]+'),
    code: 'pattern-anchored-and-portable',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.properties.name.pattern',
  },
  {
    name: 'a pattern with a Unicode property escape',
    mutate: (d) => void (body(d).properties.name.pattern = '^\\p{L}+$'),
    code: 'pattern-anchored-and-portable',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.properties.name.pattern',
  },
  {
    name: 'a pattern that counts characters of a negated class',
    mutate: (d) => void (body(d).properties.name.pattern = '^[^<>]{1,64}$'),
    code: 'pattern-anchored-and-portable',
    path: 'paths./v1/{project_id}/things.post.requestBody.content.application/json.schema.properties.name.pattern',
  },
];

let spectral: Spectral;

async function findings(document: object): Promise<{ code: string; path: string }[]> {
  const results = await spectral.run(new Document(JSON.stringify(document), JsonParser));
  return results.map((result) => ({ code: String(result.code), path: result.path.join('.') }));
}

beforeAll(async () => {
  spectral = new Spectral();
  spectral.setRuleset(await bundleAndLoadRuleset(resolve(repoRoot, 'lint/ruleset.yaml'), { fs, fetch }));
});

describe('project lint rules', () => {
  it('find nothing in the known-good document', async () => {
    expect(await findings(good)).toEqual([]);
  });

  it.each(cases)('flag $name', async ({ mutate, code, path }) => {
    const document = structuredClone(good);
    mutate(document);
    expect(await findings(document)).toEqual([{ code, path }]);
  });
});
