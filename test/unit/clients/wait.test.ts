// pollUntil, the loop under every wait helper: it stops at the first answer
// that is done, turns its own deadline into WaitTimeoutError, lets the
// caller's abort win, and refuses options that cannot work.
import { describe, expect, it } from 'vitest';
import { pollUntil, WaitTimeoutError, type PollResult } from '../../../src/shared/wait.ts';

const defaults = { timeoutMs: 1_000, intervalMs: 1 };

/** A poll that reports the given statuses in turn, then done with `value`. */
function scripted(statuses: string[], value = 'ready') {
  const seen: { headers: Record<string, string> }[] = [];
  const poll = async (init: { signal: AbortSignal; headers: Record<string, string> }): Promise<PollResult<string>> => {
    seen.push({ headers: init.headers });
    const status = statuses[seen.length - 1];
    return status === undefined ? { done: true, value } : { done: false, status };
  };
  return { poll, seen };
}

describe('pollUntil', () => {
  it('polls until done and returns the value, passing the headers to every poll', async () => {
    const { poll, seen } = scripted(['creating', 'creating']);
    await expect(pollUntil('snapshot', poll, { headers: { Prefer: 'x' } }, defaults)).resolves.toBe('ready');
    expect(seen).toEqual([{ headers: { Prefer: 'x' } }, { headers: { Prefer: 'x' } }, { headers: { Prefer: 'x' } }]);
  });

  it('gives up with WaitTimeoutError and the last status seen', async () => {
    const { poll } = scripted(Array.from({ length: 1_000 }, () => 'creating'));
    const late = pollUntil('snapshot s1', poll, { timeoutMs: 30, intervalMs: 5 }, defaults);
    await expect(late).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(late).rejects.toMatchObject({
      lastStatus: 'creating',
      message: 'snapshot s1: still not done after 30 ms (last status creating). Wait longer with { timeoutMs }.',
    });
  });

  it('rejects with the reason of a signal aborted before the first poll, without polling', async () => {
    const { poll, seen } = scripted([]);
    await expect(
      pollUntil('snapshot', poll, { signal: AbortSignal.abort(new Error('stop')) }, { ...defaults, delayMs: 10 }),
    ).rejects.toThrow('stop');
    expect(seen).toEqual([]);
  });

  it('passes on an error the poll throws', async () => {
    const failing = async (): Promise<PollResult<string>> => {
      throw new Error('the service said no');
    };
    await expect(pollUntil('snapshot', failing, {}, defaults)).rejects.toThrow('the service said no');
  });

  it.each([
    ['timeoutMs', { timeoutMs: -1 }],
    ['intervalMs', { intervalMs: Number.NaN }],
  ])('refuses a %s that is not a number of milliseconds', async (name, options) => {
    await expect(pollUntil('snapshot', scripted([]).poll, options, defaults)).rejects.toThrow(
      new RegExp(`${name} must be a number of milliseconds >= 0`),
    );
  });
});
