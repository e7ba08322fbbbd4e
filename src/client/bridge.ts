/**
 * The only module that touches the vendor global. Everything else talks to
 * upsdk through these few functions, so quirks of the real upsdk.js are
 * handled in one place.
 */
import { UpsdkError, unavailable, type UpsdkUnavailableError } from './errors.js';
import { cleanupOnFailure, settleOnce } from '../shared/settle-once.js';

/** A callback the bridge calls with one payload. */
export type BridgeCallback = (payload?: unknown) => void;

/** The raw vendor global as far as the client needs to know it. */
export interface RawBridge {
  config?: ((options: Record<string, unknown>) => void) | undefined;
  /** Runs `callback` (no argument) after a successful config; see handshake.ts for its quirks. */
  ready?: ((callback: () => void) => void) | undefined;
  /** The flattened list of plugins the last successful config permitted. */
  jsApiList?: unknown;
  error?: ((callback: (error?: unknown) => void) => void) | undefined;
  pluginReady?: ((callback: (info?: unknown) => void) => void) | undefined;
  [plugin: string]: unknown;
}

/** A window that may carry the vendor global. */
export type BridgeWindow = Window & { upsdk?: unknown };

/**
 * An empty object made by `win`'s own `Object`: upsdk.js copies an object to
 * native only if its prototype is its page's `Object.prototype`, so one made
 * in another realm (an iframe, a test driving a jsdom window) would be sent as `{}`.
 */
export function plainObject(win: BridgeWindow): Record<string, unknown> {
  const Ctor = (win as { Object?: ObjectConstructor }).Object ?? Object;
  return new Ctor() as Record<string, unknown>;
}

/** The `upsdk` global of `win`, if one is installed (by upsdk.js or the simulator). */
export function findBridge(win: BridgeWindow): RawBridge | undefined {
  const candidate = win.upsdk;
  return (typeof candidate === 'object' && (candidate as RawBridge)) || undefined;
}

/**
 * Inject upsdk.js and resolve with the global it installs. The element is
 * removed again on failure so that a later attempt starts clean.
 */
export function loadBridgeScript(win: BridgeWindow, src: string, timeout: number): Promise<RawBridge> {
  const script = win.document.createElement('script');
  const failed = (why: string): UpsdkUnavailableError => unavailable('script_load_failed', `${src} ${why}`);
  return cleanupOnFailure(
    settleOnce<RawBridge>(
      (resolve, reject) => {
        script.onload = () =>
          // An in-app user agent without "(updebug N)" makes upsdk.js throw before it defines the global.
          findBridge(win) ? resolve(findBridge(win)!) : reject(failed('set no upsdk global'));
        script.onerror = () => reject(failed('failed to load'));
        script.src = src;
        (win.document.head ?? win.document.documentElement).appendChild(script);
      },
      timeout,
      () => failed(`timed out (${timeout} ms)`),
    ),
    () => script.remove(),
  );
}

/** Call `bridge[plugin](payload)`; a missing plugin is the vendor's `c04`. */
export function dispatchToBridge(bridge: RawBridge, plugin: string, payload: Record<string, unknown>): void {
  const fn = bridge[plugin];
  if (typeof fn !== 'function') throw new UpsdkError({ code: 'c04', msg: 'no such plugin', plugin });
  (fn as (options: Record<string, unknown>) => void).call(bridge, payload);
}
