// Every rule of the breaking-change differ, on a small document: one change
// that the rule must report, alone, at its JSON path, with the rule's verdict.
// Then the changes that are no change at all: reorderings.
import { describe, expect, it } from 'vitest';
import { diffSpecs, patternIsWider, RULES, ruleOf, type RuleId } from '../../../scripts/lib/breaking.ts';
import { list, reverse } from '../../support/breaking-corpus.ts';
import { objectAt, requestBodySchema, type Json, type JsonObject } from '../../support/specs.ts';

const PATH = '/v1/{project_id}/things';

const fixture = (): JsonObject => ({
  openapi: '3.1.0',
  info: { title: 'Fixture', version: '1.0.0' },
  servers: [{ url: 'https://a.example' }, { url: 'https://b.example' }],
  security: [{ token: [] }, { signature: [], date: [] }],
  paths: {
    [PATH]: {
      post: {
        operationId: 'createThing',
        tags: ['Things', 'Snapshots'],
        summary: 'Create a thing',
        description: 'Creates a thing.',
        parameters: [
          { name: 'project_id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
          { name: 'X-Trace', in: 'header', required: false, schema: { type: 'string', maxLength: 64 } },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name', 'mode'],
                properties: {
                  name: { type: 'string', minLength: 4, maxLength: 64, pattern: '^[a-z][a-z0-9_-]{3,63}$' },
                  note: { type: 'string', maxLength: 256, pattern: '^[^<>]*$', default: '' },
                  mode: { type: 'string', enum: ['full', 'incremental'] },
                  size: { type: 'integer', minimum: 1, maximum: 100 },
                  owner: { type: 'string', format: 'uuid' },
                  labels: { type: 'array', minItems: 1, maxItems: 5, items: { type: 'string' } },
                  force: { oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['yes', 'no'] }] },
                  tags: { type: 'object', additionalProperties: { type: 'string', maxLength: 43 } },
                },
              },
              examples: { small: { value: { name: 'abcd', mode: 'full' } }, large: { value: { name: 'abcdef', mode: 'full', size: 100 } } },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            headers: {
              'X-Request-Id': { required: true, schema: { type: 'string' } },
              'X-Trace': { schema: { type: 'string' } },
            },
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'name'],
                  properties: {
                    id: { type: 'string', format: 'uuid' },
                    name: { type: 'string', minLength: 1, maxLength: 64 },
                    status: { type: 'string', enum: ['creating', 'ready'] },
                    size: { type: 'integer', minimum: 0, maximum: 100 },
                    labels: { type: 'array', minItems: 1, maxItems: 5, items: { type: 'string' } },
                    kind: { oneOf: [{ type: 'boolean' }, { type: 'string' }] },
                    meta: { type: 'object', additionalProperties: { type: 'string' } },
                  },
                },
              },
            },
          },
          '400': {
            description: 'Bad request',
            content: { 'application/json': { schema: { type: 'object', properties: { code: { type: 'string' } } } } },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      token: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' },
      signature: { type: 'apiKey', in: 'header', name: 'Authorization' },
      date: { type: 'apiKey', in: 'header', name: 'X-Sdk-Date' },
    },
  },
});

const item = (d: JsonObject) => objectAt(d, 'paths', PATH);
const op = (d: JsonObject) => objectAt(item(d), 'post');
const body = (d: JsonObject) => requestBodySchema(op(d));
const field = (d: JsonObject, name: string) => objectAt(body(d), 'properties', name);
const responses = (d: JsonObject) => objectAt(op(d), 'responses');
const created = (d: JsonObject) => objectAt(responses(d), '201', 'content', 'application/json', 'schema');
const sent = (d: JsonObject, name: string) => objectAt(created(d), 'properties', name);
const headers = (d: JsonObject) => objectAt(responses(d), '201', 'headers');
const param = (d: JsonObject, name: string) => (op(d)['parameters'] as JsonObject[]).find((parameter) => parameter['name'] === name)!;
const swap = (node: JsonObject, from: string, to: string) => {
  node[to] = node[from]!;
  delete node[from];
};

const OP = `$.paths['${PATH}'].post`;
const REQ = `${OP}.requestBody.content['application/json'].schema`;
const RES = `${OP}.responses['201'].content['application/json'].schema`;

