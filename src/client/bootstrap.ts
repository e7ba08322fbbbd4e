/**
 * Lazy start-up, shared by every call: detect the app, load upsdk.js once,
 * sign and `config` for the current URL (or wait for `pluginReady` in
 * mini-programs). Each step is single-flight, so ten concurrent first calls
 * cause one script load, one signature request and one `config`. The
 * signature is requested while upsdk.js loads (the signer needs only the
 * URL), so a cold start costs max(script, signer) + config, not their sum.
 */
import { findBridge, loadBridgeScript, plainObject, type BridgeWindow, type RawBridge } from './bridge.js';
import { detectEnvironment, MIN_APP_VERSION } from './environment.js';
import { normalizeFailure, UpsdkConfigError, UpsdkUnavailableError } from './errors.js';
import { configAttempt } from './handshake.js';
import type { ResolvedOptions } from './options.js';
import { toSignerFunction, type Signature } from './signer-source.js';
import { signableUrl } from '../shared/signature.js';
import { raceAbort } from '../shared/abort.js';
import { settleOnce } from '../shared/settle-once.js';

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

const unavailable = (code: string, msg: string, raw?: unknown): UpsdkUnavailableError =>
  new UpsdkUnavailableError({ code, msg, raw });

function assertInApp(userAgent: string): void {
  const env = detectEnvironment(userAgent);
  if (!env.inApp) {
    throw unavailable(
      'unavailable',
      'not inside the UnionPay app (user agent lacks com.unionpay.chsp / com.unionpay.mobilepay); install the simulator to run elsewhere',
      userAgent,
    );
  }
  if (env.appVersion !== undefined && env.appVersion < MIN_APP_VERSION) {
    throw unavailable(
      'c102',
      `the UnionPay app is too old (version ${env.appVersion} < ${MIN_APP_VERSION})`,
      userAgent,
    );
  }
}

/** Start-up of one client. */
export function createStartup(options: ResolvedOptions): Startup {
  const { timeout } = options;
  const signer = options.signer ? toSignerFunction(options.signer, options.fetch) : undefined;
  let bridge: RawBridge | undefined;
  let loading: Promise<RawBridge> | undefined;
  let configuredUrl: string | undefined;
  let configuring: { readonly url: string; readonly promise: Promise<void> } | undefined;
  let appletReady: Promise<void> | undefined;

  const load = (win: BridgeWindow): Promise<RawBridge> => {
    const existing = findBridge(win);
    if (existing) return Promise.resolve((bridge = existing));
    loading ??= loadBridgeScript(win, options.scriptUrl, timeout).then(
      (loaded) => (bridge = loaded),
      (error: unknown) => {
        loading = undefined; // a later call tries again
        throw error;
      },
    );
    return loading;
  };

  const sign = async (url: string, retry: boolean, tokenId?: string): Promise<Signature> => {
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new UpsdkConfigError({ code: 'timeout', msg: `signer did not answer within ${timeout} ms` }),
        ),
      timeout,
    );
    try {
      return await raceAbort(signer!(url, { retry, tokenId, signal: controller.signal }), controller.signal);
    } catch (error) {
      if (error instanceof UpsdkConfigError) throw error;
      throw new UpsdkConfigError({
        code: 'signer_failed',
        msg: `the signer failed: ${String(error)}`,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  };

  const attempt = (raw: RawBridge, win: BridgeWindow, signature: Signature) => {
    const appId = signature.appId ?? options.appId;
    if (!appId)
      throw new UpsdkConfigError({
        code: 'c00',
        msg: 'no appId: pass it to createClient or return it from the signer',
      });
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
      const failure = normalizeFailure(outcome.failure, 'config_failed');
      throw new UpsdkConfigError({
        code: failure.code,
        msg: `upsdk.config failed twice for ${url}: ${failure.msg}`,
        plugin: 'config',
        raw: outcome.failure,
      });
    }
    configuredUrl = url;
  };

  const configureOnce = (win: BridgeWindow, url: string): Promise<void> => {
    if (configuring?.url === url) return configuring.promise;
    const promise = configure(win, url).finally(() => {
      if (configuring?.promise === promise) configuring = undefined;
    });
    configuring = { url, promise };
    return promise;
  };

  const waitPluginReady = (raw: RawBridge): Promise<void> =>
    (appletReady ??= settleOnce<void>(
      ({ resolve }) => {
        if (typeof raw.pluginReady !== 'function')
          throw unavailable('c03', 'this upsdk has no pluginReady (not a mini-program host)');
        raw.pluginReady(() => resolve());
      },
      { timeout, onTimeout: () => unavailable('timeout', 'upsdk.pluginReady never fired') },
    ).catch((error: unknown) => {
      appletReady = undefined;
      throw error;
    }));

  return {
    async ready() {
      const win = options.window() as BridgeWindow | undefined;
      if (!win?.document) throw unavailable('unavailable', 'upsdk needs a browser window');
      assertInApp(win.navigator.userAgent);
      if (options.mode === 'applet') {
        const raw = await load(win);
        await waitPluginReady(raw);
        return { raw, win };
      }
      // The URL may change while a config is on its way: configure again for the new one (bounded).
      for (let round = 0; ; round += 1) {
        const url = signableUrl(win.location.href);
        if (configuredUrl !== url) await configureOnce(win, url);
        // The page's current global, should it have replaced the one we configured (it then answers c05).
        if (configuredUrl === signableUrl(win.location.href) || round === 2)
          return { raw: findBridge(win) ?? bridge!, win };
      }
    },
    invalidate() {
      configuredUrl = undefined;
      appletReady = undefined;
    },
    loaded: () => bridge,
  };
}
