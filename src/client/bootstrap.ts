/**
 * Lazy start-up, shared by every call: detect the app, load upsdk.js once,
 * sign and `config` for the current URL (or wait for `pluginReady` in
 * mini-programs). Each step is single-flight, so ten concurrent first calls
 * cause one script load, one signature request and one `config`. The
 * signature is requested while upsdk.js loads (the signer needs only the
 * URL), so a cold start costs max(script, signer) + config, not their sum.
 */
import { findBridge, loadBridgeScript, plainObject, type BridgeWindow, type RawBridge } from './bridge.js';
import { APP_VERSION, IN_APP, MIN_APP_VERSION } from './environment.js';
import { configError, normalizeFailure, unavailable } from './errors.js';
import { configAttempt } from './handshake.js';
import type { ResolvedOptions } from './options.js';
import { signerFor, type Signature } from './signer-source.js';
import { signableUrl } from '../shared/signature.js';
import { cleanupOnFailure, settleOnce } from '../shared/settle-once.js';

/** The unlocked bridge and the window (realm) its objects must come from. */
export interface Bridge {
  readonly raw: RawBridge;
  readonly win: BridgeWindow;
}

/** Start-up state of one client. */
export interface Startup {
  /** The bridge, loaded and unlocked for the current page URL. */
  ready(): Promise<Bridge>;
  /** Forget the configuration (the bridge answered `c05`), so the next `ready()` configures again. */
  invalidate(): void;
  /** The bridge once loaded (for `jsApiList`). */
  loaded(): RawBridge | undefined;
}

/** Start-up of one client. */
export function createStartup(options: ResolvedOptions): Startup {
  const { timeout } = options;
  // Only called in h5 mode, where resolveOptions made sure there is a signer.
  const sign = signerFor(options.signer!, options.fetch, timeout);
  let bridge: RawBridge | undefined;
  let loading: Promise<RawBridge> | undefined;
  let configuredUrl: string | undefined;
  let configuring: [url: string, promise: Promise<void>] | undefined;
  let appletReady: Promise<void> | undefined;

  const load = async (win: BridgeWindow): Promise<RawBridge> =>
    (bridge =
      findBridge(win) ??
      (await (loading ??= cleanupOnFailure(
        loadBridgeScript(win, options.scriptUrl, timeout),
        () => (loading = undefined),
      ))));

  /** Config with `signature`; the failure native answered, if any. */
  const attempt = (raw: RawBridge, win: BridgeWindow, signature: Signature) => {
    const appId = signature.appId ?? options.appId;
    if (!appId) throw configError('c00', 'no appId');
    // Built with the bridge window's Object: upsdk.js sends another realm's object as {}.
    const params = Object.assign(plainObject(win), {
      appId,
      timestamp: String(signature.timestamp),
      nonceStr: signature.nonceStr,
      signature: signature.signature,
      debug: options.debug,
    });
    return configAttempt(raw)(params, timeout);
  };

  /** Config once; on failure sign again (telling the signer it is a retry) and config once more. */
  const configure = async (win: BridgeWindow, url: string): Promise<void> => {
    const signing = sign(url, false);
    signing.catch(() => undefined); // awaited below; a failed script load must not leave it unhandled
    const raw = await load(win);
    const first = await signing;
    let outcome = await attempt(raw, win, first);
    if (!outcome.ok) outcome = await attempt(raw, win, await sign(url, true, first.tokenId));
    if (!outcome.ok) {
      // The retry's own failure: the handshake never lets an older answer stand in for it.
      const { code, msg } = normalizeFailure(outcome.failure, 'config_failed');
      throw configError(code, `failed twice for ${url}: ${msg}`, outcome.failure);
    }
    configuredUrl = url;
  };

  /** Mini-programs: no signature, upsdk.js's `pluginReady` unlocks the plugins. */
  const pluginReady = (raw: RawBridge): Promise<void> =>
    (appletReady ??= cleanupOnFailure(
      settleOnce<void>(
        (resolve) => {
          if (typeof raw.pluginReady !== 'function') throw unavailable('c03', 'no upsdk.pluginReady');
          raw.pluginReady(() => resolve());
        },
        timeout,
        () => unavailable('timeout', `pluginReady: no answer within ${timeout} ms`),
      ),
      () => (appletReady = undefined),
    ));

  return {
    async ready() {
      const win = options.window() as BridgeWindow | undefined;
      if (!win?.document) throw unavailable('unavailable', 'no browser window');
      const ua = win.navigator.userAgent;
      // The two facts start-up needs, with detectEnvironment's own patterns but not the whole parser.
      if (!IN_APP.test(ua)) throw unavailable('unavailable', 'not in the UnionPay app', ua);
      const appVersion = Number(APP_VERSION.exec(ua)?.[1] ?? MIN_APP_VERSION);
      if (appVersion < MIN_APP_VERSION)
        throw unavailable('c102', `app version ${appVersion} < ${MIN_APP_VERSION}`, ua);
      if (options.mode === 'applet') {
        const raw = await load(win);
        await pluginReady(raw);
        return { raw, win };
      }
      // The URL may change while a config is on its way: configure again for the new one (bounded).
      const current = () => signableUrl(win.location.href);
      for (let round = 0; round < 3 && configuredUrl !== current(); round += 1) {
        const url = current();
        if (configuring?.[0] !== url) {
          const promise = configure(win, url).finally(() => {
            if (configuring?.[1] === promise) configuring = undefined;
          });
          configuring = [url, promise];
        }
        await configuring[1];
      }
      // The page's current global, should it have replaced the one we configured (it then answers c05).
      return { raw: findBridge(win) ?? bridge!, win };
    },
    invalidate() {
      configuredUrl = appletReady = undefined;
    },
    loaded: () => bridge,
  };
}
