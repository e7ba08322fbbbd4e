/**
 * Lazy start-up, shared by every call: detect the app, load upsdk.js once,
 * sign and `config` for the current URL (or wait for `pluginReady` in
 * mini-programs). Each step is single-flight, so ten concurrent first calls
 * cause one script load, one signature request and one `config`.
 */
import { findBridge, loadBridgeScript, type BridgeWindow, type RawBridge } from './bridge.js';
import { detectEnvironment, MIN_APP_VERSION } from './environment.js';
import { normalizeFailure, UpsdkConfigError, UpsdkUnavailableError } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { toSignerFunction, type Signature, type SignerFunction } from './signer-source.js';
import { signableUrl } from '../shared/signature.js';
import { raceAbort } from '../shared/abort.js';
import { settleOnce } from '../shared/settle-once.js';

type ConfigOutcome =
  { readonly ok: true; readonly info: unknown } | { readonly ok: false; readonly failure: unknown };

/** Start-up state of one client. */
export class Bootstrap {
  /** What `ready` passed after the last successful config (may carry `jsApiList`). */
  readyInfo: unknown;
  private loading: Promise<RawBridge> | undefined;
  private configuredUrl: string | undefined;
  private configuring: { readonly url: string; readonly promise: Promise<void> } | undefined;
  private appletReady: Promise<void> | undefined;
  private readonly signer: SignerFunction | undefined;

  constructor(private readonly options: ResolvedOptions) {
    this.signer = options.signer ? toSignerFunction(options.signer, options.fetch) : undefined;
  }

  /** The bridge, loaded and unlocked for the current page URL. */
  async ready(): Promise<RawBridge> {
    const win = this.options.window() as BridgeWindow | undefined;
    if (!win?.document) {
      throw new UpsdkUnavailableError({ code: 'unavailable', msg: 'upsdk needs a browser window' });
    }
    this.assertInApp(win.navigator.userAgent);
    const bridge = await this.load(win);
    if (this.options.mode === 'applet') {
      await this.waitPluginReady(bridge);
    } else {
      const url = signableUrl(win.location.href);
      if (this.configuredUrl !== url) await this.configure(bridge, url);
    }
    return bridge;
  }

  /** Forget the configuration (the bridge answered `c05`), so the next `ready()` configures again. */
  invalidate(): void {
    this.configuredUrl = undefined;
    this.appletReady = undefined;
  }

  private assertInApp(userAgent: string): void {
    const env = detectEnvironment(userAgent);
    if (!env.inApp) {
      throw new UpsdkUnavailableError({
        code: 'unavailable',
        msg: 'not inside the UnionPay app (user agent lacks com.unionpay.chsp / com.unionpay.mobilepay); install the simulator to run elsewhere',
        raw: userAgent,
      });
    }
    if (env.appVersion !== undefined && env.appVersion < MIN_APP_VERSION) {
      throw new UpsdkUnavailableError({
        code: 'c102',
        msg: `the UnionPay app is too old (version ${env.appVersion} < ${MIN_APP_VERSION})`,
        raw: userAgent,
      });
    }
  }

  private load(win: BridgeWindow): Promise<RawBridge> {
    const existing = findBridge(win);
    if (existing) return Promise.resolve(existing);
    this.loading ??= loadBridgeScript(win, this.options.scriptUrl, this.options.timeout).catch(
      (error: unknown) => {
        this.loading = undefined; // a later call tries again
        throw error;
      },
    );
    return this.loading;
  }

  private waitPluginReady(bridge: RawBridge): Promise<void> {
    this.appletReady ??= settleOnce<void>(
      ({ resolve }) => {
        if (typeof bridge.pluginReady !== 'function') {
          throw new UpsdkUnavailableError({
            code: 'c03',
            msg: 'this upsdk has no pluginReady (not a mini-program host)',
          });
        }
        bridge.pluginReady(() => resolve());
      },
      {
        timeout: this.options.timeout,
        onTimeout: () => new UpsdkUnavailableError({ code: 'timeout', msg: 'upsdk.pluginReady never fired' }),
      },
    ).catch((error: unknown) => {
      this.appletReady = undefined;
      throw error;
    });
    return this.appletReady;
  }

  private configure(bridge: RawBridge, url: string): Promise<void> {
    if (this.configuring?.url === url) return this.configuring.promise;
    const promise = this.configureWithRetry(bridge, url).finally(() => {
      if (this.configuring?.promise === promise) this.configuring = undefined;
    });
    this.configuring = { url, promise };
    return promise;
  }

  /** Config once; on failure sign again (telling the signer it is a retry) and config once more. */
  private async configureWithRetry(bridge: RawBridge, url: string): Promise<void> {
    const first = await this.attempt(bridge, url, false, undefined);
    if (first.outcome.ok) return this.configured(url, first.outcome.info);
    const second = await this.attempt(bridge, url, true, first.signature.tokenId);
    if (second.outcome.ok) return this.configured(url, second.outcome.info);
    const failure = normalizeFailure(second.outcome.failure, 'config_failed');
    throw new UpsdkConfigError({
      code: failure.code,
      msg: `upsdk.config failed twice for ${url}: ${failure.msg}`,
      plugin: 'config',
      raw: second.outcome.failure,
    });
  }

  private configured(url: string, info: unknown): void {
    this.configuredUrl = url;
    this.readyInfo = info;
  }

  private async attempt(
    bridge: RawBridge,
    url: string,
    retry: boolean,
    tokenId: string | undefined,
  ): Promise<{ signature: Signature; outcome: ConfigOutcome }> {
    const signature = await this.sign(url, retry, tokenId);
    const appId = signature.appId ?? this.options.appId;
    if (!appId)
      throw new UpsdkConfigError({
        code: 'c00',
        msg: 'no appId: pass it to createClient or return it from the signer',
      });
    const outcome = await settleOnce<ConfigOutcome>(
      ({ resolve }) => {
        if (typeof bridge.config !== 'function') {
          throw new UpsdkConfigError({ code: 'c03', msg: 'this upsdk has no config()' });
        }
        // error() keeps only the last handler, so ours is installed before every config.
        bridge.error?.((failure) => resolve({ ok: false, failure }));
        bridge.config({
          appId,
          timestamp: String(signature.timestamp),
          nonceStr: signature.nonceStr,
          signature: signature.signature,
          debug: this.options.debug,
        });
        bridge.ready?.((info) => resolve({ ok: true, info }));
      },
      {
        timeout: this.options.timeout,
        onTimeout: () =>
          new UpsdkConfigError({
            code: 'timeout',
            msg: `upsdk.config: neither ready nor error within ${this.options.timeout} ms`,
          }),
      },
    );
    return { signature, outcome };
  }

  private async sign(url: string, retry: boolean, tokenId: string | undefined): Promise<Signature> {
    const controller = new AbortController();
    const timeout = this.options.timeout;
    const timer = setTimeout(
      () =>
        controller.abort(
          new UpsdkConfigError({ code: 'timeout', msg: `signer did not answer within ${timeout} ms` }),
        ),
      timeout,
    );
    try {
      return await raceAbort(
        this.signer!(url, { retry, tokenId, signal: controller.signal }),
        controller.signal,
      );
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
  }
}
