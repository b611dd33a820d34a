// tempest 33.0.0 (Debian's python3-tempest) against the Cinder mock: its
// volume snapshots client on every snapshot call. That client holds every
// success answer to tempest's own JSON schemas
// (tempest/lib/api_schema/response/volume/snapshots.py, closed objects,
// `updated_at` required), so each passing answer case is one the schemas
// accept. The requests of tempest's own negative tests
// (tempest/api/volume/test_volumes_snapshots_negative.py) raise the exceptions
// those tests expect, and its waiters run the create and delete lifecycle.
//
// The mock is the shared Cinder Prism of the integration run: Prism keeps no
// state, so these cases cannot disturb the other tests, nor they these.
import type { JsonObject } from '../../support/specs.ts';
import { cinder, drivers, operationCases, realClientSuite, requestLine, type ClientCase } from '../../support/real-clients.ts';

const snapshot_id = cinder.snapshotId;
const key = cinder.metadataKey;
/** tempest hands back the decoded body (an empty one for the deletes). */
const body = (answer: unknown) => answer ?? {};

/** The snapshots of an answer: the one of a create, show or update, or those of a list. */
function snapshotsOf(answer: unknown): JsonObject[] {
  const { snapshot, snapshots } = (answer ?? {}) as { snapshot?: JsonObject; snapshots?: JsonObject[] };
  return snapshot !== undefined ? [snapshot] : (snapshots ?? []);
}

/** tempest.lib.common.rest_client.RestClient._error_checker */
const errorClasses: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  // RateLimitExceeded only when the answer has a Retry-After header and its
  // message does not say "exceed": Cinder's quota message does, and its
  // metadata 413s carry no Retry-After.
  413: 'OverLimit',
  415: 'InvalidContentType',
  500: 'ServerFault',
};

const operations: ClientCase[] = operationCases({
  operations: {
    createVolumeSnapshot: { call: 'create_snapshot', args: cinder.createRequest, parses: body },
    listVolumeSnapshots: { call: 'list_snapshots', args: {}, parses: body },
    listVolumeSnapshotsDetailed: { call: 'list_snapshots', args: { detail: true }, parses: body },
    showVolumeSnapshot: { call: 'show_snapshot', args: { snapshot_id }, parses: body },
    updateVolumeSnapshot: { call: 'update_snapshot', args: { snapshot_id, ...cinder.updateRequest }, parses: body },
    deleteVolumeSnapshot: { call: 'delete_snapshot', args: { snapshot_id }, parses: body },
    showVolumeSnapshotMetadata: { call: 'show_snapshot_metadata', args: { snapshot_id }, parses: body },
    createVolumeSnapshotMetadata: { call: 'create_snapshot_metadata', args: { snapshot_id, metadata: cinder.metadata }, parses: body },
    replaceVolumeSnapshotMetadata: { call: 'update_snapshot_metadata', args: { snapshot_id, metadata: cinder.metadata }, parses: body },
    showVolumeSnapshotMetadataItem: { call: 'show_snapshot_metadata_item', args: { snapshot_id, key }, parses: body },
    updateVolumeSnapshotMetadataItem: {
      call: 'update_snapshot_metadata_item',
      args: { snapshot_id, key, meta: cinder.metadataItem },
      parses: body,
    },
    deleteVolumeSnapshotMetadataItem: { call: 'delete_snapshot_metadata_item', args: { snapshot_id, key }, parses: body },
  },
  raises: (status) => `tempest.lib.exceptions.${errorClasses[status] ?? 'UnexpectedResponseCode'}`,
  // Cinder before 8.0.0 (Mitaka) sent no updated_at; tempest 33's schemas require it, so they
  // refuse the spec's examples of those releases as they would refuse such a cloud.
  // (tempest checks snapshots_links, but never follows it.)
  refuses: (answer) =>
    snapshotsOf(answer).some((snapshot) => !('updated_at' in snapshot))
      ? { because: 'has no updated_at, as before Mitaka', raises: 'tempest.lib.exceptions.InvalidHTTPResponseBody' }
      : undefined,
});

