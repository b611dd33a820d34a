// What the vendors' documents (the seeds, see README "Sources") state about each
// operation, written down as data so the tests can hold the specs to it: the
// operation, every field with its type and required flag, every status code,
// every example (verbatim), and every constraint given in prose with values on
// both sides of it. Where a spec departs from a seed, the test expects an
// x-doc-deviation entry on that element instead of the seed's fact.
import type { Json, JsonObject } from './specs.ts';

export type SeedType = 'string' | 'integer' | 'boolean' | 'object';

export interface SeedField {
  /** Path of the field in the request body, e.g. `snapshot.name`. */
  field: string;
  type: SeedType;
  /** Absent where the document does not say (its response tables often have no such column). */
  required?: boolean;
}

export interface Boundary {
  /** What the document says, in a few words; used in test names. */
  rule: string;
  /** Path in the request body; the value replaces the one of `base`. */
  field: string[];
  valid: Json[];
  /** Values that break the rule. `undefined` removes the field. */
  invalid: (Json | undefined)[];
}

/** Every value that breaks one of the document's constraints, named for test titles by its field and a short form of the value. */
export function invalidCases(facts: SeedFacts) {
  return facts.boundaries.flatMap((boundary) =>
    boundary.invalid.map((value) => ({
      boundary,
      value,
      field: boundary.field.join('.'),
      shown: value === undefined ? 'no value' : JSON.stringify(value).slice(0, 40),
    })),
  );
}

export interface SeedFacts {
  api: string;
  /** Seed document(s) this table encodes, as named in the README. */
  source: string;
  method: 'post';
  path: string;
  successStatus: string;
  statuses: string[];
  pathParameters: string[];
  requestFields: SeedField[];
  /** Fields of the success body (path within the body). */
  responseFields: SeedField[];
  requestExamples: JsonObject[];
  responseExamples: Record<string, JsonObject[]>;
  /** A valid request body the boundary values are substituted into. */
  base: JsonObject;
  boundaries: Boundary[];
}

const repeat = (text: string, length: number): string => text.repeat(Math.ceil(length / text.length)).slice(0, length);
/** A string of `length` characters that starts with `first` and continues with `rest`. */
const ofLength = (first: string, rest: string, length: number): string => first + repeat(rest, length - 1);
const UUID = '44b277eb-39be-4921-be31-3d61b43651d7';

export const dws: SeedFacts = {
  api: 'dws',
  source: 'DWS "Creating a Snapshot", older revision and the revision of 2025-08-06 (which stands)',
  method: 'post',
  path: '/v1.0/{project_id}/snapshots',
  successStatus: '200',
  statuses: ['200', '400', '401', '403', '404', '500', '503'],
  pathParameters: ['project_id'],
  requestFields: [
    { field: 'snapshot', type: 'object', required: true },
    { field: 'snapshot.name', type: 'string', required: true },
    { field: 'snapshot.cluster_id', type: 'string', required: true },
    { field: 'snapshot.description', type: 'string', required: false },
  ],
  responseFields: [
    { field: 'snapshot', type: 'object', required: true },
    { field: 'snapshot.id', type: 'string', required: true },
  ],
  requestExamples: [{ snapshot: { name: 'snapshot-3', cluster_id: UUID, description: 'Snapshot-3 description' } }],
  responseExamples: { '200': [{ snapshot: { id: '2a4d0f86-67cd-408a-8b66-017454fb7793' } }] },
  base: { snapshot: { name: 'snapshot-3', cluster_id: UUID, description: 'Snapshot-3 description' } },
  boundaries: [
    {
      rule: 'name has 4 to 64 characters',
      field: ['snapshot', 'name'],
      valid: [ofLength('s', 'n', 4), ofLength('s', 'n', 64)],
      invalid: [ofLength('s', 'n', 3), ofLength('s', 'n', 65), ''],
    },
    {
      rule: 'name starts with a letter',
      field: ['snapshot', 'name'],
      valid: ['Snap', 'snap'],
      invalid: ['3snap', '_snap', '-snap'],
    },
    {
      rule: 'name has only letters (either case), digits, hyphens and underscores',
      field: ['snapshot', 'name'],
      valid: ['Snap_shot-2025', 'SNAPSHOT'],
      invalid: ['snap shot', 'snap.shot', 'snap!', 'snäp', 'snap😀'],
    },
    {
      rule: 'name is required',
      field: ['snapshot', 'name'],
      valid: [],
      invalid: [undefined],
    },
    {
      rule: 'cluster_id is required',
      field: ['snapshot', 'cluster_id'],
      valid: [],
      invalid: [undefined],
    },
    {
      // Only calls that carry the cluster ID in their path are known to reject a non-UUID; the service decides here.
      rule: 'cluster_id is any non-empty string: the document states no format',
      field: ['snapshot', 'cluster_id'],
      valid: [UUID, UUID.toUpperCase(), '44b277eb39be4921be313d61b43651d7', 'my-cluster'],
      invalid: [''],
    },
    {
      rule: 'description has at most 256 characters',
      field: ['snapshot', 'description'],
      valid: ['', repeat('d', 256), repeat('说', 256)],
      invalid: [repeat('d', 257)],
    },
    {
      rule: 'description has none of !<>\'=&"',
      field: ['snapshot', 'description'],
      valid: ['Nightly backup, before the upgrade (v2) #1 ~ 50% done; ok?'],
      invalid: ['!', '<', '>', "'", '=', '&', '"', 'a=b'],
    },
  ],
};

