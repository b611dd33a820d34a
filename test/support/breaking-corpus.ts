// What the breaking-change gate is held to against oasdiff, the field's
// reference tool. MUTATIONS: changes to the real bundled specs, each with the
// rules our differ must report (test/unit/breaking/real-specs.test.ts) and,
// where oasdiff's verdict differs from ours, oasdiff's verdict and why we judge
// otherwise (test/integration/breaking/oasdiff.test.ts runs oasdiff on each).
// VERDICT_DIFFERENCES: the rule IDs we share with oasdiff but not its verdict.
import type { OpenApiDocument } from '../../scripts/lib/bundle.ts';
import type { Verdict } from '../../scripts/lib/breaking.ts';
import { isObject, objectAt, requestBodySchema, type Json, type JsonObject } from './specs.ts';

/** The JSONPath of the description of the snapshot that DWS's create call takes. */
export const DWS_DESCRIPTION =
  "$.paths['/v1.0/{project_id}/snapshots'].post.requestBody.content['application/json'].schema.properties.snapshot.properties.description";

export interface Mutation {
  /** What the change does; the tests read "<name> is breaking". */
  name: string;
  api: 'dws' | 'cinder' | 'css' | 'evs';
  /** Applied to both sides first, for a starting point the spec lacks. */
  base?: (document: JsonObject) => void;
  /** Applied to the new side. */
  change: (document: JsonObject) => void;
  /** The rule of every change our differ reports, in order; none for a change that changes nothing. */
  rules: string[];
  /** Where oasdiff's verdict differs from ours: its verdict and why we judge otherwise. */
  oasdiff?: { verdict: Verdict; reason: string };
}

/** The create call of each spec (the first path, as each spec writes it first) and its path item. */
const pathItem = (d: JsonObject) => objectAt(d, 'paths', Object.keys(objectAt(d, 'paths'))[0]!);
const operation = (d: JsonObject) => objectAt(pathItem(d), 'post');
/** The schema that declares `name`: the schema itself or one of its allOf parts. */
const ownerOf = (schema: JsonObject, name: string): JsonObject =>
  [schema, ...((schema['allOf'] as JsonObject[] | undefined) ?? [])].find(
    (part) => isObject(part['properties']) && name in part['properties'],
  ) ?? schema;
const declaresAll = (schema: JsonObject): JsonObject =>
  [schema, ...((schema['allOf'] as JsonObject[] | undefined) ?? [])].find((part) => part['properties'] !== undefined) ?? schema;
const request = (d: JsonObject) => requestBodySchema(operation(d));
/** The request schema at `names`, each a property below the last. */
export const requestField = (d: JsonObject, ...names: string[]) =>
  names.reduce((schema, name) => objectAt(schema, 'properties', name), request(d));
const response = (d: JsonObject, status: string) => objectAt(operation(d), 'responses', status);
/** The response schema at `names`, looking through allOf (Cinder's snapshot is an allOf of its fields). */
const responseField = (d: JsonObject, status: string, ...names: string[]) =>
  declaresAll(
    names.reduce(
      (schema, name) => objectAt(ownerOf(schema, name), 'properties', name),
      objectAt(response(d, status), 'content', 'application/json', 'schema'),
    ),
  );
/** The array at `key`, to change in place. */
export const list = (node: JsonObject, key: string) => node[key] as Json[];
/** Replaces the array at `key` with a reversed copy. */
export const reverse = (node: JsonObject, key: string) => void (node[key] = [...list(node, key)].reverse());
const force = (d: JsonObject) => requestField(d, 'snapshot', 'force');
const forceStrings = (d: JsonObject) => objectAt(force(d), 'oneOf', 1);
const anotherOperation = (d: JsonObject) => void (pathItem(d)['put'] = { responses: { '200': { description: 'The snapshot.' } } });
/** The create call's own parameters, an empty list where the spec declares them all on the path. */
const ownParameters = (d: JsonObject) => ((operation(d)['parameters'] as Json[] | undefined) ??= []) as Json[];
/** The create call's own security list, a copy of the document's, so a change to it changes that call only. */
const ownSecurity = (d: JsonObject) => ((operation(d)['security'] as Json[] | undefined) ??= structuredClone(list(d, 'security')));

