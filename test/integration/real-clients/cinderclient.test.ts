// python-cinderclient 9.1.0 (Debian's python3-cinderclient) against the Cinder
// mock. 9.x has only its v3 client; at API version 3.0 it sends plain v2
// requests, through a keystoneauth session pointed at the mock's
// /v2/<tenant_id>. Its snapshot calls: create (always all five fields), get,
// list (detailed by default), update, delete and the metadata calls, and the
// exception it raises for each documented status.
//
// The mock is the shared Cinder Prism of the integration run: Prism keeps no
// state, so these cases cannot disturb the other tests, nor they these.
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

const snapshot_id = cinder.snapshotId;
const key = cinder.metadataKey;
const body = (answer: unknown) => answer as JsonObject;
/** cinderclient keeps a snapshot's attributes as the service sent them. */
const snapshot = (answer: unknown) => body(answer)['snapshot'];
const snapshots = (answer: unknown) => body(answer)['snapshots'];

const operations: ClientCase[] = operationCases({
  operations: {
    createVolumeSnapshot: { call: 'create', args: cinder.createRequest, parses: snapshot },
    listVolumeSnapshots: { call: 'list', args: { detailed: false }, parses: snapshots },
    // list() asks for the details unless told otherwise.
    listVolumeSnapshotsDetailed: { call: 'list', args: {}, parses: snapshots },
    showVolumeSnapshot: { call: 'get', args: { snapshot_id }, parses: snapshot },
    // update and update_all_metadata hand back the body itself.
    updateVolumeSnapshot: { call: 'update', args: { snapshot_id, ...cinder.updateRequest }, parses: body },
    deleteVolumeSnapshot: { call: 'delete', args: { snapshot_id }, parses: () => null },
    createVolumeSnapshotMetadata: {
      call: 'set_metadata',
      args: { snapshot_id, metadata: cinder.metadata },
      parses: (answer) => body(answer)['metadata'],
    },
    replaceVolumeSnapshotMetadata: { call: 'update_all_metadata', args: { snapshot_id, metadata: cinder.metadata }, parses: body },
    deleteVolumeSnapshotMetadataItem: { call: 'delete_metadata', args: { snapshot_id, keys: [key] }, parses: () => [] },
  },
  // cinderclient.exceptions.from_response: a class for 400, 401, 403, 404 and 413, the base class for the rest.
  raises: (status) =>
    `cinderclient.exceptions.${{ 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 413: 'OverLimit' }[status] ?? 'ClientException'}`,
  refuses: followsNextLink,
});

const clientShapes: ClientCase[] = [
  {
    name: 'create sends its five fields, null for those not given',
    call: 'create',
    args: { volume_id: cinder.createRequest['volume_id'] },
    expect: { ok: true, result: cinder.created, requests: [requestLine('createVolumeSnapshot')] },
  },
  {
    name: 'create: the documented request with every field',
    call: 'create',
    args: cinder.everyField,
    expect: { ok: true, result: cinder.created, requests: [requestLine('createVolumeSnapshot')] },
  },
  {
    name: 'delete_metadata deletes each key with a request of its own',
    call: 'delete_metadata',
    args: { snapshot_id, keys: [key, 'another'] },
    expect: {
      ok: true,
      result: [],
      requests: [requestLine('deleteVolumeSnapshotMetadataItem'), `DELETE ${cinder.base}/snapshots/${snapshot_id}/metadata/another`],
    },
  },
  {
    name: 'get without credentials raises Unauthorized',
    call: 'get',
    args: { snapshot_id },
    credentials: false,
    expect: { raises: 'cinderclient.exceptions.Unauthorized', status: 401, requests: [requestLine('showVolumeSnapshot')] },
  },
];

realClientSuite(drivers.cinderclient, [...operations, ...clientShapes]);
