// Waiting on Cinder snapshots. Cinder tells completion through the snapshot
// itself: show it until it is `available` (done) or `error` (failed); after a
// delete, until showing it answers 404. The defaults are openstacksdk's
// (`wait_for_status` and `wait_for_delete`: every 2 s, for 120 s).
import type { CinderClient } from '../../generated/cinder/index.js';
import { snapshotStatusOutcomes } from '../../generated/cinder/statuses.js';
import type { components } from '../../generated/cinder/types.js';
import { judgeGone, judgeShown, notFound, pollUntil, type PollInit, type WaitOptions } from '../shared/wait.js';

export { SnapshotFailedError, UnexpectedResponseError, WaitTimeoutError, type WaitOptions } from '../shared/wait.js';

export type SnapshotStatus = components['schemas']['SnapshotStatus'];
export type SnapshotDetail = components['schemas']['SnapshotDetail'];

/** Where the snapshot is: its project (tenant) and ID. */
export interface SnapshotRef {
  tenant_id: string;
  snapshot_id: string;
}

const DEFAULTS = { timeoutMs: 120_000, intervalMs: 2_000 };
/** The statuses that end a deletion wait with SnapshotFailedError, and the reason given. */
const DELETION_FAILED = {
  error_deleting: undefined,
  available: 'the backend kept the snapshot; volumes created from it may still depend on it',
};

/** One poll: show the snapshot, through the caller's client. */
const show = (client: CinderClient, snapshot: SnapshotRef, init: PollInit) =>
  client.GET('/v2/{tenant_id}/snapshots/{snapshot_id}', { params: { path: snapshot }, ...init });

/**
 * Waits until the snapshot is `available` and returns it. Throws
 * SnapshotFailedError when it turns `error` (or `error_deleting`),
 * WaitTimeoutError when the time runs out, and the signal's reason on abort.
 */
export async function waitForSnapshot(client: CinderClient, snapshot: SnapshotRef, options: WaitOptions = {}): Promise<SnapshotDetail> {
  const what = `Cinder snapshot ${snapshot.snapshot_id}`;
  return pollUntil(what, async (init) => judgeShown(await show(client, snapshot, init), snapshotStatusOutcomes, what), options, DEFAULTS);
}

/**
 * Waits until the snapshot is gone (showing it answers 404). Throws
 * SnapshotFailedError when its deletion fails: `error_deleting`, or back to
 * `available`, which is what Cinder does when the backend cannot delete a
 * snapshot that volumes still depend on.
 */
export async function waitForSnapshotDeletion(client: CinderClient, snapshot: SnapshotRef, options: WaitOptions = {}): Promise<void> {
  const what = `Deletion of Cinder snapshot ${snapshot.snapshot_id}`;
  return pollUntil(what, async (init) => judgeGone(await show(client, snapshot, init), notFound, what, DELETION_FAILED), options, DEFAULTS);
}