interface Case {
  /** What the change does, as the test's name says it. */
  does: string;
  rule: string;
  path: string;
  /** Applied to both documents: the starting point the change needs. */
  base?: (d: JsonObject) => void;
  /** Applied to the new document only. */
  change: (d: JsonObject) => void;
  /** Further rules the change must also report, at the same path. */
  also?: string[];
}

const cases: Case[] = [
  // Operations and the document
  {
    does: 'removing an operation whose path stays',
    rule: 'api-removed-without-deprecation',
    path: OP,
    base: (d) => void (item(d)['get'] = { responses: { '200': { description: 'ok' } } }),
    change: (d) => void delete item(d)['post'],
  },
  {
    does: 'removing a deprecated operation',
    rule: 'api-removed-with-deprecation',
    path: OP,
    base: (d) => void ((item(d)['get'] = { responses: { '200': { description: 'ok' } } }), (op(d)['deprecated'] = true)),
    change: (d) => void delete item(d)['post'],
  },
  {
    does: 'removing a path',
    rule: 'api-path-removed-without-deprecation',
    path: OP,
    change: (d) => void delete objectAt(d, 'paths')[PATH],
  },
  {
    does: 'removing the path of a deprecated operation',
    rule: 'api-path-removed-with-deprecation',
    path: OP,
    base: (d) => void (op(d)['deprecated'] = true),
    change: (d) => void delete objectAt(d, 'paths')[PATH],
  },
  {
    does: 'adding an operation',
    rule: 'endpoint-added',
    path: `$.paths['${PATH}'].get`,
    change: (d) => void (item(d)['get'] = { responses: { '200': { description: 'ok' } } }),
  },
  {
    does: 'deprecating an operation',
    rule: 'endpoint-deprecated',
    path: `${OP}.deprecated`,
    change: (d) => void (op(d)['deprecated'] = true),
  },
  {
    does: 'undeprecating an operation',
    rule: 'endpoint-reactivated',
    path: `${OP}.deprecated`,
    base: (d) => void (op(d)['deprecated'] = true),
    change: (d) => void delete op(d)['deprecated'],
  },
  {
    does: 'giving an operation an operationId',
    rule: 'api-operation-id-added',
    path: `${OP}.operationId`,
    base: (d) => void delete op(d)['operationId'],
    change: (d) => void (op(d)['operationId'] = 'createThing'),
  },
  {
    does: 'removing an operationId',
    rule: 'api-operation-id-removed',
    path: `${OP}.operationId`,
    change: (d) => void delete op(d)['operationId'],
  },
  {
    does: 'renaming an operationId',
    rule: 'api-operation-id-changed',
    path: `${OP}.operationId`,
    change: (d) => void (op(d)['operationId'] = 'makeThing'),
  },
  { does: 'tagging an operation', rule: 'api-tag-added', path: `${OP}.tags`, change: (d) => void list(op(d), 'tags').push('Extra') },
  { does: 'untagging an operation', rule: 'api-tag-removed', path: `${OP}.tags`, change: (d) => void list(op(d), 'tags').pop() },
  {
    does: 'accepting another way to authenticate',
    rule: 'api-security-added',
    path: `${OP}.security`,
    change: (d) => void list(d, 'security').push({ other: [] }),
  },
  {
    does: 'dropping a way to authenticate',
    rule: 'api-security-removed',
    path: `${OP}.security`,
    change: (d) => void list(d, 'security').pop(),
  },
  {
    does: 'requiring credentials on an anonymous operation',
    rule: 'api-security-removed',
    path: `${OP}.security`,
    base: (d) => void (op(d)['security'] = []),
    change: (d) => void (op(d)['security'] = [{ token: [] }]),
    also: ['api-security-added'],
  },
  {
    does: 'adding a security scheme',
    rule: 'api-security-component-added',
    path: '$.components.securitySchemes.other',
    change: (d) => void (objectAt(d, 'components', 'securitySchemes')['other'] = { type: 'http', scheme: 'bearer' }),
  },
  {
    does: 'removing an unused security scheme',
    rule: 'api-security-component-removed',
    path: '$.components.securitySchemes.unused',
    base: (d) => void (objectAt(d, 'components', 'securitySchemes')['unused'] = { type: 'http', scheme: 'bearer' }),
    change: (d) => void delete objectAt(d, 'components', 'securitySchemes')['unused'],
  },
  {
    does: 'renaming the header of an API key',
    rule: 'api-security-component-changed',
    path: '$.components.securitySchemes.token',
    change: (d) => void (objectAt(d, 'components', 'securitySchemes', 'token')['name'] = 'X-Token'),
  },
  { does: 'removing a server', rule: 'api-servers-changed', path: '$.servers', change: (d) => void list(d, 'servers').pop() },
  {
    does: 'raising the version',
    rule: 'api-version-changed',
    path: '$.info.version',
    change: (d) => void (objectAt(d, 'info')['version'] = '1.1.0'),
  },
  {
    does: 'rewording a description',
    rule: 'documentation-changed',
    path: `${OP}.description`,
    change: (d) => void (op(d)['description'] = 'Creates a thing, better explained.'),
  },
  {
    does: 'changing the default of a response field',
    rule: 'documentation-changed',
    path: `${RES}.properties.status.default`,
    change: (d) => void (sent(d, 'status')['default'] = 'creating'),
  },
  {
    does: 'deprecating a request field',
    rule: 'documentation-changed',
    path: `${REQ}.properties.note.deprecated`,
    change: (d) => void (field(d, 'note')['deprecated'] = true),
  },

  // Parameters
  {
    does: 'adding a required parameter',
    rule: 'new-required-request-parameter',
    path: `${OP}.parameters['query:dry_run']`,
    change: (d) => void list(op(d), 'parameters').push({ name: 'dry_run', in: 'query', required: true, schema: { type: 'boolean' } }),
  },
  {
    does: 'adding an optional parameter',
    rule: 'new-optional-request-parameter',
    path: `${OP}.parameters['query:dry_run']`,
    change: (d) => void list(op(d), 'parameters').push({ name: 'dry_run', in: 'query', schema: { type: 'boolean' } }),
  },
  {
    does: 'removing a parameter',
    rule: 'request-parameter-removed',
    path: `${OP}.parameters['header:X-Trace']`,
    change: (d) => void list(op(d), 'parameters').pop(),
  },
  {
    does: 'making a parameter required',
    rule: 'request-parameter-became-required',
    path: `${OP}.parameters['header:X-Trace']`,
    change: (d) => void (param(d, 'X-Trace')['required'] = true),
  },
  {
    does: 'making a parameter optional',
    rule: 'request-parameter-became-optional',
    path: `${OP}.parameters['header:X-Trace']`,
    base: (d) => void (param(d, 'X-Trace')['required'] = true),
    change: (d) => void (param(d, 'X-Trace')['required'] = false),
  },
  {
    does: "lowering a parameter's maxLength",
    rule: 'request-parameter-max-length-decreased',
    path: `${OP}.parameters['header:X-Trace'].schema.maxLength`,
    change: (d) => void (objectAt(param(d, 'X-Trace'), 'schema')['maxLength'] = 32),
  },
  {
    does: "changing a parameter's serialization style",
    rule: 'request-parameter-keyword-changed',
    path: `${OP}.parameters['header:X-Trace'].style`,
    change: (d) => void (param(d, 'X-Trace')['style'] = 'form'),
  },

  // Request body
  {
    does: 'adding a required request body',
    rule: 'request-body-added-required',
    path: `${OP}.requestBody`,
    base: (d) => void delete op(d)['requestBody'],
    change: (d) => void (op(d)['requestBody'] = op(fixture())['requestBody']!),
  },
  {
    does: 'adding an optional request body',
    rule: 'request-body-added-optional',
    path: `${OP}.requestBody`,
    base: (d) => void delete op(d)['requestBody'],
    change: (d) => void (op(d)['requestBody'] = { ...objectAt(op(fixture()), 'requestBody'), required: false }),
  },
  {
    does: 'removing the request body',
    rule: 'request-body-removed',
    path: `${OP}.requestBody`,
    change: (d) => void delete op(d)['requestBody'],
  },
  {
    does: 'making the request body required',
    rule: 'request-body-became-required',
    path: `${OP}.requestBody`,
    base: (d) => void (objectAt(op(d), 'requestBody')['required'] = false),
    change: (d) => void (objectAt(op(d), 'requestBody')['required'] = true),
  },
  {
    does: 'making the request body optional',
    rule: 'request-body-became-optional',
    path: `${OP}.requestBody`,
    change: (d) => void (objectAt(op(d), 'requestBody')['required'] = false),
  },
  {
    does: 'accepting another media type',
    rule: 'request-body-media-type-added',
    path: `${OP}.requestBody.content['application/xml']`,
    change: (d) => void (objectAt(op(d), 'requestBody', 'content')['application/xml'] = { schema: { type: 'object' } }),
  },
  {
    does: 'no longer accepting a media type',
    rule: 'request-body-media-type-removed',
    path: `${OP}.requestBody.content['application/xml']`,
    base: (d) => void (objectAt(op(d), 'requestBody', 'content')['application/xml'] = { schema: { type: 'object' } }),
    change: (d) => void delete objectAt(op(d), 'requestBody', 'content')['application/xml'],
  },
  {
    does: 'closing the request body to unknown fields',
    rule: 'request-body-additional-properties-closed',
    path: `${REQ}.additionalProperties`,
    change: (d) => void (body(d)['additionalProperties'] = false),
  },

  // Request fields
  {
    does: 'adding a required request field',
    rule: 'new-required-request-property',
    path: `${REQ}.properties.extra`,
    change: (d) => void ((objectAt(body(d), 'properties')['extra'] = { type: 'string' }), list(body(d), 'required').push('extra')),
  },
  {
    does: 'adding an optional request field',
    rule: 'new-optional-request-property',
    path: `${REQ}.properties.extra`,
    change: (d) => void (objectAt(body(d), 'properties')['extra'] = { type: 'string' }),
  },
  {
    does: 'removing a request field of an open object',
    rule: 'request-property-removed',
    path: `${REQ}.properties.note`,
    change: (d) => void delete objectAt(body(d), 'properties')['note'],
  },
  {
    does: 'removing a request field of a closed object',
    rule: 'request-property-removed-from-closed-object',
    path: `${REQ}.properties.note`,
    base: (d) => void (body(d)['additionalProperties'] = false),
    change: (d) => void delete objectAt(body(d), 'properties')['note'],
  },
  {
    does: 'making a request field required',
    rule: 'request-property-became-required',
    path: `${REQ}.properties.note`,
    change: (d) => void list(body(d), 'required').push('note'),
  },
  {
    does: 'making a request field optional',
    rule: 'request-property-became-optional',
    path: `${REQ}.properties.mode`,
    change: (d) => void list(body(d), 'required').pop(),
  },

  // Request constraints
  ...bounds('request', (d, name) => field(d, name), REQ),
  {
    does: 'adding a pattern to a request field',
    rule: 'request-property-pattern-added',
    path: `${REQ}.properties.mode.pattern`,
    change: (d) => void (field(d, 'mode')['pattern'] = '^[a-z]+$'),
  },
  {
    does: 'changing a request pattern to one not provably wider',
    rule: 'request-property-pattern-changed',
    path: `${REQ}.properties.note.pattern`,
    change: (d) => void (field(d, 'note')['pattern'] = '^[^<>&]*$'),
  },
  {
    does: 'widening a request pattern',
    rule: 'request-property-pattern-generalized',
    path: `${REQ}.properties.note.pattern`,
    change: (d) => void (field(d, 'note')['pattern'] = '^[^<]*$'),
  },
  {
    does: 'removing a request pattern',
    rule: 'request-property-pattern-removed',
    path: `${REQ}.properties.note.pattern`,
    change: (d) => void delete field(d, 'note')['pattern'],
  },
  ...enums('request', (d, name) => field(d, name), REQ),
  ...types('request', (d, name) => field(d, name), REQ),
  {
    does: 'changing the format of a request field',
    rule: 'request-property-type-changed',
    path: `${REQ}.properties.owner.format`,
    change: (d) => void (field(d, 'owner')['format'] = 'uri'),
  },
  {
    does: 'removing the format of a request field',
    rule: 'request-property-format-removed',
    path: `${REQ}.properties.owner.format`,
    change: (d) => void delete field(d, 'owner')['format'],
  },
  ...constants('request', (d, name) => field(d, name), REQ),
  {
    does: 'giving a request field a default',
    rule: 'request-property-default-value-added',
    path: `${REQ}.properties.mode.default`,
    change: (d) => void (field(d, 'mode')['default'] = 'full'),
  },
  {
    does: 'changing the default of a request field',
    rule: 'request-property-default-value-changed',
    path: `${REQ}.properties.note.default`,
    change: (d) => void (field(d, 'note')['default'] = '-'),
  },
  {
    does: 'removing the default of a request field',
    rule: 'request-property-default-value-removed',
    path: `${REQ}.properties.note.default`,
    change: (d) => void delete field(d, 'note')['default'],
  },
  {
    does: 'closing a request map to unknown keys',
    rule: 'request-property-additional-properties-closed',
    path: `${REQ}.properties.tags.additionalProperties`,
    change: (d) => void (field(d, 'tags')['additionalProperties'] = false),
  },
  {
    does: 'opening a closed request object',
    rule: 'request-property-additional-properties-opened',
    path: `${REQ}.properties.tags.additionalProperties`,
    base: (d) => void (field(d, 'tags')['additionalProperties'] = false),
    change: (d) => void delete field(d, 'tags')['additionalProperties'],
  },
  {
    does: "lowering the maxLength of a request map's values",
    rule: 'request-property-max-length-decreased',
    path: `${REQ}.properties.tags.additionalProperties.maxLength`,
    change: (d) => void (objectAt(field(d, 'tags'), 'additionalProperties')['maxLength'] = 40),
  },
  {
    does: 'restricting the items of a request list to an enum',
    rule: 'request-property-became-enum',
    path: `${REQ}.properties.labels.items.enum`,
    change: (d) => void (objectAt(field(d, 'labels'), 'items')['enum'] = ['a', 'b']),
  },
  ...variants('request', (d, name) => field(d, name), REQ, 'force'),
  {
    does: 'adding a request keyword no rule judges',
    rule: 'request-property-keyword-changed',
    path: `${REQ}.properties.size.multipleOf`,
    change: (d) => void (field(d, 'size')['multipleOf'] = 2),
  },

  // Responses
  {
    does: 'adding a success status',
    rule: 'response-success-status-added',
    path: `${OP}.responses['200']`,
    change: (d) => void (responses(d)['200'] = { description: 'Already there' }),
  },
  {
    does: 'removing the success status',
    rule: 'response-success-status-removed',
    path: `${OP}.responses['201']`,
    change: (d) => void delete responses(d)['201'],
  },
  {
    does: 'adding an error status',
    rule: 'response-non-success-status-added',
    path: `${OP}.responses['409']`,
    change: (d) => void (responses(d)['409'] = { description: 'Conflict' }),
  },
  {
    does: 'removing an error status',
    rule: 'response-non-success-status-removed',
    path: `${OP}.responses['400']`,
    change: (d) => void delete responses(d)['400'],
  },
  {
    does: 'sending another media type',
    rule: 'response-media-type-added',
    path: `${OP}.responses['201'].content['application/xml']`,
    change: (d) => void (objectAt(responses(d), '201', 'content')['application/xml'] = { schema: { type: 'object' } }),
  },
  {
    does: 'removing the body of an error status',
    rule: 'response-media-type-removed',
    path: `${OP}.responses['400'].content['application/json']`,
    change: (d) => void delete objectAt(responses(d), '400', 'content')['application/json'],
  },
  {
    does: 'sending another header',
    rule: 'response-header-added',
    path: `${OP}.responses['201'].headers['X-Other']`,
    change: (d) => void (headers(d)['X-Other'] = { schema: { type: 'string' } }),
  },
  {
    does: 'removing a required response header',
    rule: 'required-response-header-removed',
    path: `${OP}.responses['201'].headers['X-Request-Id']`,
    change: (d) => void delete headers(d)['X-Request-Id'],
  },
  {
    does: 'removing an optional response header',
    rule: 'optional-response-header-removed',
    path: `${OP}.responses['201'].headers['X-Trace']`,
    change: (d) => void delete headers(d)['X-Trace'],
  },
  {
    does: 'making a response header optional',
    rule: 'response-header-became-optional',
    path: `${OP}.responses['201'].headers['X-Request-Id']`,
    change: (d) => void delete objectAt(headers(d), 'X-Request-Id')['required'],
  },
  {
    does: 'making a response header required',
    rule: 'response-header-became-required',
    path: `${OP}.responses['201'].headers['X-Trace']`,
    change: (d) => void (objectAt(headers(d), 'X-Trace')['required'] = true),
  },
  {
    does: 'retyping a response header',
    rule: 'response-header-schema-changed',
    path: `${OP}.responses['201'].headers['X-Request-Id'].schema`,
    change: (d) => void (objectAt(headers(d), 'X-Request-Id', 'schema')['type'] = 'integer'),
  },
  {
    does: 'retyping the response body',
    rule: 'response-body-type-changed',
    path: `${RES}.type`,
    change: (d) => void (created(d)['type'] = 'array'),
  },

  // Response fields
  {
    does: 'adding a response field that is always sent',
    rule: 'response-required-property-added',
    path: `${RES}.properties.extra`,
    change: (d) => void ((objectAt(created(d), 'properties')['extra'] = { type: 'string' }), list(created(d), 'required').push('extra')),
  },
  {
    does: 'adding an optional response field',
    rule: 'response-optional-property-added',
    path: `${RES}.properties.extra`,
    change: (d) => void (objectAt(created(d), 'properties')['extra'] = { type: 'string' }),
  },
  {
    does: 'removing a required response field',
    rule: 'response-required-property-removed',
    path: `${RES}.properties.name`,
    change: (d) => void ((created(d)['required'] = ['id']), delete objectAt(created(d), 'properties')['name']),
  },
  {
    does: 'removing an optional response field',
    rule: 'response-optional-property-removed',
    path: `${RES}.properties.status`,
    change: (d) => void delete objectAt(created(d), 'properties')['status'],
  },
  {
    does: 'making a response field optional',
    rule: 'response-property-became-optional',
    path: `${RES}.properties.name`,
    change: (d) => void list(created(d), 'required').pop(),
  },
  {
    does: 'making a response field always sent',
    rule: 'response-property-became-required',
    path: `${RES}.properties.status`,
    change: (d) => void list(created(d), 'required').push('status'),
  },

  // Response constraints
  ...bounds('response', (d, name) => sent(d, name), RES),
  {
    does: 'adding a pattern to a response field',
    rule: 'response-property-pattern-added',
    path: `${RES}.properties.name.pattern`,
    change: (d) => void (sent(d, 'name')['pattern'] = '^[a-z]+$'),
  },
  {
    does: 'changing a response pattern',
    rule: 'response-property-pattern-changed',
    path: `${RES}.properties.name.pattern`,
    base: (d) => void (sent(d, 'name')['pattern'] = '^[a-z]+$'),
    change: (d) => void (sent(d, 'name')['pattern'] = '^[a-z0-9]+$'),
  },
  {
    does: 'removing a response pattern',
    rule: 'response-property-pattern-removed',
    path: `${RES}.properties.name.pattern`,
    base: (d) => void (sent(d, 'name')['pattern'] = '^[a-z]+$'),
    change: (d) => void delete sent(d, 'name')['pattern'],
  },
  ...enums('response', (d, name) => sent(d, name), RES),
  ...types('response', (d, name) => sent(d, name), RES),
  {
    does: 'changing the format of a response field',
    rule: 'response-property-type-changed',
    path: `${RES}.properties.id.format`,
    change: (d) => void delete sent(d, 'id')['format'],
  },
  {
    does: 'giving a response field a format',
    rule: 'response-property-format-added',
    path: `${RES}.properties.name.format`,
    change: (d) => void (sent(d, 'name')['format'] = 'hostname'),
  },
  ...constants('response', (d, name) => sent(d, name), RES),
  {
    does: 'closing a response map',
    rule: 'response-property-additional-properties-closed',
    path: `${RES}.properties.meta.additionalProperties`,
    change: (d) => void (sent(d, 'meta')['additionalProperties'] = false),
  },
  {
    does: 'opening a closed response object',
    rule: 'response-property-additional-properties-opened',
    path: `${RES}.properties.meta.additionalProperties`,
    base: (d) => void (sent(d, 'meta')['additionalProperties'] = false),
    change: (d) => void delete sent(d, 'meta')['additionalProperties'],
  },
  ...variants('response', (d, name) => sent(d, name), RES, 'kind'),
  {
    does: 'adding a response keyword no rule judges',
    rule: 'response-property-keyword-changed',
    path: `${RES}.properties.size.multipleOf`,
    change: (d) => void (sent(d, 'size')['multipleOf'] = 2),
  },
];

