/**
 * Every store operation of one signer goes through here: bounded by a timeout, and turned into a
 * `store_unavailable` (503) error when it fails. An outage is logged as a state, not per failure:
 * one `store_down`, then a `store_errors` count at most every `reportInterval`, then one
 * `store_up` — a dead Redis under load used to write one line per request.
 */
import { raceAbort } from '../shared/abort.js';
import { SignerError } from './errors.js';
import type { SignerLogger } from './events.js';

/** What {@link createStoreHealth} needs; durations in ms. */
export interface StoreHealthConfig {
  /** Bound on every store operation. */
  readonly timeout: number;
  readonly clock: () => number;
  readonly log: SignerLogger;
  /** Least time between two `store_errors` counts while the store is down. Default 10000. */
  readonly reportInterval?: number | undefined;
}

/** The store's health as seen by one signer. */
export interface StoreHealth {
  /** Bound `promise` (store operation `op`); a failure or timeout becomes a `store_unavailable` error. */
  guard<T>(op: string, promise: Promise<T>): Promise<T>;
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);

/** Create the health tracker of one signer's store. */
export function createStoreHealth(config: StoreHealthConfig): StoreHealth {
  const { timeout, clock, log } = config;
  const reportInterval = config.reportInterval ?? 10_000;
  let down = false;
  let downSince = 0;
  let failures = 0;
  let unreported = 0;
  let reportedAt = 0;

  const failed = (op: string, error: unknown): void => {
    const now = clock();
    if (!down) {
      down = true;
      downSince = reportedAt = now;
      failures = 1;
      unreported = 0;
      return log({ type: 'store_down', op, error: errorName(error) });
    }
    failures += 1;
    unreported += 1;
    if (now - reportedAt >= reportInterval) {
      log({ type: 'store_errors', failures: unreported, sinceMs: now - reportedAt });
      reportedAt = now;
      unreported = 0;
    }
  };
  const recovered = (): void => {
    if (!down) return;
    down = false;
    log({ type: 'store_up', downMs: clock() - downSince, failures });
  };

  return {
    async guard(op, promise) {
      try {
        const value = await raceAbort(promise, AbortSignal.timeout(timeout));
        recovered();
        return value;
      } catch (error) {
        failed(op, error);
        throw new SignerError({
          code: 'store_unavailable',
          msg: `token store failed during ${op}`,
          status: 503,
          retryAfter: 1,
          cause: error,
        });
      }
    },
  };
}
