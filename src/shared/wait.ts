// Waiting for a snapshot to be ready or gone, the same way for every service:
// poll, through the caller's own client (so its credentials and middleware
// apply to every poll), until the service says done or failed, the time is up,
// or the caller aborts. Each service's helper (src/services/<api>.ts) says how
// that service tells completion; nothing here ever repeats a create.

export interface WaitOptions {
  /** Give up after this many milliseconds. Each helper's default is the timeout of the vendor's own tool. */
  timeoutMs?: number;
  /** Milliseconds between polls. Each helper's default is the interval of the vendor's own tool. */
  intervalMs?: number;
  /** Stops the wait (and the poll under way), rejecting with the signal's reason. */
  signal?: AbortSignal;
  /** Extra headers for every poll. */
  headers?: Record<string, string>;
}

/** What each poll passes on to its request: the wait's signal and the caller's extra headers. */
export interface PollInit {
  signal: AbortSignal;
  headers: Record<string, string>;
}

/** What a poll found: keep waiting, or the wait is over. */
export type PollResult<T> = { done: false; status?: string } | { done: true; value: T };

/** Which statuses end a wait, as generated from the spec's `x-status-outcomes`. */
export interface StatusOutcomes {
  readonly done: readonly string[];
  readonly failed: readonly string[];
}

/** The service reports that the snapshot (or its job) failed. */
export class SnapshotFailedError extends Error {
  override name = 'SnapshotFailedError';
  constructor(
    /** The status that means failure, e.g. `error`, `UNAVAILABLE`, `FAIL`. */
    readonly status: string,
    /** The service's own reason, when it gives one (EVS's job `fail_reason`, say). */
    readonly reason: string | undefined,
    /** The last body the service sent about it. */
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} failed: the service reports status ${status}${reason === undefined ? '' : ` (${reason})`}.`);
  }
}

/** The time given to the wait ran out; the snapshot may still complete later. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
  constructor(
    readonly timeoutMs: number,
    /** The last status seen, if any. */
    readonly lastStatus: string | undefined,
    what: string,
  ) {
    super(
      `${what}: still not done after ${timeoutMs} ms${lastStatus === undefined ? '' : ` (last status ${lastStatus})`}. Wait longer with { timeoutMs }.`,
    );
  }
}

/** A poll got an answer the wait cannot go on from (an error status other than the ones that mean done). */
export class UnexpectedResponseError extends Error {
  override name = 'UnexpectedResponseError';
  constructor(
    readonly response: Response,
    /** The error body, parsed as the spec describes it. */
    readonly error: unknown,
    what: string,
  ) {
    super(`${what}: the service answered ${response.status} while waiting: ${JSON.stringify(error)}`);
  }
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(timer), reject(signal!.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface PollDefaults {
  timeoutMs: number;
  intervalMs: number;
  /** Wait this long before the first poll, as some vendor tools do. */
  delayMs?: number;
}

/**
 * Calls `poll` until it reports done, then returns its value. `poll` gets the
 * signal and headers to pass on to its request; it throws to end the wait with
 * an error (a failure the service reports, an unexpected answer).
 */
export async function pollUntil<T>(
  what: string,
  poll: (init: PollInit) => Promise<PollResult<T>>,
  options: WaitOptions,
  defaults: PollDefaults,
): Promise<T> {
  const { timeoutMs = defaults.timeoutMs, intervalMs = defaults.intervalMs, signal, headers = {} } = options;
  for (const [name, value] of [
    ['timeoutMs', timeoutMs],
    ['intervalMs', intervalMs],
  ] as const) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`${what}: ${name} must be a number of milliseconds >= 0, not ${String(value)}.`);
  }
  const deadline = Date.now() + timeoutMs;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const combined = signal === undefined ? timeout.signal : AbortSignal.any([signal, timeout.signal]);
  let lastStatus: string | undefined;
  try {
    if (defaults.delayMs !== undefined && options.intervalMs === undefined) await sleep(Math.min(defaults.delayMs, timeoutMs), combined);
    for (;;) {
      const result = await poll({ signal: combined, headers });
      if (result.done) return result.value;
      lastStatus = result.status ?? lastStatus;
      if (Date.now() + intervalMs > deadline) break;
      await sleep(intervalMs, combined);
    }
  } catch (error) {
    // The caller's abort wins over everything; our own deadline becomes a WaitTimeoutError.
    if (signal?.aborted) throw signal.reason;
    if (!timeout.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  throw new WaitTimeoutError(timeoutMs, lastStatus, what);
}

/**
 * Where a status leaves a wait: done with `value`, still going, or failed, in
 * which case it throws SnapshotFailedError with the service's reason and body.
 */
export function judgeStatus<T>(
  outcomes: StatusOutcomes,
  status: string,
  value: T,
  failure: { what: string; body: unknown; reason?: string | undefined },
): PollResult<T> {
  if (outcomes.failed.includes(status)) throw new SnapshotFailedError(status, failure.reason, failure.body, failure.what);
  return outcomes.done.includes(status) ? { done: true, value } : { done: false, status };
}

/**
 * One poll of a call that shows the snapshot (`{ snapshot }`): an error answer
 * ends the wait with UnexpectedResponseError, else the snapshot's status is judged.
 */
export function judgeShown<Snapshot extends { status: string }>(
  answer: { data?: { snapshot: Snapshot } | undefined; error?: unknown; response: Response },
  outcomes: StatusOutcomes,
  what: string,
): PollResult<Snapshot> {
  const { data, error, response } = answer;
  if (data === undefined) throw new UnexpectedResponseError(response, error, what);
  return judgeStatus(outcomes, data.snapshot.status, data.snapshot, { what, body: data });
}

/**
 * One poll of a call that shows the snapshot, after its delete: the answer
 * that means it no longer exists (`gone`) ends the wait, any other error
 * answer throws UnexpectedResponseError, and a status listed in `failed`
 * throws SnapshotFailedError with the reason given there; any other status
 * means keep waiting.
 */
export function judgeGone(
  answer: { data?: { snapshot: { status: string } } | undefined; error?: unknown; response: Response },
  gone: (response: Response, error: unknown) => boolean,
  what: string,
  failed: Readonly<Record<string, string | undefined>> = {},
): PollResult<undefined> {
  const { data, error, response } = answer;
  if (gone(response, error)) return { done: true, value: undefined };
  if (data === undefined) throw new UnexpectedResponseError(response, error, what);
  const { status } = data.snapshot;
  if (Object.hasOwn(failed, status)) throw new SnapshotFailedError(status, failed[status], data, what);
  return { done: false, status };
}

/** The answer of a service that says 404 for what does not exist. */
export const notFound = (response: Response): boolean => response.status === 404;

/** An error answer the service gives in its own words: this HTTP status, with `code` in the error body's field `field`. */
export interface ServiceError {
  status: number;
  field: string;
  code: string;
}

/** Whether an answer is that service error; a body that is not JSON arrives as text and is not. */
export function isServiceError(response: Response, error: unknown, { status, field, code }: ServiceError): boolean {
  return response.status === status && typeof error === 'object' && error !== null && (error as Record<string, unknown>)[field] === code;
}
