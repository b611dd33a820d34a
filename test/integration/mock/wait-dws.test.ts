// The DWS wait helpers against the DWS mock: the mock's named examples
// (`Prefer: example=...`) play a snapshot that is done, still being created or
// failed, and `Prefer: code=...` the answers DWS gives for a snapshot that is
// gone (400 DWS.5149) or for an API that does not exist (404 APIGW.0101). Each
// helper must read them as the vendor's own tool does, polling only through the
// client it is given.
import { describe, expect, it } from 'vitest';
import {
  createClient,
  SnapshotFailedError,
  UnexpectedResponseError,
  waitForSnapshot,
  waitForSnapshotDeletion,
  WaitTimeoutError,
} from '../../../generated/dws/index.ts';
import { sampleCall } from '../../support/calls.ts';
import { printMockLogOnFailure, recordingClient, type RecordingOptions } from '../../support/mocks.ts';

printMockLogOnFailure('dws');

const show = await sampleCall('dws', 'showSnapshot');
const snapshot = show.pathParams as { project_id: string; snapshot_id: string };
const path = `/v1.0/${snapshot.project_id}/snapshots/${snapshot.snapshot_id}`;
const fast = { intervalMs: 20 };
const mockClient = (options?: RecordingOptions) => recordingClient(createClient, 'dws', options);
const gone = { Prefer: 'code=400, example=snapshotNotFound' };

describe('waitForSnapshot', () => {
  it('returns the snapshot once the service shows it AVAILABLE (the mock answers so by default)', async () => {
    const { client, sent } = mockClient();
    const created = await client.POST('/v1.0/{project_id}/snapshots', {
      params: { path: { project_id: snapshot.project_id } },
      body: { snapshot: { name: 'snapshot-3', cluster_id: '44b277eb-39be-4921-be31-3d61b43651d7' } },
    });
    expect(created.data?.snapshot.id).toBe(snapshot.snapshot_id);
    const ready = await waitForSnapshot(client, snapshot, fast);
    expect(ready.status).toBe('AVAILABLE');
    expect(ready.finished).toBe('2025-08-06T04:01:40');
    // One create, then only reads: the helper never repeats a create.
    expect(sent).toEqual([`POST /v1.0/${snapshot.project_id}/snapshots`, `GET ${path}`]);
  });

  it('keeps polling while the snapshot is CREATING, through the client and its middleware', async () => {
    // The first two polls see the snapshot still being created.
    const { client, sent } = mockClient({ plan: { [path]: { example: 'creating', times: 2 } } });
    const ready = await waitForSnapshot(client, snapshot, fast);
    expect(ready.status).toBe('AVAILABLE');
    expect(sent).toHaveLength(3);
  });

  it('throws SnapshotFailedError with the status when the snapshot turns UNAVAILABLE', async () => {
    const { client } = mockClient();
    const failure = waitForSnapshot(client, snapshot, { ...fast, headers: { Prefer: 'example=unavailable' } });
    await expect(failure).rejects.toBeInstanceOf(SnapshotFailedError);
    await expect(failure).rejects.toMatchObject({
      status: 'UNAVAILABLE',
      reason: undefined,
      message: expect.stringContaining('status UNAVAILABLE'),
    });
  });

  it('throws WaitTimeoutError with the last status when the time runs out', async () => {
    const { client } = mockClient();
    const late = waitForSnapshot(client, snapshot, { timeoutMs: 1000, intervalMs: 50, headers: { Prefer: 'example=creating' } });
    await expect(late).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(late).rejects.toMatchObject({ timeoutMs: 1000, lastStatus: 'CREATING' });
  });

  it("waits Terraform's 30 s before the first poll unless given an interval", async () => {
    const { client, sent } = mockClient();
    const controller = new AbortController();
    const waiting = waitForSnapshot(client, snapshot, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 200);
    await expect(waiting).rejects.toThrow('stop');
    expect(sent).toEqual([]);
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

  it('reports a snapshot that does not exist (400 DWS.5149) instead of waiting on', async () => {
    const { client } = mockClient();
    const missing = waitForSnapshot(client, snapshot, { ...fast, headers: gone });
    await expect(missing).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      response: { status: 400 },
      error: { error_code: 'DWS.5149' },
    });
  });
});

describe('waitForSnapshotDeletion', () => {
  it("resolves once showing the snapshot answers the service's not-found, 400 DWS.5149", async () => {
    const { client, sent } = mockClient();
    const deleted = await client.DELETE('/v1.0/{project_id}/snapshots/{snapshot_id}', { params: { path: snapshot } });
    expect(deleted.response.ok).toBe(true);
    await expect(waitForSnapshotDeletion(client, snapshot, { ...fast, headers: gone })).resolves.toBeUndefined();
    expect(sent).toEqual([`DELETE ${path}`, `GET ${path}`]);
  });

  it('keeps polling while the snapshot still shows, and times out if it never goes', async () => {
    const { client, sent } = mockClient();
    const late = waitForSnapshotDeletion(client, snapshot, { timeoutMs: 1000, intervalMs: 40 });
    await expect(late).rejects.toMatchObject({ name: 'WaitTimeoutError', lastStatus: 'AVAILABLE' });
    expect(sent.length).toBeGreaterThan(1);
  });

  it('does not take another 400 for the end of the snapshot', async () => {
    const { client } = mockClient();
    const refused = waitForSnapshotDeletion(client, snapshot, { ...fast, headers: { Prefer: 'code=400, example=invalidParameter' } });
    await expect(refused).rejects.toMatchObject({ name: 'UnexpectedResponseError', error: { error_code: 'DWS.0001' } });
  });

  it("does not take the API gateway's 404 (no such API) for a deleted snapshot", async () => {
    const { client } = mockClient();
    const refused = waitForSnapshotDeletion(client, snapshot, { ...fast, headers: { Prefer: 'code=404' } });
    await expect(refused).rejects.toMatchObject({ name: 'UnexpectedResponseError', error: { error_code: 'APIGW.0101' } });
  });

  it('fails on a service error while polling, such as 500', async () => {
    const { client } = mockClient();
    const failed = waitForSnapshotDeletion(client, snapshot, { ...fast, headers: { Prefer: 'code=500' } });
    await expect(failed).rejects.toMatchObject({ name: 'UnexpectedResponseError', response: { status: 500 } });
  });

  it('stops when the caller aborts', async () => {
    const { client } = mockClient();
    const controller = new AbortController();
    const waiting = waitForSnapshotDeletion(client, snapshot, { intervalMs: 50, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('enough')), 150);
    await expect(waiting).rejects.toThrow('enough');
  });
});