const negativeTestsAndLifecycle: ClientCase[] = [
  {
    name: 'create_snapshot: the documented request with every field',
    call: 'create_snapshot',
    args: cinder.everyField,
    expect: { ok: true, result: { snapshot: cinder.created }, requests: [requestLine('createVolumeSnapshot')] },
  },
  {
    name: 'test_create_snapshot_with_nonexistent_volume_id: NotFound, Prefer code=404',
    call: 'create_snapshot',
    args: { volume_id: '3bb4a8b8-1fd4-4c4b-9b33-6a1a2f2c1e7d', display_name: 'snapshot-negative' },
    prefer: 'code=404',
    expect: { raises: 'tempest.lib.exceptions.NotFound', status: 404, requests: [requestLine('createVolumeSnapshot')] },
  },
  {
    name: 'test_create_snapshot_without_passing_volume_id: volume_id null, NotFound, Prefer code=404',
    call: 'create_snapshot',
    args: { volume_id: null, display_name: 'snapshot-negative' },
    prefer: 'code=404',
    expect: { raises: 'tempest.lib.exceptions.NotFound', status: 404, requests: [requestLine('createVolumeSnapshot')] },
  },
  {
    name: 'test_list_snapshot_invalid_param_limit: the mock itself answers BadRequest',
    call: 'list_snapshots',
    args: { detail: true, limit: 'invalid' },
    expect: { raises: 'tempest.lib.exceptions.BadRequest', status: 400, requests: [`GET ${cinder.base}/snapshots/detail?limit=invalid`] },
  },
  {
    name: 'test_list_snapshots_invalid_param_sort: the mock itself answers BadRequest',
    call: 'list_snapshots',
    args: { detail: true, sort_key: 'invalid' },
    expect: {
      raises: 'tempest.lib.exceptions.BadRequest',
      status: 400,
      requests: [`GET ${cinder.base}/snapshots/detail?sort_key=invalid`],
    },
  },
  {
    name: 'test_list_snapshots_invalid_param_marker: NotFound, Prefer code=404',
    call: 'list_snapshots',
    args: { detail: true, marker: '3bb4a8b8-1fd4-4c4b-9b33-6a1a2f2c1e7d' },
    prefer: 'code=404',
    expect: { raises: 'tempest.lib.exceptions.NotFound', status: 404 },
  },
  {
    name: 'create_snapshot, then waiters.wait_for_volume_resource_status until available',
    call: 'create_and_wait',
    args: { snapshot: cinder.createRequest },
    expect: {
      ok: true,
      result: cinder.created,
      requests: [requestLine('createVolumeSnapshot'), cinder.showCreated],
    },
  },
  {
    name: 'wait_for_volume_resource_status raises VolumeResourceBuildErrorException when the snapshot turns error',
    call: 'create_and_wait',
    args: { snapshot: cinder.createRequest, wait_prefer: 'example=error' },
    expect: { raises: 'tempest.exceptions.VolumeResourceBuildErrorException' },
  },
  {
    name: 'delete_snapshot, then wait_for_resource_deletion until the snapshot answers NotFound',
    call: 'delete_and_wait',
    args: { snapshot_id, wait_prefer: 'code=404' },
    expect: { ok: true, requests: [requestLine('deleteVolumeSnapshot'), requestLine('showVolumeSnapshot')] },
  },
  {
    name: 'show_snapshot without credentials raises Unauthorized',
    call: 'show_snapshot',
    args: { snapshot_id },
    credentials: false,
    expect: { raises: 'tempest.lib.exceptions.Unauthorized', status: 401, requests: [requestLine('showVolumeSnapshot')] },
  },
];

realClientSuite(drivers.tempest, [...operations, ...negativeTestsAndLifecycle]);
