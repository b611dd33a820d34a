// The CSS wait helpers against the CSS mock. CSS tells a snapshot's state only
// through the cluster's snapshot list, and the mock's named list examples
// (`Prefer: example=...`) play the new snapshot built, still building, failed,
// partly failed, or the cluster without it. Each helper must read them as the
// vendor's Terraform provider does, polling only through the client it is given.
import { describe, expect, it } from 'vitest';
import {
  createClient,
  SnapshotFailedError,
  SnapshotMissingError,
  UnexpectedResponseError,
  waitForSnapshot,
  waitForSnapshotDeletion,
  WaitTimeoutError,
} from '../../../generated/css/index.ts';
import { sampleCall } from '../../support/calls.ts';
import { printMockLogOnFailure, recordingClient, type RecordingOptions } from '../../support/mocks.ts';

printMockLogOnFailure('css');

const list = await sampleCall('css', 'listIndexSnapshots');
const remove = await sampleCall('css', 'deleteIndexSnapshot');
const { project_id, cluster_id } = list.pathParams as { project_id: string; cluster_id: string };
/** The ID the mock's create answers with by default, which its default list shows COMPLETED. */
const NEW_SNAPSHOT = '9dc4f5c9-33c0-45c7-9378-ae35ae350682';
const created = { project_id, cluster_id, snapshot_id: NEW_SNAPSHOT };
const deleted = remove.pathParams as { project_id: string; cluster_id: string; snapshot_id: string };
const listPath = `GET /v1.0/${project_id}/clusters/${cluster_id}/index_snapshots`;
const fast = { intervalMs: 20 };
const mockClient = (options?: RecordingOptions) => recordingClient(createClient, 'css', options);

describe('waitForSnapshot', () => {
  it('returns the list entry once the snapshot is COMPLETED (the mock answers so by default)', async () => {
    const { client, sent } = mockClient();
    const create = await client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', {
      params: { path: { project_id, cluster_id } },
      body: { name: 'snapshot_101', indices: 'myindex1,myindex2' },
    });
    expect(create.data?.backup.id).toBe(NEW_SNAPSHOT);
    const ready = await waitForSnapshot(client, { project_id, cluster_id, snapshot_id: create.data!.backup.id }, fast);
    expect(ready).toMatchObject({ id: NEW_SNAPSHOT, status: 'COMPLETED', failedShards: 0 });
    // One create, then only the list: the helper never repeats a create.
    expect(sent).toEqual([`POST /v1.0/${project_id}/clusters/${cluster_id}/index_snapshot`, listPath]);
  });

  it('keeps polling while the snapshot is BUILDING, through the client and its middleware', async () => {
    // The first two polls see the snapshot still being built.
    const { client, sent } = mockClient({
      plan: { [`/v1.0/${project_id}/clusters/${cluster_id}/index_snapshots`]: { example: 'building', times: 2 } },
    });
    const ready = await waitForSnapshot(client, created, fast);
    expect(ready.status).toBe('COMPLETED');
    expect(sent).toHaveLength(3);
  });

  it('throws SnapshotFailedError with the status and the failed shards when the snapshot is FAILED', async () => {
    const { client } = mockClient();
    const failure = waitForSnapshot(client, created, { ...fast, headers: { Prefer: 'example=failed' } });
    await expect(failure).rejects.toBeInstanceOf(SnapshotFailedError);
    await expect(failure).rejects.toMatchObject({ status: 'FAILED', reason: '10 of 10 shards failed', body: { id: NEW_SNAPSHOT } });
  });

  it('throws SnapshotFailedError when the snapshot is only PART_FAILED', async () => {
    const { client } = mockClient();
    await expect(waitForSnapshot(client, created, { ...fast, headers: { Prefer: 'example=partFailed' } })).rejects.toMatchObject({
      name: 'SnapshotFailedError',
      status: 'PART_FAILED',
      reason: '3 of 10 shards failed',
    });
  });

  it('throws SnapshotMissingError when the list does not hold the snapshot', async () => {
    const { client } = mockClient();
    const missing = waitForSnapshot(client, created, { ...fast, headers: { Prefer: 'example=noSnapshots' } });
    await expect(missing).rejects.toBeInstanceOf(SnapshotMissingError);
    await expect(missing).rejects.toMatchObject({ snapshot: created, body: { backups: [] } });
  });

  it('throws WaitTimeoutError with the last status when the time runs out', async () => {
    const { client } = mockClient();
    const late = waitForSnapshot(client, created, { timeoutMs: 1000, intervalMs: 50, headers: { Prefer: 'example=building' } });
    await expect(late).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(late).rejects.toMatchObject({ timeoutMs: 1000, lastStatus: 'BUILDING' });
  });

  it('stops when the caller aborts, with the reason given', async () => {
    const { client } = mockClient();
    const controller = new AbortController();
    const waiting = waitForSnapshot(client, created, {
      intervalMs: 50,
      signal: controller.signal,
      headers: { Prefer: 'example=building' },
    });
    setTimeout(() => controller.abort(new Error('the user gave up')), 150);
    await expect(waiting).rejects.toThrow('the user gave up');
  });

  it('waits before its first poll by default, as Terraform does', async () => {
    const { client, sent } = mockClient();
    const controller = new AbortController();
    const waiting = waitForSnapshot(client, created, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped during the first delay')), 300);
    await expect(waiting).rejects.toThrow('stopped during the first delay');
    expect(sent).toEqual([]);
  });

  it('reports an answer it cannot wait on, such as 401 without credentials', async () => {
    const { client } = mockClient({ token: null });
    const refused = waitForSnapshot(client, created, fast);
    await expect(refused).rejects.toBeInstanceOf(UnexpectedResponseError);
    await expect(refused).rejects.toMatchObject({ response: { status: 401 } });
  });
});

describe('waitForSnapshotDeletion', () => {
  it('resolves once the list no longer holds the snapshot', async () => {
    const { client, sent } = mockClient();
    const removed = await client.DELETE('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot/{snapshot_id}', {
      params: { path: deleted },
    });
    expect(removed.response.status).toBe(200);
    await expect(
      waitForSnapshotDeletion(client, deleted, { ...fast, headers: { Prefer: 'example=noSnapshots' } }),
    ).resolves.toBeUndefined();
    expect(sent).toEqual([`DELETE /v1.0/${project_id}/clusters/${cluster_id}/index_snapshot/${deleted.snapshot_id}`, listPath]);
  });

  it('resolves when the cluster itself is gone (403 CSS.0015), as Terraform reads it', async () => {
    const { client } = mockClient();
    await expect(waitForSnapshotDeletion(client, deleted, { ...fast, headers: { Prefer: 'code=403' } })).resolves.toBeUndefined();
  });

  it('keeps polling while the snapshot is listed, and times out if it never goes', async () => {
    const { client, sent } = mockClient();
    const late = waitForSnapshotDeletion(client, deleted, { timeoutMs: 1000, intervalMs: 40 });
    await expect(late).rejects.toMatchObject({ name: 'WaitTimeoutError', lastStatus: 'COMPLETED' });
    expect(sent.length).toBeGreaterThan(1);
  });

  it('fails with UnexpectedResponseError when the list call fails', async () => {
    const { client } = mockClient();
    const failure = waitForSnapshotDeletion(client, deleted, { ...fast, headers: { Prefer: 'code=500' } });
    await expect(failure).rejects.toBeInstanceOf(UnexpectedResponseError);
    await expect(failure).rejects.toMatchObject({ response: { status: 500 }, error: { errCode: 'CSS.9999' } });
  });
});
