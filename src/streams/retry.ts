/** Retrying one chunk: which failures are worth another try, and how long to wait before it. */
import { UpsdkError } from '../client/errors.js';
import { raceAbort } from '../shared/abort.js';

/**
 * Failure codes that may go away on their own: the vendor's `01` (internal) and `04` (other),
 * our per-chunk `timeout`, and answers we could not use (`bad_chunk`, `no_progress`).
 * Everything else — `00` param, `02` permission, `03` too large, `07` missing, `c0x`, an abort — is permanent.
 */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['01', '04', 'timeout', 'bad_chunk', 'no_progress']);

/**
 * Wait before retry number `attempt` (0 for the first retry): `base · 2^attempt`, capped at 5 s,
 * then scaled by a random factor in [0.5, 1) so that many readers do not retry in lockstep.
 */
export function backoffDelay(attempt: number, base: number, random: () => number = Math.random): number {
  return Math.round(Math.min(5_000, base * 2 ** attempt) * (0.5 + random() / 2));
}

/**
 * Resolve after `ms`, or reject with the signal's reason as soon as it aborts. After an abort the
 * timer still fires once, resolving a promise nobody waits for any more.
 */
const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  raceAbort(new Promise((resolve) => setTimeout(resolve, ms)), signal);

/** How often and how patiently one chunk is retried (the resolved read options). */
export interface RetryPolicy {
  readonly retries: number;
  readonly retryDelay: number;
}

/**
 * Run `attempt` until it succeeds, a permanent failure occurs, or the retries are spent (then the
 * last failure is thrown, so its vendor code reaches the caller). `signal` cuts a backoff short.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  { retries, retryDelay }: RetryPolicy,
  signal: AbortSignal,
): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      const transient = error instanceof UpsdkError && TRANSIENT_CODES.has(error.code);
      if (!transient || failures >= retries) throw error;
      await sleep(backoffDelay(failures, retryDelay), signal);
    }
  }
}
