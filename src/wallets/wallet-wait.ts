/**
 * The wait both wallet hand-offs share (the JS bridge call, the
 * mini-program hand-off): one settle with a `timeout` error named after the
 * wallet API, the abort, and one cleanup whichever way it ends.
 */
import { UpsdkTimeoutError } from '../client/errors.js';
import { settleOnce } from '../shared/settle-once.js';

/** How long, and what aborts. */
export interface WalletWaitControl {
  /** Milliseconds for the whole payment. */
  readonly timeout: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Settle once through `start`, which returns its cleanup (listeners,
 * timers); rejects with `timeout` (plugin `api`) or the abort reason.
 */
export function walletWait<T>(
  api: string,
  control: WalletWaitControl,
  start: (resolve: (value: T) => void, reject: (reason: unknown) => void) => () => void,
): Promise<T> {
  let stop = (): void => undefined;
  const settled = settleOnce<T>(
    (resolve, reject) => {
      stop = start(resolve, reject);
    },
    control.timeout,
    () => new UpsdkTimeoutError(api, control.timeout),
    control.signal,
  );
  // The executor ran synchronously, so `stop` is set. A side branch that only cleans up,
  // handled on both paths so it never rejects unobserved.
  settled.then(stop, stop);
  return settled;
}