type Field = (d: JsonObject, name: string) => JsonObject;

/** The bound rules: each keyword raised, lowered, added and removed on `size` (numbers), `name` (strings) and `labels` (lists). */
function bounds(side: 'request' | 'response', at: Field, schema: string): Case[] {
  const rows: [keyword: string, name: string, on: string, lower: number, higher: number][] = [
    ['maxLength', 'max-length', 'name', 32, 128],
    ['minLength', 'min-length', 'name', 0, 5],
    ['maximum', 'max', 'size', 50, 500],
    ['minimum', 'min', 'size', -1, 2],
    ['maxItems', 'max-items', 'labels', 3, 10],
    ['minItems', 'min-items', 'labels', 0, 2],
  ];
  return rows.flatMap(([keyword, name, on, lower, higher]) => {
    const path = `${schema}.properties.${on}.${keyword}`;
    const set = (value: number) => (d: JsonObject) => void (at(d, on)[keyword] = value);
    const unset = (d: JsonObject) => void delete at(d, on)[keyword];
    const rule = (movement: string) => `${side}-property-${name}-${movement}`;
    const moves: Case[] = [
      { does: `lowering a ${side} ${keyword}`, rule: rule('decreased'), path, change: set(lower) },
      { does: `raising a ${side} ${keyword}`, rule: rule('increased'), path, change: set(higher) },
    ];
    // A missing minLength or minItems is 0: adding or removing one moves it.
    if (keyword === 'minLength' || keyword === 'minItems') return moves;
    return [
      ...moves,
      { does: `adding a ${side} ${keyword}`, rule: rule('set'), path, base: unset, change: set(higher) },
      { does: `removing a ${side} ${keyword}`, rule: rule('unset'), path, change: unset },
    ];
  });
}

