/** Retrying one chunk: which failures are worth another try, and how long to wait before it. */
import { UpsdkError } from '../client/errors.js';
import { abortReason } from '../shared/abort.js';

/**
 * Failure codes that may go away on their own: the vendor's `01` (internal) and `04` (other),
 * our per-chunk `timeout`, and answers we could not use (`bad_chunk`, `no_progress`).
 * Everything else — `00` param, `02` permission, `03` too large, `07` missing, `c0x` — is permanent.
 */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['01', '04', 'timeout', 'bad_chunk', 'no_progress']);

/** Whether another attempt at the same chunk might succeed. */
export function isTransient(error: unknown): boolean {
  return error instanceof UpsdkError && TRANSIENT_CODES.has(error.code);
}

/** Longest wait between two attempts. */
const MAX_DELAY = 5_000;

/**
 * Wait before retry number `attempt` (0 for the first retry): `base · 2^attempt`, capped,
 * then scaled by a random factor in [0.5, 1) so that many readers do not retry in lockstep.
 */
export function backoffDelay(attempt: number, base: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY, base * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** Resolve after `ms`, or reject with the signal's reason as soon as it aborts; leaves no timer or listener behind. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason passes on as given, as fetch() does
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason passes on as given, as fetch() does
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** How one chunk is retried. */
export interface RetryPolicy {
  readonly retries: number;
  readonly retryDelay: number;
  readonly signal: AbortSignal;
}

/**
 * Run `attempt` until it succeeds, a permanent failure occurs, or the retries are spent
 * (then the last failure is thrown, so its vendor code reaches the caller).
 */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (policy.signal.aborted) throw abortReason(policy.signal);
      if (!isTransient(error) || failures >= policy.retries) throw error;
      await sleep(backoffDelay(failures, policy.retryDelay), policy.signal);
    }
  }
}
