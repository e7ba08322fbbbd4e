/** Retrying with exponential backoff and full jitter, so instances that failed together do not retry together. */

/** How {@link withRetries} spaces attempts. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  readonly attempts: number;
  /** Upper bound of the first delay, in ms; doubles after each failure. */
  readonly baseDelayMs: number;
  /** Cap of any delay, in ms. */
  readonly maxDelayMs: number;
  /** Uniform in [0, 1). */
  readonly random: () => number;
}

/** Resolve after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The longest total time {@link withRetries} can spend sleeping under `policy`. */
export function worstCaseBackoff(policy: RetryPolicy): number {
  let total = 0;
  for (let n = 1; n < policy.attempts; n++)
    total += Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
  return total;
}

/**
 * Run `attempt` until it resolves, the error is not retryable, or attempts
 * run out; the last error is rethrown.
 */
export async function withRetries<T>(
  attempt: (n: number) => Promise<T>,
  policy: RetryPolicy,
  retryable: (error: unknown) => boolean,
  onFailure?: (error: unknown, n: number) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      onFailure?.(error, n);
      if (n >= policy.attempts || !retryable(error)) throw error;
      await sleep(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1)));
    }
  }
}
