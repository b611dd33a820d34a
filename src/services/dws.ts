// Waiting on DWS snapshots. DWS tells completion through the snapshot itself:
// show it until it is `AVAILABLE` (done) or `UNAVAILABLE` (failed), as the
// vendor's Terraform provider does (huaweicloud_dws_snapshot: first poll after
// 30 s, then every 30 s, for 30 minutes). DWS answers a snapshot that is gone
// with 400 `DWS.5149`, not 404, and that answer is what ends a deletion wait.
import type { DwsClient } from '../../generated/dws/index.js';
import { snapshotStatusOutcomes } from '../../generated/dws/statuses.js';
import type { components } from '../../generated/dws/types.js';
import { isServiceError, judgeGone, judgeShown, pollUntil, type PollInit, type ServiceError, type WaitOptions } from '../shared/wait.js';

export { SnapshotFailedError, UnexpectedResponseError, WaitTimeoutError, type WaitOptions } from '../shared/wait.js';

export type SnapshotStatus = components['schemas']['SnapshotStatus'];
export type SnapshotDetail = components['schemas']['SnapshotDetail'];

/** Where the snapshot is: its project and ID. */
export interface SnapshotRef {
  project_id: string;
  snapshot_id: string;
}

/** Terraform's create wait for huaweicloud_dws_snapshot: 30 min, first poll after 30 s, then every 30 s. */
const CREATE_DEFAULTS = { timeoutMs: 30 * 60_000, intervalMs: 30_000, delayMs: 30_000 };
/**
 * Terraform does not wait after a delete. Its poll interval, without the first
 * delay, and the 20 minutes the Terraform plugin SDK gives an operation that
 * sets no timeout of its own (the resource sets none for delete).
 */
const DELETE_DEFAULTS = { timeoutMs: 20 * 60_000, intervalMs: 30_000 };

/** DWS's answer to a show of a snapshot that does not exist. */
const SNAPSHOT_NOT_FOUND: ServiceError = { status: 400, field: 'error_code', code: 'DWS.5149' };

/** One poll: show the snapshot, through the caller's client. */
const show = (client: DwsClient, snapshot: SnapshotRef, init: PollInit) =>
  client.GET('/v1.0/{project_id}/snapshots/{snapshot_id}', { params: { path: snapshot }, ...init });

/**
 * Waits until the snapshot is `AVAILABLE` and returns it. Every other status
 * (`CREATING`, `FROZEN`, ...) means keep waiting, as for Terraform. Throws
 * SnapshotFailedError when it turns `UNAVAILABLE` (DWS gives no reason with
 * it), UnexpectedResponseError on any error answer (a snapshot that does not
 * exist is 400 `DWS.5149`), WaitTimeoutError when the time runs out, and the
 * signal's reason on abort. Defaults: Terraform's, 30 minutes, the first poll
 * after 30 s and then every 30 s; passing `intervalMs` polls at once.
 */
export async function waitForSnapshot(client: DwsClient, snapshot: SnapshotRef, options: WaitOptions = {}): Promise<SnapshotDetail> {
  const what = `DWS snapshot ${snapshot.snapshot_id}`;
  return pollUntil(
    what,
    async (init) => judgeShown(await show(client, snapshot, init), snapshotStatusOutcomes, what),
    options,
    CREATE_DEFAULTS,
  );
}

/**
 * Waits until the snapshot is gone. DWS has no status for a snapshot being
 * deleted, and it does not answer a missing snapshot with 404: showing one
 * answers 400 with error code `DWS.5149`, which the vendor's Terraform
 * resource has taken to mean "gone" since its first version. So that answer,
 * and only that one, means done; a 404 comes from the API gateway (no such
 * API, `APIGW.0101`) and says nothing about the snapshot. While the snapshot
 * still shows, the wait goes on (its last status is in the WaitTimeoutError).
 * Any other error answer throws UnexpectedResponseError. Defaults: every 30 s
 * (Terraform's poll interval), from the start, for 20 minutes.
 */
export async function waitForSnapshotDeletion(client: DwsClient, snapshot: SnapshotRef, options: WaitOptions = {}): Promise<void> {
  const what = `Deletion of DWS snapshot ${snapshot.snapshot_id}`;
  const gone = (response: Response, error: unknown) => isServiceError(response, error, SNAPSHOT_NOT_FOUND);
  return pollUntil(what, async (init) => judgeGone(await show(client, snapshot, init), gone, what), options, DELETE_DEFAULTS);
}
