// Waiting on EVS v5 standard snapshots. EVS tells completion through the job
// that the create call returns: query the job until it is SUCCESS (done) or
// FAIL (failed, with the job's error code and reason), then read the snapshot
// until it is available. A deletion is over when showing the snapshot answers
// 404; that is how the vendor's Terraform provider waits for it (it does not
// follow the delete's job). The defaults are that provider's
// (huaweicloud_evsv5_snapshot): creation 10 min, the first poll after 5 s, then
// every 10 s; deletion 3 min, the first poll after 10 s, then every 10 s.
import type { EvsClient } from '../../generated/evs/index.js';
import { jobStatusOutcomes, snapshotStatusOutcomes } from '../../generated/evs/statuses.js';
import type { components } from '../../generated/evs/types.js';
import {
  judgeGone,
  judgeShown,
  judgeStatus,
  notFound,
  pollUntil,
  UnexpectedResponseError,
  type PollInit,
  type WaitOptions,
} from '../shared/wait.js';

export { SnapshotFailedError, UnexpectedResponseError, WaitTimeoutError, type WaitOptions } from '../shared/wait.js';

export type SnapshotStatus = components['schemas']['SnapshotStatus'];
export type JobStatus = components['schemas']['JobStatus'];
export type StandardSnapshot = components['schemas']['StandardSnapshot'];
export type Job = components['schemas']['Job'];

/** Where the snapshot is: its project and ID. */
export interface SnapshotRef {
  project_id: string;
  snapshot_id: string;
}

/** A snapshot being created: its project, its ID and the job that creates it, as the create call answers them. */
export interface CreatedSnapshotRef extends SnapshotRef {
  /** The create call's job; without it, only the snapshot's own status is followed. */
  job_id?: string;
}

const CREATE_DEFAULTS = { timeoutMs: 600_000, intervalMs: 10_000, delayMs: 5_000 };
const DELETE_DEFAULTS = { timeoutMs: 180_000, intervalMs: 10_000, delayMs: 10_000 };

/** One poll: show the snapshot, through the caller's client. */
const show = (client: EvsClient, { project_id, snapshot_id }: SnapshotRef, init: PollInit) =>
  client.GET('/v5/{project_id}/snapshots/{snapshot_id}', { params: { path: { project_id, snapshot_id } }, ...init });

/** The service's reason for a failed job: its error code and its fail_reason, as far as it gives them. */
function reasonOf(job: Job): string | undefined {
  const parts = [job.error_code, job.fail_reason].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length === 0 ? undefined : parts.join(': ');
}

/**
 * Waits until the snapshot is created and returns it: follows the create
 * call's job until it is SUCCESS, then reads the snapshot until it is
 * `available`. Throws SnapshotFailedError when the job is FAIL (with the job's
 * error code and reason) or the snapshot turns `error`, WaitTimeoutError when
 * the time runs out, and the signal's reason on abort.
 */
export async function waitForSnapshot(
  client: EvsClient,
  snapshot: CreatedSnapshotRef,
  options: WaitOptions = {},
): Promise<StandardSnapshot> {
  const what = `EVS snapshot ${snapshot.snapshot_id}`;
  const { project_id, job_id } = snapshot;
  let jobDone = job_id === undefined;
  return pollUntil(
    what,
    async (init) => {
      if (!jobDone) {
        const { data, error, response } = await client.GET('/v1/{project_id}/jobs/{job_id}', {
          params: { path: { project_id, job_id: job_id! } },
          ...init,
        });
        if (data === undefined) throw new UnexpectedResponseError(response, error, what);
        // The vendor's Terraform provider, too, gives up on a job without a status.
        if (typeof data.status !== 'string') throw new UnexpectedResponseError(response, data, what);
        const job = judgeStatus(jobStatusOutcomes, data.status, true, { what, body: data, reason: reasonOf(data) });
        if (!job.done) return job;
        jobDone = true;
      }
      return judgeShown(await show(client, snapshot, init), snapshotStatusOutcomes, what);
    },
    options,
    CREATE_DEFAULTS,
  );
}

/**
 * Waits until the snapshot is gone (showing it answers 404). Throws
 * SnapshotFailedError when the snapshot turns `error_deleting`,
 * WaitTimeoutError when the time runs out, and the signal's reason on abort.
 */
export async function waitForSnapshotDeletion(client: EvsClient, snapshot: SnapshotRef, options: WaitOptions = {}): Promise<void> {
  const what = `Deletion of EVS snapshot ${snapshot.snapshot_id}`;
  return pollUntil(
    what,
    async (init) => judgeGone(await show(client, snapshot, init), notFound, what, { error_deleting: undefined }),
    options,
    DELETE_DEFAULTS,
  );
}
