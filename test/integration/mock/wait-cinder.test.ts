// The Cinder wait helpers against the Cinder mock: the mock's named examples
// (`Prefer: example=...`) play a snapshot that is done, still being created,
// failed, being deleted or gone, and each helper must read them as Cinder's own
// clients do, polling only through the client it is given.
import { describe, expect, it } from 'vitest';
import {
  createClient,
  SnapshotFailedError,
  UnexpectedResponseError,
  waitForSnapshot,
  waitForSnapshotDeletion,
  WaitTimeoutError,
} from '../../../generated/cinder/index.ts';
import { sampleCall } from '../../support/calls.ts';
import { printMockLogOnFailure, recordingClient, type RecordingOptions } from '../../support/mocks.ts';

printMockLogOnFailure('cinder');

const show = await sampleCall('cinder', 'showVolumeSnapshot');
const snapshot = show.pathParams as { tenant_id: string; snapshot_id: string };
const fast = { intervalMs: 20 };
const mockClient = (options?: RecordingOptions) => recordingClient(createClient, 'cinder', options);

describe('waitForSnapshot', () => {
  it('returns the snapshot once the service shows it available (the mock answers so by default)', async () => {
    const { client, sent } = mockClient();
    const created = await client.POST('/v2/{tenant_id}/snapshots', {
      params: { path: { tenant_id: snapshot.tenant_id } },
      body: { snapshot: { volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635' } },
    });
    expect(created.data?.snapshot.status).toBe('creating');
    const ready = await waitForSnapshot(client, snapshot, fast);
    expect(ready.status).toBe('available');
    expect(ready['os-extended-snapshot-attributes:progress']).toBe('100%');
    // One create, then only reads: the helper never repeats a create.
    expect(sent).toEqual([`POST /v2/${snapshot.tenant_id}/snapshots`, `GET /v2/${snapshot.tenant_id}/snapshots/${snapshot.snapshot_id}`]);
  });

  it('keeps polling while the snapshot is creating, through the client and its middleware', async () => {
    // The first two polls see the snapshot still being created.
    const { client, sent } = mockClient({
      plan: { [`/v2/${snapshot.tenant_id}/snapshots/${snapshot.snapshot_id}`]: { example: 'creating', times: 2 } },
    });
    const ready = await waitForSnapshot(client, snapshot, fast);
    expect(ready.status).toBe('available');
    expect(sent).toHaveLength(3);
  });

  it('throws SnapshotFailedError with the status when the snapshot turns error', async () => {
    const { client } = mockClient();
    const failure = waitForSnapshot(client, snapshot, { ...fast, headers: { Prefer: 'example=error' } });
    await expect(failure).rejects.toBeInstanceOf(SnapshotFailedError);
    await expect(failure).rejects.toMatchObject({ status: 'error', message: expect.stringContaining('status error') });
  });

  it('throws WaitTimeoutError with the last status when the time runs out', async () => {
    const { client } = mockClient();
    const late = waitForSnapshot(client, snapshot, { timeoutMs: 1000, intervalMs: 50, headers: { Prefer: 'example=creating' } });
    await expect(late).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(late).rejects.toMatchObject({ timeoutMs: 1000, lastStatus: 'creating' });
  });

  it('stops when the caller aborts, with the reason given', async () => {
    const { client } = mockClient();
    const controller = new AbortController();
    const waiting = waitForSnapshot(client, snapshot, {
      intervalMs: 50,
      signal: controller.signal,
      headers: { Prefer: 'example=creating' },
    });
    setTimeout(() => controller.abort(new Error('the user gave up')), 150);
    await expect(waiting).rejects.toThrow('the user gave up');
  });

  it('reports an answer it cannot wait on, such as 401 without credentials', async () => {
    const { client } = mockClient({ token: null });
    const refused = waitForSnapshot(client, snapshot, fast);
    await expect(refused).rejects.toBeInstanceOf(UnexpectedResponseError);
    await expect(refused).rejects.toMatchObject({ response: { status: 401 } });
  });
});

describe('waitForSnapshotDeletion', () => {
  it('resolves once showing the snapshot answers 404', async () => {
    const { client, sent } = mockClient();
    const deleted = await client.DELETE('/v2/{tenant_id}/snapshots/{snapshot_id}', { params: { path: snapshot } });
    expect(deleted.response.status).toBe(202);
    await expect(waitForSnapshotDeletion(client, snapshot, { ...fast, headers: { Prefer: 'code=404' } })).resolves.toBeUndefined();
    expect(sent).toEqual([
      `DELETE /v2/${snapshot.tenant_id}/snapshots/${snapshot.snapshot_id}`,
      `GET /v2/${snapshot.tenant_id}/snapshots/${snapshot.snapshot_id}`,
    ]);
  });

  it('keeps polling while the snapshot is deleting, and times out if it never goes', async () => {
    const { client, sent } = mockClient();
    const late = waitForSnapshotDeletion(client, snapshot, { timeoutMs: 1000, intervalMs: 40, headers: { Prefer: 'example=deleting' } });
    await expect(late).rejects.toMatchObject({ name: 'WaitTimeoutError', lastStatus: 'deleting' });
    expect(sent.length).toBeGreaterThan(1);
  });

  it('throws SnapshotFailedError when the deletion fails (error_deleting)', async () => {
    const { client } = mockClient();
    await expect(
      waitForSnapshotDeletion(client, snapshot, { ...fast, headers: { Prefer: 'example=errorDeleting' } }),
    ).rejects.toMatchObject({
      name: 'SnapshotFailedError',
      status: 'error_deleting',
    });
  });

  it('throws SnapshotFailedError when Cinder keeps the snapshot (back to available)', async () => {
    const { client } = mockClient();
    await expect(waitForSnapshotDeletion(client, snapshot, fast)).rejects.toMatchObject({
      name: 'SnapshotFailedError',
      status: 'available',
    });
  });
});
