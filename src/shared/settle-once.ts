/**
 * The one primitive behind every callback-to-promise conversion in the
 * package: the promise settles exactly once — by the executor, a timeout or
 * an abort — and a single cleanup removes the timer and the abort listener
 * whichever path fires first. Later callbacks are ignored.
 */

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
}

/**
 * The reason an aborted signal carries: its own, or a DOMException named AbortError.
 *
 * @example
 * ```ts
 * if (signal.aborted) throw abortReason(signal);
 * ```
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Create a promise settled by `executor`, guarded by timeout and abort.
 * An exception thrown by the executor rejects the promise.
 *
 * @example
 * ```ts
 * await settleOnce<void>(({ resolve }) => bridge.ready(resolve), { timeout: 5_000, onTimeout: () => new Error('no ready') });
 * ```
 */
export function settleOnce<T>(
  executor: (settlers: Settlers<T>) => void,
  { timeout, signal, onTimeout }: SettleOnceOptions,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const onAbort = (): void => settlers.reject(abortReason(signal!));
    const finish =
      <V>(settle: (value: V) => void) =>
      (value: V): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        settle(value);
      };
    const settlers: Settlers<T> = { resolve: finish(resolve), reject: finish(reject) };
    const timer =
      timeout > 0 && timeout < Infinity ? setTimeout(() => settlers.reject(onTimeout()), timeout) : undefined;
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      executor(settlers);
    } catch (error) {
      settlers.reject(error);
    }
  });
}

/**
 * Settle with `promise`, or reject with the signal's reason as soon as it aborts.
 * The abort listener is removed whichever way it ends.
 *
 * @example
 * ```ts
 * const bridge = await raceAbort(startup.ready(), options.signal);
 * ```
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return signal
    ? settleOnce<T>(({ resolve, reject }) => void promise.then(resolve, reject), {
        timeout: 0,
        signal,
        onTimeout: () => undefined,
      })
    : promise;
}
