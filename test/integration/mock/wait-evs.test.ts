// The EVS wait helpers against the EVS mock: the mock's named examples
// (`Prefer: example=...`) play a job that is done, under way or failed, and a
// snapshot that is ready, still being created, failed, being deleted or gone.
// Each helper must read them as the vendor's own tool does, polling only
// through the client it is given.
import { describe, expect, it } from 'vitest';
import {
  createClient,
  SnapshotFailedError,
  UnexpectedResponseError,
  waitForSnapshot,
  waitForSnapshotDeletion,
  WaitTimeoutError,
} from '../../../generated/evs/index.ts';
import { sampleCall } from '../../support/calls.ts';
import { printMockLogOnFailure, recordingClient, type RecordingOptions } from '../../support/mocks.ts';

printMockLogOnFailure('evs');

const show = await sampleCall('evs', 'showStandardSnapshot');
const job = await sampleCall('evs', 'showJob');
const { project_id, snapshot_id } = show.pathParams as { project_id: string; snapshot_id: string };
const { job_id } = job.pathParams as { job_id: string };
const created = { project_id, snapshot_id, job_id };
const jobPath = `/v1/${project_id}/jobs/${job_id}`;
const snapshotPath = `/v5/${project_id}/snapshots/${snapshot_id}`;
const fast = { intervalMs: 20 };
const mockClient = (options?: RecordingOptions) => recordingClient(createClient, 'evs', options);

describe('waitForSnapshot', () => {
  it('follows the create call’s job to SUCCESS, then returns the available snapshot (the mock’s defaults)', async () => {
    const { client, sent } = mockClient();
    const { data } = await client.POST('/v5/{project_id}/snapshots', {
      params: { path: { project_id } },
      body: { snapshot: { volume_id: '2c194dde-7de5-4529-a141-49f48181f411' } },
    });
    expect(data).toEqual({ job_id, snapshot_id });
    const ready = await waitForSnapshot(client, { project_id, ...data! }, fast);
    expect(ready.status).toBe('available');
    expect(ready.progress).toBe('100%');
    // One create, then only reads: the helper never repeats a create.
    expect(sent).toEqual([`POST /v5/${project_id}/snapshots`, `GET ${jobPath}`, `GET ${snapshotPath}`]);
  });

  it('keeps polling while the job runs and the snapshot is creating, through the client and its middleware', async () => {
    const { client, sent } = mockClient({
      plan: { [jobPath]: { example: 'running', times: 2 }, [snapshotPath]: { example: 'creating', times: 1 } },
    });
    const ready = await waitForSnapshot(client, created, fast);
    expect(ready.status).toBe('available');
    expect(sent).toEqual([`GET ${jobPath}`, `GET ${jobPath}`, `GET ${jobPath}`, `GET ${snapshotPath}`, `GET ${snapshotPath}`]);
  });

  it('follows only the snapshot when no job is given', async () => {
    const { client, sent } = mockClient({ plan: { [snapshotPath]: { example: 'creating', times: 1 } } });
    const ready = await waitForSnapshot(client, { project_id, snapshot_id }, fast);
    expect(ready.status).toBe('available');
    expect(sent).toEqual([`GET ${snapshotPath}`, `GET ${snapshotPath}`]);
  });

  it('throws SnapshotFailedError with the job’s error code and reason when the job is FAIL', async () => {
    const { client, sent } = mockClient({ plan: { [jobPath]: { example: 'failed', times: 1 } } });
    const failure = waitForSnapshot(client, created, fast);
    await expect(failure).rejects.toBeInstanceOf(SnapshotFailedError);
    await expect(failure).rejects.toMatchObject({
      status: 'FAIL',
      reason: 'EVS.5500: Internal server error.',
      message: expect.stringContaining('status FAIL (EVS.5500: Internal server error.)'),
    });
    expect(sent).toEqual([`GET ${jobPath}`]);
  });

  it('throws SnapshotFailedError when the snapshot turns error after its job', async () => {
    const { client } = mockClient({ plan: { [snapshotPath]: { example: 'error', times: 1 } } });
    await expect(waitForSnapshot(client, created, fast)).rejects.toMatchObject({ name: 'SnapshotFailedError', status: 'error' });
  });

  it('throws WaitTimeoutError with the last status when the time runs out', async () => {
    const { client } = mockClient({ plan: { [jobPath]: { example: 'running', times: Infinity } } });
    const late = waitForSnapshot(client, created, { timeoutMs: 1000, intervalMs: 50 });
    await expect(late).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(late).rejects.toMatchObject({ timeoutMs: 1000, lastStatus: 'RUNNING' });
  });

  it('waits the vendor tool’s delay before its first poll when no interval is given', async () => {
    const { client, sent } = mockClient();
    await expect(waitForSnapshot(client, created, { timeoutMs: 500 })).rejects.toBeInstanceOf(WaitTimeoutError);
    expect(sent).toEqual([]);
  });

  it('stops when the caller aborts, with the reason given', async () => {
    const { client } = mockClient({ plan: { [jobPath]: { example: 'running', times: Infinity } } });
    const controller = new AbortController();
    const waiting = waitForSnapshot(client, created, { intervalMs: 50, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('the user gave up')), 150);
    await expect(waiting).rejects.toThrow('the user gave up');
  });

  it('reports an answer it cannot wait on, such as 401 without credentials', async () => {
    const { client } = mockClient({ token: null });
    const refused = waitForSnapshot(client, created, fast);
    await expect(refused).rejects.toBeInstanceOf(UnexpectedResponseError);
    await expect(refused).rejects.toMatchObject({ response: { status: 401 } });
  });

  it('reports a job the service does not know (400 Common.0011)', async () => {
    const { client } = mockClient();
    const unknown = waitForSnapshot(client, created, { ...fast, headers: { Prefer: 'code=400' } });
    await expect(unknown).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      response: { status: 400 },
      error: { error: { code: 'Common.0011' } },
    });
  });
});