export const MUTATIONS: Mutation[] = [
  // Breaking, as oasdiff also judges.
  {
    name: 'lowering the maxLength of a request field',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot', 'name')['maxLength'] = 32),
    rules: ['request-property-max-length-decreased'],
  },
  {
    name: 'lowering the maxLength of a query parameter',
    api: 'dws',
    change: (d) => {
      const get = objectAt(d, 'paths', '/v1.0/{project_id}/clusters/{cluster_id}/snapshots', 'get');
      const sortKey = (list(get, 'parameters') as JsonObject[]).find((parameter) => parameter['name'] === 'sort_key')!;
      objectAt(sortKey, 'schema')['maxLength'] = 32;
    },
    rules: ['request-parameter-max-length-decreased'],
  },
  {
    name: 'adding a required request field',
    api: 'dws',
    change: (d) => {
      objectAt(requestField(d, 'snapshot'), 'properties')['owner'] = { type: 'string' };
      list(requestField(d, 'snapshot'), 'required').push('owner');
    },
    rules: ['new-required-request-property'],
  },
  {
    name: 'making an optional request field required',
    api: 'css',
    change: (d) => void list(request(d), 'required').push('description'),
    rules: ['request-property-became-required'],
  },
  {
    name: 'removing an enum value',
    api: 'cinder',
    change: (d) => void (forceStrings(d)['enum'] = list(forceStrings(d), 'enum').filter((value) => value !== 'n')),
    rules: ['request-property-enum-value-removed'],
  },
  {
    name: 'swapping the oneOf variants of force and removing an enum value from one',
    api: 'cinder',
    change: (d) => {
      forceStrings(d)['enum'] = list(forceStrings(d), 'enum').filter((value) => value !== 'n');
      reverse(force(d), 'oneOf');
    },
    rules: ['request-property-enum-value-removed'],
  },
  {
    name: 'removing a oneOf variant',
    api: 'cinder',
    change: (d) => void list(force(d), 'oneOf').pop(),
    rules: ['request-property-one-of-removed'],
  },
  {
    name: 'adding a pattern to a request field',
    api: 'cinder',
    change: (d) => void (requestField(d, 'snapshot', 'name')['pattern'] = '^[A-Za-z0-9 _-]*$'),
    rules: ['request-property-pattern-added'],
  },
  {
    name: 'changing a request pattern to one that is not wider',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot', 'description')['pattern'] = '^[A-Za-z0-9 ]*$'),
    rules: ['request-property-pattern-changed'],
  },
  {
    name: 'changing the type of a request field',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot', 'name')['type'] = 'integer'),
    rules: ['request-property-type-changed'],
  },
  {
    name: 'changing the format of a request field',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot', 'cluster_id')['format'] = 'uri'),
    rules: ['request-property-type-changed'],
  },
  {
    name: 'making a nullable request field not nullable',
    api: 'cinder',
    change: (d) => void (requestField(d, 'snapshot', 'display_name')['type'] = 'string'),
    rules: ['request-property-became-not-nullable'],
  },
  {
    name: 'removing a request field from an object that rejects unknown fields',
    api: 'cinder',
    change: (d) => void delete objectAt(requestField(d, 'snapshot'), 'properties')['display_name'],
    rules: ['request-property-removed-from-closed-object'],
  },
  {
    name: "lowering the maxLength of a map's values",
    api: 'evs',
    change: (d) => void (objectAt(requestField(d, 'snapshot', 'tags'), 'additionalProperties')['maxLength'] = 128),
    rules: ['request-property-max-length-decreased'],
  },
  {
    name: "lowering the maxLength of a map's keys",
    api: 'cinder',
    change: (d) => void (objectAt(requestField(d, 'snapshot', 'metadata'), 'propertyNames')['maxLength'] = 64),
    rules: ['request-property-max-length-decreased'],
  },
  {
    name: 'adding a required query parameter',
    api: 'dws',
    change: (d) => void ownParameters(d).push({ name: 'dry_run', in: 'query', required: true, schema: { type: 'boolean' } }),
    rules: ['new-required-request-parameter'],
  },
  {
    name: 'removing the success status',
    api: 'dws',
    change: (d) => void delete objectAt(operation(d), 'responses')['200'],
    rules: ['response-success-status-removed'],
  },
  {
    name: 'removing a response field that is always sent',
    api: 'dws',
    change: (d) => {
      delete objectAt(responseField(d, '200', 'snapshot'), 'properties')['id'];
      responseField(d, '200', 'snapshot')['required'] = [];
    },
    rules: ['response-required-property-removed'],
  },
  {
    name: 'removing an optional response field',
    api: 'cinder',
    change: (d) => void delete objectAt(responseField(d, '202', 'snapshot'), 'properties')['updated_at'],
    rules: ['response-optional-property-removed'],
  },
  {
    name: 'making a response field optional',
    api: 'cinder',
    change: (d) => {
      const snapshot = responseField(d, '202', 'snapshot');
      snapshot['required'] = list(snapshot, 'required').filter((name) => name !== 'size');
    },
    rules: ['response-property-became-optional'],
  },
  {
    name: 'changing the type of a response field',
    api: 'cinder',
    change: (d) => void (responseField(d, '202', 'snapshot', 'size')['type'] = 'string'),
    rules: ['response-property-type-changed'],
  },
  {
    name: 'making a response field nullable',
    api: 'evs',
    change: (d) => void (responseField(d, '202', 'snapshot_id')['type'] = ['string', 'null']),
    rules: ['response-property-became-nullable'],
  },
  {
    name: 'raising the maximum of a response field',
    api: 'cinder',
    base: (d) => void (responseField(d, '202', 'snapshot', 'size')['maximum'] = 1024),
    change: (d) => void (responseField(d, '202', 'snapshot', 'size')['maximum'] = 2048),
    rules: ['response-property-max-increased'],
  },
  {
    name: 'removing a required response header',
    api: 'cinder',
    change: (d) => void delete objectAt(response(d, '202'), 'headers')['x-openstack-request-id'],
    rules: ['required-response-header-removed'],
  },
  {
    name: 'removing the JSON body of an error status',
    api: 'dws',
    change: (d) => void delete objectAt(response(d, '400'), 'content')['application/json'],
    rules: ['response-media-type-removed'],
  },
  {
    name: 'removing the operation and its path',
    api: 'css',
    change: (d) => void delete objectAt(d, 'paths')[Object.keys(objectAt(d, 'paths'))[0]!],
    rules: ['api-path-removed-without-deprecation'],
  },
  {
    name: 'removing the operation of a path that keeps another',
    api: 'dws',
    base: anotherOperation,
    change: (d) => void delete pathItem(d)['post'],
    rules: ['api-removed-without-deprecation'],
  },

  // Compatible, as oasdiff also judges.
  {
    name: 'raising the maxLength of a request field',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot', 'name')['maxLength'] = 128),
    rules: ['request-property-max-length-increased'],
  },
  {
    name: 'lowering the minLength of a request field',
    api: 'css',
    change: (d) => void (requestField(d, 'name')['minLength'] = 1),
    rules: ['request-property-min-length-decreased'],
  },
  {
    name: 'adding an optional request field',
    api: 'dws',
    change: (d) => void (objectAt(requestField(d, 'snapshot'), 'properties')['owner'] = { type: 'string' }),
    rules: ['new-optional-request-property'],
  },
  {
    name: 'adding an enum value',
    api: 'cinder',
    change: (d) => void list(forceStrings(d), 'enum').push('maybe'),
    rules: ['request-property-enum-value-added'],
  },
  {
    name: 'adding a oneOf variant',
    api: 'cinder',
    change: (d) => void list(force(d), 'oneOf').push({ type: 'integer', enum: [0, 1] }),
    rules: ['request-property-one-of-added'],
  },
  {
    name: 'making a request field nullable',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot', 'name')['type'] = ['string', 'null']),
    rules: ['request-property-became-nullable'],
  },
  {
    name: 'removing the pattern of a request field',
    api: 'css',
    change: (d) => void delete requestField(d, 'name')['pattern'],
    rules: ['request-property-pattern-removed'],
  },
  {
    name: 'adding an optional query parameter',
    api: 'dws',
    change: (d) => void ownParameters(d).push({ name: 'dry_run', in: 'query', schema: { type: 'boolean' } }),
    rules: ['new-optional-request-parameter'],
  },
  {
    name: 'making the request body optional',
    api: 'dws',
    change: (d) => void (objectAt(operation(d), 'requestBody')['required'] = false),
    rules: ['request-body-became-optional'],
  },
  {
    name: 'accepting a second media type',
    api: 'dws',
    change: (d) => void (objectAt(operation(d), 'requestBody', 'content')['application/xml'] = { schema: { type: 'object' } }),
    rules: ['request-body-media-type-added'],
  },
  {
    name: 'adding an operation',
    api: 'dws',
    change: anotherOperation,
    rules: ['endpoint-added'],
  },
  {
    name: 'adding an error status',
    api: 'dws',
    change: (d) => void (objectAt(operation(d), 'responses')['409'] = { description: 'A snapshot of that name exists.' }),
    rules: ['response-non-success-status-added'],
  },
  {
    name: 'removing an error status',
    api: 'dws',
    change: (d) => void delete objectAt(operation(d), 'responses')['404'],
    rules: ['response-non-success-status-removed'],
  },
  {
    name: 'adding an optional response field',
    api: 'dws',
    change: (d) => void (objectAt(responseField(d, '200', 'snapshot'), 'properties')['status'] = { type: 'string' }),
    rules: ['response-optional-property-added'],
  },
  {
    name: 'making an optional response field always sent',
    api: 'cinder',
    change: (d) => void list(responseField(d, '202', 'snapshot'), 'required').push('updated_at'),
    rules: ['response-property-became-required'],
  },
  {
    name: 'accepting another way to authenticate',
    api: 'dws',
    base: ownSecurity,
    change: (d) => void ownSecurity(d).push({ AkSkSignature: [] }),
    rules: ['api-security-added'],
  },
  {
    name: 'renaming the operationId',
    api: 'dws',
    change: (d) => void (operation(d)['operationId'] = 'startClusterSnapshot'),
    rules: ['api-operation-id-changed'],
  },
  {
    name: "rewording the operation's description",
    api: 'evs',
    change: (d) => void (operation(d)['description'] = 'Starts a snapshot.'),
    rules: ['documentation-changed'],
  },

  // No change at all: order carries no meaning.
  { name: 'swapping the two oneOf variants of force', api: 'cinder', change: (d) => reverse(force(d), 'oneOf'), rules: [] },
  { name: 'reversing the enum values of force', api: 'cinder', change: (d) => reverse(forceStrings(d), 'enum'), rules: [] },
  { name: 'reversing a required list', api: 'dws', change: (d) => reverse(requestField(d, 'snapshot'), 'required'), rules: [] },
  {
    name: 'reversing the type list of a nullable field',
    api: 'cinder',
    change: (d) => reverse(requestField(d, 'snapshot', 'name'), 'type'),
    rules: [],
  },
  { name: 'reversing the parameters', api: 'css', change: (d) => reverse(operation(d), 'parameters'), rules: [] },
  { name: 'reversing the security alternatives', api: 'dws', change: (d) => reverse(d, 'security'), rules: [] },
  { name: 'reversing the servers', api: 'dws', change: (d) => reverse(d, 'servers'), rules: [] },
  {
    name: 'reversing the tags of the operation',
    api: 'dws',
    base: (d) => void list(operation(d), 'tags').push('Clusters'),
    change: (d) => reverse(operation(d), 'tags'),
    rules: [],
  },
  {
    name: 'reversing the request examples',
    api: 'dws',
    change: (d) => {
      const media = objectAt(operation(d), 'requestBody', 'content', 'application/json');
      media['examples'] = Object.fromEntries(Object.entries(objectAt(media, 'examples')).reverse());
    },
    rules: [],
  },
  {
    name: 'reversing the properties of a request object',
    api: 'evs',
    change: (d) => {
      const snapshot = requestField(d, 'snapshot');
      snapshot['properties'] = Object.fromEntries(Object.entries(objectAt(snapshot, 'properties')).reverse());
    },
    rules: [],
  },

  // Where we knowingly judge otherwise than oasdiff.
  {
    name: 'lowering the maxLength of a parameter its path declares for every operation',
    api: 'dws',
    change: (d) => {
      const parameters = list(objectAt(d, 'paths', '/v1.0/{project_id}/clusters/{cluster_id}/snapshots'), 'parameters') as JsonObject[];
      objectAt(
        parameters.find((parameter) => parameter['name'] === 'cluster_id')!,
        'schema',
      )['maxLength'] = 32;
    },
    rules: ['request-parameter-max-length-decreased'],
    oasdiff: {
      verdict: 'compatible',
      reason: "oasdiff 1.15 reports nothing when a path item's own parameters change; every cluster ID that passed is now too long.",
    },
  },
  {
    name: 'closing a request object to unknown fields',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot')['additionalProperties'] = false),
    rules: ['request-property-additional-properties-closed'],
    oasdiff: {
      verdict: 'compatible',
      reason: 'oasdiff has no check for additionalProperties becoming false; a caller that sent an undeclared field is now rejected.',
    },
  },
  {
    name: 'widening a request pattern to one that provably accepts more',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot', 'description')['pattern'] = '^[^<>]*$'),
    rules: ['request-property-pattern-generalized'],
    oasdiff: {
      verdict: 'breaking',
      reason:
        'oasdiff warns about any changed pattern unless the new one is `.*`; our differ proves that a character class that forbids less accepts every value it accepted.',
    },
  },
  {
    name: 'removing a request field from an object that accepts unknown fields',
    api: 'dws',
    change: (d) => void delete objectAt(requestField(d, 'snapshot'), 'properties')['description'],
    rules: ['request-property-removed'],
    oasdiff: {
      verdict: 'breaking',
      reason: 'oasdiff warns that the field is gone; a request that sends it stays valid, because the object accepts unknown fields.',
    },
  },
  {
    name: 'making a request field that has a default required',
    api: 'dws',
    change: (d) => void list(requestField(d, 'snapshot'), 'required').push('description'),
    rules: ['request-property-became-required'],
    oasdiff: {
      verdict: 'compatible',
      reason:
        'oasdiff treats a required field with a default as harmless (request-property-became-required-with-default); a request that leaves it out is still rejected.',
    },
  },
  {
    name: 'changing the default of a request field',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot', 'description')['default'] = '-'),
    rules: ['request-property-default-value-changed'],
    oasdiff: {
      verdict: 'compatible',
      reason: 'oasdiff reports a changed default for information only; a caller that leaves the field out now gets another value.',
    },
  },
  {
    name: 'widening the type of a request field to a type list',
    api: 'dws',
    change: (d) => void (requestField(d, 'snapshot', 'name')['type'] = ['string', 'integer']),
    rules: ['request-property-type-generalized'],
    oasdiff: {
      verdict: 'breaking',
      reason: 'oasdiff reports any change of a type list but null as a type change; every value the old type accepted is still accepted.',
    },
  },
  {
    name: 'removing the format of a request field',
    api: 'dws',
    base: (d) => void (requestField(d, 'snapshot', 'cluster_id')['format'] = 'uuid'),
    change: (d) => void delete requestField(d, 'snapshot', 'cluster_id')['format'],
    rules: ['request-property-format-removed'],
    oasdiff: {
      verdict: 'breaking',
      reason: 'oasdiff reports any format change as a type change; without the format, every value that passed still passes.',
    },
  },
  {
    name: 'lifting the enum of a request field',
    api: 'cinder',
    change: (d) => void delete forceStrings(d)['enum'],
    rules: ['request-property-enum-removed'],
    oasdiff: {
      verdict: 'breaking',
      reason: 'oasdiff reports every value of the lifted enum as removed; any string is now accepted, those values included.',
    },
  },
  {
    name: 'removing the request body',
    api: 'dws',
    change: (d) => void delete operation(d)['requestBody'],
    rules: ['request-body-removed'],
    oasdiff: {
      verdict: 'breaking',
      reason: 'oasdiff flags the removed body; a request that still sends one is no less valid by the spec, which now says nothing of it.',
    },
  },
  {
    name: 'removing an optional query parameter',
    api: 'dws',
    base: (d) => void ownParameters(d).push({ name: 'dry_run', in: 'query', schema: { type: 'boolean' } }),
    change: (d) => void ownParameters(d).pop(),
    rules: ['request-parameter-removed'],
    oasdiff: {
      verdict: 'breaking',
      reason:
        'oasdiff warns that the parameter is gone; a request that sends it stays valid, as services ignore parameters they do not declare.',
    },
  },
  {
    name: 'dropping a way to authenticate',
    api: 'dws',
    base: ownSecurity,
    change: (d) => void ownSecurity(d).pop(),
    rules: ['api-security-removed'],
    oasdiff: {
      verdict: 'compatible',
      reason: 'oasdiff reports security changes for information only; callers that signed their requests with AK/SK are now refused.',
    },
  },
  {
    name: 'requiring credentials on an anonymous operation',
    api: 'cinder',
    base: (d) => void (operation(d)['security'] = []),
    change: (d) => void (operation(d)['security'] = [{ XAuthToken: [] }]),
    rules: ['api-security-removed', 'api-security-added'],
    oasdiff: {
      verdict: 'compatible',
      reason: 'oasdiff reports security changes for information only; callers without a token are now refused.',
    },
  },
  {
    name: 'removing an optional response header',
    api: 'dws',
    change: (d) => void delete objectAt(response(d, '200'), 'headers')['X-Request-Id'],
    rules: ['optional-response-header-removed'],
    oasdiff: {
      verdict: 'breaking',
      reason: 'oasdiff warns about it; a header the spec never promised to send cannot be relied on.',
    },
  },
  {
    name: 'changing the type of a response header',
    api: 'dws',
    change: (d) => void (objectAt(response(d, '200'), 'headers', 'X-Request-Id', 'schema')['type'] = 'integer'),
    rules: ['response-header-schema-changed'],
    oasdiff: {
      verdict: 'compatible',
      reason: 'oasdiff has no check for the schema of a response header; a client that reads the header as text may get a number.',
    },
  },
  {
    name: 'removing the minimum of a response field',
    api: 'cinder',
    change: (d) => void delete responseField(d, '202', 'snapshot', 'size')['minimum'],
    rules: ['response-property-min-unset'],
    oasdiff: {
      verdict: 'compatible',
      reason: 'oasdiff has no check for a response minimum removed, though it flags one lowered; a negative size may now arrive.',
    },
  },
  {
    name: 'restricting a response field to an enum',
    api: 'evs',
    change: (d) => void (responseField(d, '202', 'job_id')['enum'] = ['ee62a0c1e79c4e11be5adc17a49f69ef']),
    rules: ['response-property-became-enum'],
    oasdiff: {
      verdict: 'breaking',
      reason: 'oasdiff reports every value of the new enum as a value added; the field can now carry fewer values than before, not more.',
    },
  },
];

