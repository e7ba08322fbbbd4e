/**
 * The one primitive behind every callback-to-promise conversion in the
 * package: the promise settles exactly once — by the executor, a timeout or
 * an abort — and a single cleanup removes the timer and the abort listener
 * whichever path fires first. Later callbacks are ignored.
 */
import { abortReason } from './abort.js';

/** How long to wait and what can cancel the wait. */
export interface SettleOnceOptions {
  /** Milliseconds before rejecting with `onTimeout()`; `Infinity` or 0 disables the timer. */
  readonly timeout: number;
  /** Rejects with the signal's reason when it aborts. */
  readonly signal?: AbortSignal | undefined;
  /** Builds the timeout error. */
  readonly onTimeout: () => unknown;
}

/** Resolve/reject functions that only the first caller wins. */
export interface Settlers<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (reason: unknown) => void;
  /** True once the promise has settled. */
  readonly settled: () => boolean;
}

/**
 * Create a promise settled by `executor`, guarded by timeout and abort.
 * An exception thrown by the executor rejects the promise.
 */
export function settleOnce<T>(
  executor: (settlers: Settlers<T>) => void,
  options: SettleOnceOptions,
): Promise<T> {
  const { timeout, signal, onTimeout } = options;
  return new Promise<T>((resolvePromise, rejectPromise) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => settlers.reject(abortReason(signal!));
    const finish = (): boolean => {
      if (done) return false;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const settlers: Settlers<T> = {
      resolve: (value) => finish() && resolvePromise(value),
      reject: (reason) => finish() && rejectPromise(reason),
      settled: () => done,
    };
    if (signal?.aborted) return settlers.reject(abortReason(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    if (timeout > 0 && Number.isFinite(timeout))
      timer = setTimeout(() => settlers.reject(onTimeout()), timeout);
    try {
      executor(settlers);
    } catch (error) {
      settlers.reject(error);
    }
  });
}
