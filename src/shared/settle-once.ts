/**
 * The one primitive behind every callback-to-promise conversion in the
 * package: the promise settles exactly once — by the executor, a timeout or
 * an abort — and a single cleanup removes the timer and the abort listener
 * whichever path fires first. Later callbacks are ignored.
 */

/** Gets resolve and reject functions that only the first caller wins. */
export type Settle<T> = (resolve: (value: T) => void, reject: (reason: unknown) => void) => void;

/**
 * The reason an aborted signal carries: its own, or a DOMException named AbortError.
 *
 * @example
 * ```ts
 * if (signal.aborted) throw abortReason(signal);
 * ```
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('aborted', 'AbortError');
}

/**
 * Create a promise settled by `executor`, guarded by a timeout (rejecting
 * with `onTimeout()`; `Infinity` or 0 disables the timer) and by `signal`
 * (rejecting with its reason). An exception thrown by the executor rejects
 * the promise.
 *
 * @example
 * ```ts
 * await settleOnce<void>((resolve) => bridge.ready(resolve), 5_000, () => new Error('no ready'));
 * ```
 */
export function settleOnce<T>(
  executor: Settle<T>,
  timeout: number,
  onTimeout: () => unknown,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const onAbort = (): void => fail(abortReason(signal!));
    const finish =
      <V>(settle: (value: V) => void) =>
      (value: V): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        settle(value);
      };
    const fail = finish(reject);
    const timer =
      timeout > 0 && timeout < Infinity ? setTimeout(() => fail(onTimeout()), timeout) : undefined;
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      executor(finish(resolve), fail);
    } catch (error) {
      fail(error);
    }
  });
}

/**
 * `promise`, running `cleanup` first if it rejects: how a single-flight step
 * forgets its failed attempt so that a later call tries again.
 *
 * @example
 * ```ts
 * loading ??= cleanupOnFailure(loadScript(), () => (loading = undefined));
 * ```
 */
export const cleanupOnFailure = <T>(promise: Promise<T>, cleanup: () => void): Promise<T> =>
  promise.catch((error: unknown) => {
    cleanup();
    throw error;
  });

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
    ? settleOnce<T>(
        (resolve, reject) => void promise.then(resolve, reject),
        0,
        () => undefined,
        signal,
      )
    : promise;
}
