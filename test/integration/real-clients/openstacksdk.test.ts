// openstacksdk 0.101.0 (Debian's python3-openstacksdk), its Block Storage v2
// proxy, against the Cinder mock: every call it makes for a snapshot, the
// lifecycle its users write (create, wait for `available`, read, list, delete,
// wait until gone), and the exception it raises for each documented status.
//
// The mock is the shared Cinder Prism of the integration run
// (test/integration/mock/global-setup.ts): Prism keeps no state, so these cases
// cannot disturb the other tests, nor they these.
import { expect } from 'vitest';
import type { JsonObject } from '../../support/specs.ts';
import {
  cinder,
  drivers,
  followsNextLink,
  operationCases,
  realClientSuite,
  requestLine,
  type ClientCase,
} from '../../support/real-clients.ts';

/** What the SDK makes of a snapshot: its own attribute names, `force` as is_forced, nothing else. */
function parsed(snapshot: unknown) {
  const { id, name, description, created_at, size, status, volume_id, metadata, force } = snapshot as JsonObject;
  return { id, name, description, created_at, size, status, volume_id, metadata, is_forced: force ?? null };
}

/** The SDK names the request's `force` is_forced. */
function createArguments({ force, ...rest }: JsonObject) {
  return force === undefined ? rest : { ...rest, is_forced: force };
}

/** After a create the SDK's resource holds the answer, and the `force` it sent (no answer carries it). */
const afterCreate = (sent: JsonObject, snapshot: unknown) => ({ ...parsed(snapshot), is_forced: sent['force'] ?? null });

const snapshot_id = cinder.snapshotId;
const key = cinder.metadataKey;
const body = (answer: unknown) => answer as JsonObject;
const HttpException = 'openstack.exceptions.HttpException';

const operations: ClientCase[] = operationCases({
  operations: {
    createVolumeSnapshot: {
      call: 'create_snapshot',
      args: createArguments(cinder.createRequest),
      parses: (answer) => afterCreate(cinder.createRequest, body(answer)['snapshot']),
    },
    listVolumeSnapshots: {
      call: 'snapshots',
      args: { details: false },
      parses: (answer) => (body(answer)['snapshots'] as unknown[]).map(parsed),
    },
    listVolumeSnapshotsDetailed: {
      call: 'snapshots',
      args: { details: true },
      parses: (answer) => (body(answer)['snapshots'] as unknown[]).map(parsed),
    },
    showVolumeSnapshot: { call: 'get_snapshot', args: { snapshot_id }, parses: (answer) => parsed(body(answer)['snapshot']) },
    // ignore_missing=False, so that a 404 is raised (the default ignores it: see below).
    deleteVolumeSnapshot: { call: 'delete_snapshot', args: { snapshot_id, ignore_missing: false }, parses: () => null },
    showVolumeSnapshotMetadata: { call: 'get_snapshot_metadata', args: { snapshot_id }, parses: (answer) => body(answer)['metadata'] },
    // The SDK keeps the metadata it sent; it does not read the answer.
    createVolumeSnapshotMetadata: {
      call: 'set_snapshot_metadata',
      args: { snapshot_id, metadata: cinder.metadata },
      parses: () => cinder.metadata,
    },
    // delete_snapshot_metadata without keys replaces the metadata with {}.
    replaceVolumeSnapshotMetadata: { call: 'delete_snapshot_metadata', args: { snapshot_id }, parses: () => null },
    showVolumeSnapshotMetadataItem: {
      call: 'get_metadata_item',
      args: { snapshot_id, key },
      parses: (answer) => ({ [key]: (body(answer)['meta'] as JsonObject)[key] }),
    },
    updateVolumeSnapshotMetadataItem: {
      call: 'set_metadata_item',
      args: { snapshot_id, key, value: cinder.metadataItem[key] },
      parses: () => ({ [key]: cinder.metadataItem[key] }),
    },
    deleteVolumeSnapshotMetadataItem: { call: 'delete_snapshot_metadata', args: { snapshot_id, keys: [key] }, parses: () => null },
  },
  // openstack.exceptions.raise_from_response: 0.101.0 has no class of its own for 401, 403, 413, 415 or 500.
  raises: (status) =>
    status === 400 ? 'openstack.exceptions.BadRequestException' : status === 404 ? 'openstack.exceptions.ResourceNotFound' : HttpException,
  refuses: followsNextLink,
});

const lifecycle: ClientCase[] = [
  {
    name: 'create_snapshot: the documented request with every field',
    call: 'create_snapshot',
    args: createArguments(cinder.everyField),
    expect: { ok: true, result: afterCreate(cinder.everyField, cinder.created), requests: [requestLine('createVolumeSnapshot')] },
  },
  {
    name: 'create_snapshot, then wait_for_status until available',
    call: 'create_and_wait',
    args: { snapshot: createArguments(cinder.createRequest) },
    expect: {
      ok: true,
      result: afterCreate(cinder.createRequest, cinder.shown),
      requests: [requestLine('createVolumeSnapshot'), cinder.showCreated],
    },
  },
  {
    name: 'wait_for_status raises ResourceFailure when the snapshot turns error',
    call: 'create_and_wait',
    args: { snapshot: createArguments(cinder.createRequest), wait_prefer: 'example=error' },
    expect: { raises: 'openstack.exceptions.ResourceFailure' },
  },
  {
    name: 'delete_snapshot, then wait_for_delete until the snapshot answers 404',
    call: 'delete_and_wait',
    args: { snapshot_id, wait_prefer: 'code=404' },
    expect: { ok: true, requests: [requestLine('deleteVolumeSnapshot'), requestLine('showVolumeSnapshot')] },
  },
  {
    name: 'delete_snapshot ignores a snapshot already gone by default',
    call: 'delete_snapshot',
    args: { snapshot_id },
    prefer: 'code=404',
    expect: { ok: true, result: null, requests: [requestLine('deleteVolumeSnapshot')] },
  },
  {
    name: 'get_snapshot without credentials raises HttpException 401',
    call: 'get_snapshot',
    args: { snapshot_id },
    credentials: false,
    expect: { raises: HttpException, status: 401, requests: [requestLine('showVolumeSnapshot')] },
  },
  {
    name: 'snapshots reads the first page of a generated answer, paginated=False',
    call: 'snapshots',
    args: { details: true, paginated: false },
    prefer: 'dynamic=true',
    expect: { ok: true, result: expect.arrayContaining([]), requests: [requestLine('listVolumeSnapshotsDetailed')] },
  },
];

realClientSuite(drivers.openstacksdk, [...operations, ...lifecycle]);
