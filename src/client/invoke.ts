/**
 * Turn one callback-style plugin call into a promise. This is the single
 * mechanism every typed plugin goes through (via `client.call`).
 */
import { dispatchToBridge, plainObject, type BridgeWindow, type RawBridge } from './bridge.js';
import { UpsdkTimeoutError, vendorError } from './errors.js';
import { settleOnce } from '../shared/settle-once.js';

/** How one raw plugin call is made. */
export interface InvokeOptions {
  /** Milliseconds to wait for a callback. */
  readonly timeout: number;
  readonly signal?: AbortSignal | undefined;
  /** False for plugins that never call back: they resolve right after dispatch. */
  readonly expectAnswer: boolean;
  /**
   * Long-lived callbacks handed to the bridge under these names (`callback`,
   * `handler`, …) for listener plugins. They do not settle the call and
   * override same-named settle callbacks.
   */
  readonly listeners?: Readonly<Record<string, (payload?: unknown) => void>> | undefined;
}

/**
 * A copy of `params` for the bridge, made in the bridge window's realm:
 * `undefined` fields dropped (the vendor wants optional fields omitted, not
 * empty), functions removed, the caller's object untouched — the bridge
 * itself mutates what it receives.
 */
export function wireParams(win: BridgeWindow, params: unknown): Record<string, unknown> {
  const copy = plainObject(win);
  for (const [key, value] of Object.entries(typeof params === 'object' && params !== null ? params : {}))
    if (value !== undefined && typeof value !== 'function') copy[key] = value;
  return copy;
}

/**
 * Call `plugin` on the bridge and settle once with its `success` payload, or
 * reject with an `UpsdkError` from `fail`/`cancel`, a timeout, or the abort
 * reason. Callbacks fired synchronously during dispatch are handled too.
 */
export function invoke(
  { raw, win }: { readonly raw: RawBridge; readonly win: BridgeWindow },
  plugin: string,
  params: unknown,
  { timeout, signal, expectAnswer, listeners }: InvokeOptions,
): Promise<unknown> {
  return settleOnce<unknown>(
    (resolve, reject) => {
      dispatchToBridge(
        raw,
        plugin,
        Object.assign(wireParams(win, params), {
          success: resolve,
          fail: (payload?: unknown) => reject(vendorError(plugin, payload)),
          cancel: (payload?: unknown) => reject(vendorError(plugin, payload, 'cancel')),
          ...listeners,
        }),
      );
      if (!expectAnswer) resolve(undefined);
    },
    timeout,
    () => new UpsdkTimeoutError(plugin, timeout),
    signal,
  );
}
