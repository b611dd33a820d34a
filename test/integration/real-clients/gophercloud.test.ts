// gophercloud v0.12.0 (Debian's golang-github-gophercloud-gophercloud-dev),
// its Block Storage v2 snapshots package, against the Cinder mock: Create, Get,
// List, UpdateMetadata, Delete and WaitForStatus, and the error type it returns
// for each documented status. gophercloud parses times with Cinder's own
// layout (no offset, up to six fractional digits) and fails on anything else,
// so each parsed answer also holds the spec's timestamps to that layout.
//
// The mock is the shared Cinder Prism of the integration run: Prism keeps no
// state, so these cases cannot disturb the other tests, nor they these.
import type { JsonObject } from '../../support/specs.ts';
import { cinder, drivers, operationCases, realClientSuite, requestLine, type ClientCase } from '../../support/real-clients.ts';

/** What gophercloud parses into its Snapshot struct: a null name or description becomes "". */
function parsed(snapshot: unknown) {
  const { id, name, description, volume_id, status, size, metadata, created_at, updated_at } = snapshot as JsonObject;
  return {
    id,
    name: name ?? '',
    description: description ?? '',
    volume_id,
    status,
    size,
    metadata,
    created_at,
    updated_at: updated_at ?? null,
  };
}

const snapshot_id = cinder.snapshotId;
const body = (answer: unknown) => answer as JsonObject;

const operations: ClientCase[] = operationCases({
  operations: {
    // CreateOpts has the request's own JSON names.
    createVolumeSnapshot: { call: 'Create', args: cinder.createRequest, parses: (answer) => parsed(body(answer)['snapshot']) },
    // List reads the summary list only, and never follows snapshots_links.
    listVolumeSnapshots: { call: 'List', args: {}, parses: (answer) => (body(answer)['snapshots'] as unknown[]).map(parsed) },
    showVolumeSnapshot: { call: 'Get', args: { snapshot_id }, parses: (answer) => parsed(body(answer)['snapshot']) },
    replaceVolumeSnapshotMetadata: {
      call: 'UpdateMetadata',
      args: { snapshot_id, metadata: cinder.metadata },
      parses: (answer) => body(answer)['metadata'],
    },
    deleteVolumeSnapshot: { call: 'Delete', args: { snapshot_id }, parses: () => null },
  },
  // provider_client.go: its own types for 400, 401, 403, 404 and 500 (and 405, 408, 409, 429, 503); the plain one otherwise.
  raises: (status) => `gophercloud.${[400, 401, 403, 404, 500].includes(status) ? `ErrDefault${status}` : 'ErrUnexpectedResponseCode'}`,
});

const lifecycle: ClientCase[] = [
  {
    name: 'Create: the documented request with every field',
    call: 'Create',
    args: cinder.everyField,
    expect: { ok: true, result: parsed(cinder.created), requests: [requestLine('createVolumeSnapshot')] },
  },
  {
    name: 'Create, then WaitForStatus until available',
    call: 'CreateAndWait',
    args: { snapshot: cinder.createRequest },
    expect: {
      ok: true,
      result: parsed(cinder.created),
      requests: [requestLine('createVolumeSnapshot'), cinder.showCreated],
    },
  },
  {
    name: 'UpdateMetadata with no items sends an empty body, which the mock refuses as Cinder does, ErrDefault400',
    call: 'UpdateMetadata',
    args: { snapshot_id, metadata: {} },
    expect: { raises: 'gophercloud.ErrDefault400', status: 400, requests: [requestLine('replaceVolumeSnapshotMetadata')] },
  },
  {
    name: 'Get without credentials returns ErrDefault401',
    call: 'Get',
    args: { snapshot_id },
    credentials: false,
    expect: { raises: 'gophercloud.ErrDefault401', status: 401, requests: [requestLine('showVolumeSnapshot')] },
  },
];

realClientSuite(drivers.gophercloud, [...operations, ...lifecycle]);