/** The two sides of a mutation of `document`, each a copy that shares no object with it or with the other. */
export function applyMutation(document: OpenApiDocument, { base, change }: Mutation): { before: JsonObject; after: JsonObject } {
  const before = JSON.parse(JSON.stringify(document)) as JsonObject;
  base?.(before);
  const after = JSON.parse(JSON.stringify(before)) as JsonObject;
  change(after);
  return { before, after };
}

/**
 * Rule IDs we share with oasdiff whose verdict is not the level oasdiff gives
 * them (its errors and warnings are breaking, its info compatible), and why.
 */
export const VERDICT_DIFFERENCES: Record<string, string> = {
  'api-removed-with-deprecation':
    'oasdiff rates it info once the sunset date has passed; callers that still call the operation fail all the same.',
  'api-path-removed-with-deprecation':
    'oasdiff rates it info once the sunset date has passed; callers that still call the operation fail all the same.',
  'api-security-removed': 'oasdiff rates every security change info; callers that authenticated the dropped way are refused.',
  'request-parameter-removed':
    'oasdiff warns; a request that still sends the parameter stays valid, as services ignore parameters they do not declare.',
  'request-body-removed':
    'oasdiff rates it an error; a spec that no longer describes a body does not make a request that sends one invalid.',
  'request-property-removed':
    'oasdiff warns; in an object that accepts unknown fields a request that still sends the field stays valid (request-property-removed-from-closed-object covers the others).',
  'optional-response-header-removed': 'oasdiff warns; a header the spec never promised to send cannot be relied on.',
  'request-body-enum-value-removed':
    "oasdiff rates it info at a body's top level, an error for a property; a removed value is rejected either way.",
  'request-parameter-default-value-added':
    'oasdiff rates every change of a parameter default an error; stating a default leaves every request valid.',
  'request-parameter-default-value-removed':
    'oasdiff rates every change of a parameter default an error; requests stay valid, the spec only stops saying what leaving it out means.',
  'request-property-default-value-changed':
    'oasdiff rates it info (an error for parameters); a caller that leaves the field out gets another behaviour.',
  'request-body-default-value-changed':
    'oasdiff rates it info (an error for parameters); a caller that leaves the body out gets another behaviour.',
  'request-property-all-of-removed': 'oasdiff warns; with one schema fewer to satisfy, every value that passed still passes.',
  'request-body-all-of-removed': 'oasdiff warns; with one schema fewer to satisfy, every value that passed still passes.',
  'response-property-pattern-changed':
    'oasdiff rates it info; values the old pattern excluded may arrive and break clients that parse them by their shape.',
  'response-property-pattern-removed':
    'oasdiff rates it info; values of any shape may arrive and break clients that parse them by their shape.',
  'response-property-any-of-added':
    'oasdiff rates it info, though a new oneOf variant an error; values of a shape clients do not handle may arrive.',
  'response-body-any-of-added':
    'oasdiff rates it info, though a new oneOf variant an error; values of a shape clients do not handle may arrive.',
  'response-property-all-of-removed': 'oasdiff rates it info; values that the removed part excluded may arrive.',
  'response-body-all-of-removed': 'oasdiff rates it info; values that the removed part excluded may arrive.',
};
