/**
 * One mechanism for every native thing that is on while someone holds it: a
 * listener registration (register/cancel pair) and BLE discovery
 * (start/stop). Holders live in a set; the switch turns the native side on
 * when the set becomes non-empty and off when it empties. Steps run one after
 * another, so a release during a start is followed by a stop, never
 * overtaken by it, and a failure never blocks the next step.
 */

/** A native on/off state kept in line with a condition. */
export interface NativeSwitch {
  /** The last start succeeded and no stop has begun since. */
  readonly on: boolean;
  /** Switch to match the condition (read when the step runs); resolves with this step's failure, never rejects. */
  readonly sync: () => Promise<unknown>;
}

/**
 * A switch that is wanted on while `wanted()` holds.
 *
 * @example
 * ```ts
 * const scans = new Set<object>();
 * const discovery = nativeSwitch(() => scans.size > 0, () => start(), () => stop());
 * ```
 */
export function nativeSwitch(
  wanted: () => boolean,
  start: () => Promise<unknown>,
  stop: () => unknown,
): NativeSwitch {
  let chain: Promise<unknown> = Promise.resolve();
  const state = {
    on: false,
    sync: () =>
      (chain = chain.then(async () => {
        try {
          const want = wanted();
          if (want && !state.on) {
            await start();
            state.on = true;
          } else if (!want && state.on) {
            state.on = false; // off even if stop fails: nobody holds it any more
            await stop();
          }
        } catch (error) {
          return error;
        }
      })),
  };
  return state;
}

/**
 * Add a holder and switch on. If that fails, the holder leaves again (and
 * the switch follows) before the failure is thrown.
 *
 * @returns the release: removes the holder and switches off if it was the
 *   last; it rejects with the stop failure.
 * @example
 * ```ts
 * const release = await hold(() => scans.add(me), () => scans.delete(me), discovery.sync);
 * ```
 */
export async function hold(
  add: () => unknown,
  remove: () => unknown,
  sync: () => Promise<unknown>,
): Promise<() => Promise<void>> {
  add();
  const failure = await sync();
  if (failure !== undefined) {
    remove();
    await sync();
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the bridge's own failure unchanged
    throw failure;
  }
  return async () => {
    remove();
    const stopFailure = await sync();
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the bridge's own failure unchanged
    if (stopFailure !== undefined) throw stopFailure;
  };
}