/** The enum rules, on `mode` (request) or `status` (response), which have enums, and `name`, which has none. */
function enums(side: 'request' | 'response', at: Field, schema: string): Case[] {
  const on = side === 'request' ? 'mode' : 'status';
  const path = `${schema}.properties.${on}.enum`;
  return [
    {
      does: `restricting a ${side} field to an enum`,
      rule: `${side}-property-became-enum`,
      path: `${schema}.properties.name.enum`,
      change: (d) => void (at(d, 'name')['enum'] = ['abcd', 'efgh']),
    },
    {
      does: `adding a ${side} enum value`,
      rule: `${side}-property-enum-value-added`,
      path,
      change: (d) => void list(at(d, on), 'enum').push('other'),
    },
    {
      does: `removing a ${side} enum value`,
      rule: `${side}-property-enum-value-removed`,
      path,
      change: (d) => void list(at(d, on), 'enum').pop(),
    },
    { does: `lifting a ${side} enum`, rule: `${side}-property-enum-removed`, path, change: (d) => void delete at(d, on)['enum'] },
  ];
}

/** The type rules, on `size`, an integer. */
function types(side: 'request' | 'response', at: Field, schema: string): Case[] {
  const path = `${schema}.properties.size.type`;
  const retype = (type: Json) => (d: JsonObject) => void (at(d, 'size')['type'] = type);
  return [
    { does: `retyping a ${side} field`, rule: `${side}-property-type-changed`, path, change: retype('string') },
    side === 'request'
      ? { does: 'widening a request integer to a number', rule: 'request-property-type-generalized', path, change: retype('number') }
      : {
          does: 'narrowing a response type list',
          rule: 'response-property-type-specialized',
          path,
          base: retype(['integer', 'string']),
          change: retype('integer'),
        },
    { does: `making a ${side} field nullable`, rule: `${side}-property-became-nullable`, path, change: retype(['integer', 'null']) },
    {
      does: `making a nullable ${side} field not nullable`,
      rule: `${side}-property-became-not-nullable`,
      path,
      base: retype(['integer', 'null']),
      change: retype('integer'),
    },
  ];
}

