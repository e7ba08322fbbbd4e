/**
 * The only module that touches the vendor global. Everything else talks to
 * upsdk through these few functions, so quirks of the real upsdk.js are
 * handled in one place.
 */
import { UpsdkError, UpsdkUnavailableError } from './errors.js';

/** A callback the bridge calls with one payload. */
export type BridgeCallback = (payload?: unknown) => void;

/** The raw vendor global as far as the client needs to know it. */
export interface RawBridge {
  config?: (options: Record<string, unknown>) => void;
  ready?: (callback: (info?: unknown) => void) => void;
  error?: (callback: (error?: unknown) => void) => void;
  pluginReady?: (callback: (info?: unknown) => void) => void;
  [plugin: string]: unknown;
}

/** A window that may carry the vendor global. */
export type BridgeWindow = Window & { upsdk?: unknown };

/** The `upsdk` global of `win`, if one is installed (by upsdk.js or the simulator). */
export function findBridge(win: BridgeWindow): RawBridge | undefined {
  const candidate = win.upsdk;
  return typeof candidate === 'object' && candidate !== null ? (candidate as RawBridge) : undefined;
}

/**
 * Inject upsdk.js and resolve with the global it installs. The element is
 * removed again on failure so that a later attempt starts clean.
 */
export function loadBridgeScript(win: BridgeWindow, src: string, timeout: number): Promise<RawBridge> {
  const doc = win.document;
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (error?: UpsdkError): void => {
      clearTimeout(timer);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
      const bridge = error ? undefined : findBridge(win);
      if (bridge) return resolve(bridge);
      script.remove();
      reject(
        error ??
          new UpsdkUnavailableError({
            code: 'script_load_failed',
            msg: `${src} loaded but defined no upsdk global (an in-app user agent without "(updebug N)" makes it throw)`,
          }),
      );
    };
    const onLoad = (): void => finish();
    const onError = (): void =>
      finish(new UpsdkUnavailableError({ code: 'script_load_failed', msg: `could not load ${src}` }));
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
    timer = setTimeout(
      () => finish(new UpsdkUnavailableError({ code: 'script_load_failed', msg: `${src} did not load within ${timeout} ms` })),
      timeout,
    );
    script.async = true;
    script.src = src;
    (doc.head ?? doc.documentElement).appendChild(script);
  });
}

/** Call `bridge[plugin](payload)`; a missing plugin is the vendor's `c04`. */
export function dispatchToBridge(bridge: RawBridge, plugin: string, payload: Record<string, unknown>): void {
  const fn = bridge[plugin];
  if (typeof fn !== 'function') {
    throw new UpsdkError({ code: 'c04', msg: `upsdk has no plugin named "${plugin}"`, plugin });
  }
  (fn as (options: Record<string, unknown>) => void).call(bridge, payload);
}