describe('waitForSnapshotDeletion', () => {
  it('resolves once showing the snapshot answers 404', async () => {
    const { client, sent } = mockClient();
    const deleted = await client.DELETE('/v5/{project_id}/snapshots/{snapshot_id}', { params: { path: { project_id, snapshot_id } } });
    expect(deleted.response.status).toBe(202);
    expect(deleted.data?.job_id).toBeDefined();
    await expect(
      waitForSnapshotDeletion(client, { project_id, snapshot_id }, { ...fast, headers: { Prefer: 'code=404' } }),
    ).resolves.toBeUndefined();
    expect(sent).toEqual([`DELETE ${snapshotPath}`, `GET ${snapshotPath}`]);
  });

  it('keeps polling while the snapshot is deleting, and times out if it never goes', async () => {
    const { client, sent } = mockClient({ plan: { [snapshotPath]: { example: 'deleting', times: Infinity } } });
    const late = waitForSnapshotDeletion(client, { project_id, snapshot_id }, { timeoutMs: 1000, intervalMs: 40 });
    await expect(late).rejects.toMatchObject({ name: 'WaitTimeoutError', lastStatus: 'deleting' });
    expect(sent.length).toBeGreaterThan(1);
  });

  it('throws SnapshotFailedError when the deletion fails (error_deleting)', async () => {
    const { client } = mockClient({ plan: { [snapshotPath]: { example: 'errorDeleting', times: 1 } } });
    await expect(waitForSnapshotDeletion(client, { project_id, snapshot_id }, fast)).rejects.toMatchObject({
      name: 'SnapshotFailedError',
      status: 'error_deleting',
    });
  });

  it('waits the vendor tool’s delay before its first poll when no interval is given', async () => {
    const { client, sent } = mockClient();
    await expect(waitForSnapshotDeletion(client, { project_id, snapshot_id }, { timeoutMs: 500 })).rejects.toBeInstanceOf(WaitTimeoutError);
    expect(sent).toEqual([]);
  });

  it('reports an answer it cannot wait on, such as 401 without credentials', async () => {
    const { client } = mockClient({ token: null });
    await expect(waitForSnapshotDeletion(client, { project_id, snapshot_id }, fast)).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      response: { status: 401 },
    });
  });
});