/** The const rules, on `name`. */
function constants(side: 'request' | 'response', at: Field, schema: string): Case[] {
  const path = `${schema}.properties.name.const`;
  const fix = (value: string) => (d: JsonObject) => void (at(d, 'name')['const'] = value);
  return [
    { does: `fixing a ${side} field to a constant`, rule: `${side}-property-const-added`, path, change: fix('abcd') },
    { does: `changing a ${side} constant`, rule: `${side}-property-const-changed`, path, base: fix('abcd'), change: fix('efgh') },
    {
      does: `removing a ${side} constant`,
      rule: `${side}-property-const-removed`,
      path,
      base: fix('abcd'),
      change: (d) => void delete at(d, 'name')['const'],
    },
  ];
}

/** The oneOf/anyOf/allOf rules, on a field with two variants (`force` or `kind`). */
function variants(side: 'request' | 'response', at: Field, schema: string, on: string): Case[] {
  return (
    [
      ['oneOf', 'one-of'],
      ['anyOf', 'any-of'],
      ['allOf', 'all-of'],
    ] as const
  ).flatMap(([keyword, name]) => {
    const base = (d: JsonObject) => void (keyword !== 'oneOf' && swap(at(d, on), 'oneOf', keyword));
    return [
      {
        does: `adding a ${side} ${keyword} variant`,
        rule: `${side}-property-${name}-added`,
        path: `${schema}.properties.${on}.${keyword}[2]`,
        base,
        change: (d: JsonObject) => void list(at(d, on), keyword).push({ type: 'integer' }),
      },
      {
        does: `removing a ${side} ${keyword} variant`,
        rule: `${side}-property-${name}-removed`,
        path: `${schema}.properties.${on}.${keyword}[1]`,
        base,
        change: (d: JsonObject) => void list(at(d, on), keyword).pop(),
      },
    ];
  });
}

