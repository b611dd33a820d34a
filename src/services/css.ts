// Waiting on CSS index snapshots. CSS has no call that reads one snapshot: the
// helpers list the cluster's snapshots and find the one by its ID, as the
// vendor's Terraform provider does (huaweicloud_css_snapshot). A new snapshot
// is done when it is `COMPLETED` and failed when it is `FAILED` or
// `PART_FAILED`; a snapshot missing from the list while waiting for it failed
// too (Terraform stops with an error). A deleted snapshot is gone when the list
// no longer holds it. The defaults are Terraform's: up to 10 minutes, the first
// poll 10 s after the start, then every 10 s (its retry helper's steady
// interval; its MinTimeout of 5 s applies to the second poll only).
import type { CssClient } from '../../generated/css/index.js';
import { snapshotStatusOutcomes } from '../../generated/css/statuses.js';
import type { components } from '../../generated/css/types.js';
import {
  isServiceError,
  judgeStatus,
  pollUntil,
  UnexpectedResponseError,
  type PollInit,
  type ServiceError,
  type WaitOptions,
} from '../shared/wait.js';

export { SnapshotFailedError, UnexpectedResponseError, WaitTimeoutError, type WaitOptions } from '../shared/wait.js';

export type SnapshotStatus = components['schemas']['SnapshotStatus'];
export type IndexSnapshot = components['schemas']['IndexSnapshot'];
export type IndexSnapshotList = components['schemas']['IndexSnapshotList'];

/** Where the snapshot is: its project, its cluster and its ID. */
export interface SnapshotRef {
  project_id: string;
  cluster_id: string;
  snapshot_id: string;
}

/** The snapshot is not in its cluster's list while the wait expects it there (deleted, or its creation undone). */
export class SnapshotMissingError extends Error {
  override name = 'SnapshotMissingError';
  constructor(
    readonly snapshot: SnapshotRef,
    /** The list the service answered with. */
    readonly body: IndexSnapshotList,
    what: string,
  ) {
    super(`${what}: the cluster's snapshot list does not hold it; it was deleted, or its creation failed and was undone.`);
  }
}

const CREATE_DEFAULTS = { timeoutMs: 600_000, intervalMs: 10_000, delayMs: 10_000 };
/** Terraform declares a 10-minute delete timeout but does not poll after a delete; the interval is the create's. */
const DELETE_DEFAULTS = { timeoutMs: 600_000, intervalMs: 10_000 };
/** The list call's answer for a cluster that does not exist (or is not visible). */
const CLUSTER_GONE: ServiceError = { status: 403, field: 'errCode', code: 'CSS.0015' };

/** The service's own account of a failure: how many shards could not be backed up. */
function reasonOf(snapshot: IndexSnapshot): string | undefined {
  const { failedShards, totalShards } = snapshot;
  return typeof failedShards === 'number' && typeof totalShards === 'number'
    ? `${failedShards} of ${totalShards} shards failed`
    : undefined;
}

async function listOnce(client: CssClient, snapshot: SnapshotRef, init: PollInit) {
  const { project_id, cluster_id } = snapshot;
  return client.GET('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshots', {
    params: { path: { project_id, cluster_id } },
    ...init,
  });
}

/**
 * Waits until the snapshot is `COMPLETED` and returns its list entry. Throws
 * SnapshotFailedError when it turns `FAILED` or `PART_FAILED` (with the failed
 * shard count as the reason), SnapshotMissingError when the list does not hold
 * it, UnexpectedResponseError when the list call fails, WaitTimeoutError when
 * the time runs out, and the signal's reason on abort. Without `intervalMs`,
 * the first poll waits 10 s, as Terraform does.
 */
export async function waitForSnapshot(client: CssClient, snapshot: SnapshotRef, options: WaitOptions = {}): Promise<IndexSnapshot> {
  const what = `CSS snapshot ${snapshot.snapshot_id}`;
  return pollUntil(
    what,
    async (init) => {
      const { data, error, response } = await listOnce(client, snapshot, init);
      if (data === undefined) throw new UnexpectedResponseError(response, error, what);
      const found = data.backups.find((entry) => entry.id === snapshot.snapshot_id);
      if (found === undefined) throw new SnapshotMissingError(snapshot, data, what);
      return judgeStatus(snapshotStatusOutcomes, found.status, found, { what, body: found, reason: reasonOf(found) });
    },
    options,
    CREATE_DEFAULTS,
  );
}

/**
 * Waits until the snapshot has left its cluster's list. A 403 `CSS.0015` (the
 * cluster does not exist) also means it is gone, as Terraform reads it. CSS
 * shows no deletion status, so a snapshot still listed keeps the wait going
 * until the time runs out (WaitTimeoutError with its last status); the list
 * call failing otherwise throws UnexpectedResponseError.
 */
export async function waitForSnapshotDeletion(client: CssClient, snapshot: SnapshotRef, options: WaitOptions = {}): Promise<void> {
  const what = `Deletion of CSS snapshot ${snapshot.snapshot_id}`;
  return pollUntil(
    what,
    async (init) => {
      const { data, error, response } = await listOnce(client, snapshot, init);
      if (isServiceError(response, error, CLUSTER_GONE)) return { done: true, value: undefined };
      if (data === undefined) throw new UnexpectedResponseError(response, error, what);
      const found = data.backups.find((entry) => entry.id === snapshot.snapshot_id);
      return found === undefined ? { done: true, value: undefined } : { done: false, status: found.status };
    },
    options,
    DELETE_DEFAULTS,
  );
}