export const cinder: SeedFacts = {
  api: 'cinder',
  source: 'Cinder Block Storage API v2 "Create snapshot"',
  method: 'post',
  path: '/v2/{tenant_id}/snapshots',
  successStatus: '202',
  statuses: ['202'],
  pathParameters: ['tenant_id'],
  requestFields: [
    { field: 'snapshot', type: 'object', required: true },
    { field: 'snapshot.name', type: 'string', required: false },
    { field: 'snapshot.description', type: 'string', required: false },
    { field: 'snapshot.volume_id', type: 'string', required: false },
    { field: 'snapshot.force', type: 'boolean', required: false },
    { field: 'snapshot.new_size', type: 'integer', required: false },
  ],
  responseFields: [
    { field: 'snapshot', type: 'object' },
    { field: 'snapshot.status', type: 'string' },
    { field: 'snapshot.description', type: 'string' },
    { field: 'snapshot.created_at', type: 'string' },
    { field: 'snapshot.metadata', type: 'object' },
    { field: 'snapshot.volume_id', type: 'string' },
    { field: 'snapshot.size', type: 'integer' },
    { field: 'snapshot.id', type: 'string' },
    { field: 'snapshot.name', type: 'string' },
  ],
  requestExamples: [
    {
      snapshot: {
        name: 'snap-001',
        description: 'Daily backup',
        volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635',
        force: true,
      },
    },
  ],
  responseExamples: {
    '202': [
      {
        snapshot: {
          status: 'creating',
          description: 'Daily backup',
          created_at: '2013-02-25T03:56:53.081642',
          metadata: {},
          volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635',
          size: 1,
          id: 'ffa9bc5e-1172-4021-acaf-cdcd78a9584d',
          name: 'snap-001',
        },
      },
    ],
  },
  base: { snapshot: { name: 'snap-001', volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635' } },
  boundaries: [
    {
      rule: 'name defaults to None (null allowed) and has at most 255 characters (service)',
      field: ['snapshot', 'name'],
      valid: [null, '', repeat('n', 255)],
      invalid: [repeat('n', 256), 42],
    },
    {
      rule: 'description has at most 255 printable characters (service)',
      field: ['snapshot', 'description'],
      valid: [null, '', repeat('d', 255), 'Tägliche Sicherung – 每日备份', 'tab-free text with spaces'],
      invalid: [
        repeat('d', 256),
        'line\nbreak',
        'tab\there',
        'bell\u0007',
        'soft\u00adhyphen',
        'zero\u200bwidth',
        'line\u2028sep',
        'emoji 😀',
        'private \ue000',
      ],
    },
    {
      rule: 'volume_id is required, and null or a UUID in any form uuid.UUID reads (service, recorded deviation)',
      field: ['snapshot', 'volume_id'],
      valid: [
        '5aa119a8-d25b-45a7-8d1b-88e127885635',
        null,
        '5aa119a8d25b45a78d1b88e127885635',
        '5AA119A8-D25B-45A7-8D1B-88E127885635',
        '{5aa119a8-d25b-45a7-8d1b-88e127885635}',
        'urn:uuid:5aa119a8-d25b-45a7-8d1b-88e127885635',
      ],
      invalid: [undefined, '', 'vol-1', '5aa119a8-d25b-45a7-8d1b-88e12788563', '5aa119a8-d25b-45a7-8d1b-88e127885635x'],
    },
    {
      rule: 'force is a Boolean, default False (the service also takes its Boolean strings)',
      field: ['snapshot', 'force'],
      valid: [true, false, 'true', 'False', 'yes', 'off', '0', 't'],
      invalid: ['maybe', 'T', 'Y', 2, 1, null],
    },
    {
      rule: 'new_size is not accepted (service, recorded deviation)',
      field: ['snapshot', 'new_size'],
      valid: [],
      invalid: [1],
    },
    {
      rule: 'metadata keys have 1 to 255 letters, digits or -_:. / and values at most 255 characters (service)',
      field: ['snapshot', 'metadata'],
      valid: [null, {}, { [repeat('k', 255)]: repeat('v', 255) }, { 'a-b_c:d. e/f': 'x' }],
      invalid: [{ '': 'x' }, { [repeat('k', 256)]: 'x' }, { 'key!': 'x' }, { key: repeat('v', 256) }, { key: 1 }],
    },
    {
      rule: 'unknown fields are rejected (service)',
      field: ['snapshot', 'display_description'],
      valid: [],
      invalid: ['legacy alias that is not accepted'],
    },
  ],
};

export const css: SeedFacts = {
  api: 'css',
  source: 'CSS "Manually Creating a Snapshot"',
  method: 'post',
  path: '/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot',
  successStatus: '201',
  statuses: ['201', '400', '403', '406', '500', '501'],
  pathParameters: ['project_id', 'cluster_id'],
  requestFields: [
    { field: 'name', type: 'string', required: true },
    { field: 'description', type: 'string', required: false },
    { field: 'indices', type: 'string', required: false },
  ],
  responseFields: [
    { field: 'backup', type: 'object' },
    { field: 'backup.created', type: 'string' },
    { field: 'backup.datastore', type: 'object' },
    { field: 'backup.description', type: 'string' },
    { field: 'backup.id', type: 'string' },
    { field: 'backup.clusterId', type: 'string' },
    { field: 'backup.clusterName', type: 'string' },
    { field: 'backup.name', type: 'string' },
    { field: 'backup.status', type: 'string' },
    { field: 'backup.updated', type: 'string' },
    { field: 'backup.backupType', type: 'string' },
    { field: 'backup.backupMethod', type: 'string' },
    { field: 'backup.backupExpectedStartTime', type: 'string' },
    { field: 'backup.backupKeepDay', type: 'integer' },
    { field: 'backup.backupPeriod', type: 'string' },
    { field: 'backup.indices', type: 'string' },
    { field: 'backup.totalShards', type: 'integer' },
    { field: 'backup.failedShards', type: 'integer' },
    { field: 'backup.version', type: 'string' },
    { field: 'backup.restoreStatus', type: 'string' },
    { field: 'backup.startTime', type: 'string' },
    { field: 'backup.endTime', type: 'string' },
    { field: 'backup.bucketName', type: 'string' },
  ],
  requestExamples: [{ name: 'snapshot_001', indices: 'myindex1,myindex2', description: '' }],
  responseExamples: {
    '201': [
      {
        backup: {
          created: '2018-07-31T04:02:47',
          datastore: { type: 'elasticsearch', version: '6.2.3' },
          description: 'Index backup',
          id: '9dc4f5c9-33c0-45c7-9378-ae35ae350682',
          clusterId: 'e0164652-421b-40ad-8b0b-650c18c83df5',
          clusterName: 'Es-xfx',
          name: 'snapshot_101',
          status: 'BUILDING',
          updated: null,
          backupType: '1',
          backupMethod: 'manual',
          backupExpectedStartTime: null,
          backupKeepDay: 33,
          backupPeriod: '13:00',
          indices: 'myindex1,myindex2',
          totalShards: null,
          failedShards: null,
          version: null,
          restoreStatus: 'none',
          startTime: 1533009767542,
          endTime: 0,
          bucketName: 'obs-es-backup1532662640948',
        },
      },
    ],
  },
  base: { name: 'snapshot_001', indices: 'myindex1,myindex2', description: '' },
  boundaries: [
    {
      rule: 'name has 4 to 64 characters',
      field: ['name'],
      valid: [ofLength('s', 'n', 4), ofLength('s', 'n', 64)],
      invalid: [ofLength('s', 'n', 3), ofLength('s', 'n', 65), ''],
    },
    {
      rule: 'name starts with a letter',
      field: ['name'],
      valid: ['snap'],
      invalid: ['1snap', '_snap', '-snap'],
    },
    {
      rule: 'name has only lowercase letters, digits, hyphens and underscores',
      field: ['name'],
      valid: ['snapshot_001', 'a-b_c-1'],
      invalid: ['Snapshot', 'snapShot', 'snap shot', 'snap.1', 'snäp'],
    },
    {
      rule: 'name is required',
      field: ['name'],
      valid: [],
      invalid: [undefined],
    },
    {
      rule: 'description has 0 to 256 characters',
      field: ['description'],
      valid: ['', repeat('d', 256)],
      invalid: [repeat('d', 257)],
    },
    {
      rule: 'description has no < or > (newer revisions and SDKs: none of !<>=&"\')',
      field: ['description'],
      // The times are also CSS's own time form, so the pattern tests probe the list's SnapshotTime with them.
      valid: ['Index backup (June), 50% #1; ok?', '2018-03-07T07:34:47', '2018-02-29T07:34:47'],
      invalid: ['<', '>', '!', '=', '&', '"', "'"],
    },
    {
      rule: 'indices has 0 to 1024 characters',
      field: ['indices'],
      valid: ['', repeat('i', 1024)],
      invalid: [repeat('i', 1025)],
    },
    {
      rule: 'indices takes comma-separated names and * wildcards',
      field: ['indices'],
      valid: ['myindex1,myindex2', '2018-06*', '*', 'logs-*,metrics_2025.01'],
      invalid: [],
    },
    {
      rule: 'indices has no uppercase letters, spaces or "\\<|>/?',
      field: ['indices'],
      valid: [],
      invalid: ['MyIndex', 'my index', '"', '\\', '<', '|', '>', '/', '?'],
    },
  ],
};

export const evs: SeedFacts = {
  api: 'evs',
  source: 'EVS v5 "Creating a Snapshot"',
  method: 'post',
  path: '/v5/{project_id}/snapshots',
  successStatus: '202',
  statuses: ['202', '400'],
  pathParameters: ['project_id'],
  requestFields: [
    { field: 'snapshot', type: 'object', required: true },
    { field: 'snapshot.volume_id', type: 'string', required: false },
    { field: 'snapshot.name', type: 'string', required: false },
    { field: 'snapshot.description', type: 'string', required: false },
    { field: 'snapshot.tags', type: 'object', required: false },
    { field: 'snapshot.enterprise_project_id', type: 'string', required: false },
    { field: 'snapshot.instant_access', type: 'boolean', required: false },
    { field: 'snapshot.incremental', type: 'boolean', required: false },
  ],
  responseFields: [
    { field: 'job_id', type: 'string' },
    { field: 'snapshot_id', type: 'string' },
  ],
  requestExamples: [
    {
      snapshot: {
        volume_id: '2c194dde-7de5-4529-a141-49f48181f411',
        name: 'test_name',
        description: 'test description',
        enterprise_project_id: '94f1ea84-1428-49b6-9920-8a9b8a29e4ca',
      },
    },
  ],
  responseExamples: {
    '202': [{ job_id: 'ee62a0c1e79c4e11be5adc17a49f69ef', snapshot_id: 'bb02c803-55ac-4e84-9c80-60d352199d7d' }],
    '400': [{ error: { message: 'XXXX', code: 'EVS.XXX' } }],
  },
  base: { snapshot: { volume_id: '2c194dde-7de5-4529-a141-49f48181f411', name: 'test_name' } },
  boundaries: [
    {
      rule: 'name has at most 64 characters',
      field: ['snapshot', 'name'],
      valid: ['', repeat('n', 64), repeat('名', 64)],
      invalid: [repeat('n', 65)],
    },
    {
      rule: 'description has at most 85 characters',
      field: ['snapshot', 'description'],
      valid: ['', repeat('d', 85)],
      invalid: [repeat('d', 86)],
    },
    {
      rule: 'volume_id is required (service, recorded deviation) and a hyphenated UUID (indirect evidence, recorded deviation)',
      field: ['snapshot', 'volume_id'],
      valid: ['2c194dde-7de5-4529-a141-49f48181f411'],
      invalid: [undefined, '', 'vol-1'],
    },
    {
      rule: 'enterprise_project_id is 0 (the default) or an enterprise project UUID (the UUID form from the examples, recorded deviation)',
      field: ['snapshot', 'enterprise_project_id'],
      valid: ['0', '94f1ea84-1428-49b6-9920-8a9b8a29e4ca'],
      invalid: ['', '00', 'default', '94f1ea84-1428-49b6-9920-8a9b8a29e4ca0'],
    },
    {
      rule: 'tags map strings to strings, keys of 1 to 128 and values of up to 255 characters (the widest EVS limits, recorded deviation)',
      field: ['snapshot', 'tags'],
      valid: [{}, { env: 'prod' }, { [repeat('k', 128)]: repeat('v', 255) }, { key: '' }],
      invalid: [{ '': 'x' }, { [repeat('k', 129)]: 'x' }, { key: repeat('v', 256) }, { key: 1 }, ['env']],
    },
    {
      rule: 'instant_access is a Boolean',
      field: ['snapshot', 'instant_access'],
      valid: [true, false],
      invalid: ['true', 1, null],
    },
    {
      rule: 'incremental is a Boolean',
      field: ['snapshot', 'incremental'],
      valid: [true, false],
      invalid: ['false', 0, null],
    },
  ],
};

export const seedFacts: SeedFacts[] = [dws, cinder, css, evs];