/** `base` applied to two fresh fixtures, `change` to the second: the changes between them. */
function judge({ base = () => undefined, change }: Pick<Case, 'base' | 'change'>) {
  const old = fixture();
  base(old);
  const now = fixture();
  base(now);
  change(now);
  return diffSpecs(old, now);
}

describe('breaking-change rules', () => {
  it.each(cases)('reports $does as $rule', ({ rule, path, also = [], ...mutation }) => {
    const changes = judge(mutation);
    const expected = [rule, ...also].map((id) => ({ rule: id, path, verdict: RULES[ruleOf(id)!] }));
    expect(changes.map((found) => ({ rule: found.rule, path: found.path, verdict: found.verdict }))).toEqual(expected);
  });

  it('has a case for every rule', () => {
    const covered = new Set(cases.map((one) => ruleOf(one.rule)));
    expect((Object.keys(RULES) as RuleId[]).filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it('finds no change between a document and its copy', () => {
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
  ])('proves %s -> %s wider: %s', (before, after, wider) => {
    expect(patternIsWider(before, after)).toBe(wider);
  });
});

const reversedKeys = (node: JsonObject) => Object.fromEntries(Object.entries(node).reverse());

describe('order carries no meaning', () => {
  it.each<[string, (d: JsonObject) => void]>([
    ['request oneOf variants', (d) => reverse(field(d, 'force'), 'oneOf')],
    ['response anyOf variants', (d) => reverse(sent(d, 'kind'), 'anyOf')],
    ['allOf parts', (d) => (field(d, 'name')['allOf'] = [{ maxLength: 10 }, { minLength: 5 }])],
    ['enum values', (d) => reverse(field(d, 'mode'), 'enum')],
    ['enum values inside a variant', (d) => reverse(objectAt(field(d, 'force'), 'oneOf', 1), 'enum')],
    ['required lists', (d) => reverse(body(d), 'required')],
    ['the types of a type list', (d) => (field(d, 'size')['type'] = ['null', 'integer'])],
    ['parameters', (d) => reverse(op(d), 'parameters')],
    ['tags', (d) => reverse(op(d), 'tags')],
    [
      'media type examples',
      (d) =>
        (objectAt(op(d), 'requestBody', 'content', 'application/json')['examples'] = reversedKeys(
          objectAt(op(d), 'requestBody', 'content', 'application/json', 'examples'),
        )),
    ],
    ['schema examples', (d) => (field(d, 'name')['examples'] = ['wxyz', 'abcd'])],
    ['properties', (d) => (body(d)['properties'] = reversedKeys(objectAt(body(d), 'properties')))],
    ['security alternatives', (d) => reverse(d, 'security')],
    ['schemes of one security alternative', (d) => (list(d, 'security')[1] = { date: [], signature: [] })],
    ['servers', (d) => reverse(d, 'servers')],
  ])('finds no change after reordering %s', (_, reorder) => {
    const base = (d: JsonObject) => {
      swap(sent(d, 'kind'), 'oneOf', 'anyOf');
      field(d, 'name')['allOf'] = [{ minLength: 5 }, { maxLength: 10 }];
      field(d, 'name')['examples'] = ['abcd', 'wxyz'];
      field(d, 'size')['type'] = ['integer', 'null'];
    };
    expect(judge({ base, change: reorder })).toEqual([]);
  });

  it('pairs a reordered variant that was also edited with its old self, and reports only the edit', () => {
    const changes = judge({
      change: (d) => {
        reverse(field(d, 'force'), 'oneOf');
        list(objectAt(field(d, 'force'), 'oneOf', 0), 'enum').pop();
      },
    });
    expect(changes).toEqual([
      expect.objectContaining({
        rule: 'request-property-enum-value-removed',
        path: `${REQ}.properties.force.oneOf[0].enum`,
        message: 'value "no" removed',
      }),
    ]);
  });
});
