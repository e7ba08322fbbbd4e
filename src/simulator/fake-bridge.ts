/**
 * A fake `upsdk` global that behaves like the newest upsdk.js (BRIDGE-FACTS
 * "Lifecycle"): plugins are no-op stubs until the bridge loads, fail with
 * `c05` before a successful `config`, and answer through the family
 * behaviours with latency and faults applied.
 */
import { configSignature, signableUrl } from '../shared/signature.js';
import { failurePayload, type Fault, type FaultTable } from './faults.js';
import type { Outcome, PluginBehaviours, SimulationContext } from './family.js';

/** One call the page made on the fake global, as the bridge received it. */
export interface RawCall {
  /** Plugin name, or `config`. */
  readonly plugin: string;
  /** The options minus functions, copied at call time. */
  readonly params: Readonly<Record<string, unknown>>;
  /** True when the call hit a no-op stub (bridge not loaded yet) or an unknown plugin. */
  readonly dropped: boolean;
}

/** Settings the fake bridge reads on every call (so tests can change them live). */
export interface FakeBridgeSettings {
  latency: (plugin: string) => number;
  frontToken: () => string | Promise<string>;
  appId: string | undefined;
  verifySignature: boolean;
  /** Milliseconds since the epoch; the timestamp of a config must be within 5 minutes of it. */
  clock: () => number;
}

type Options = Record<string, unknown>;
type Callback = (payload?: unknown) => void;

const CONFIG_FIELDS = ['appId', 'timestamp', 'nonceStr', 'signature'] as const;
const TIMESTAMP_WINDOW_S = 300;

/** The fake bridge's state and the `upsdk` object it exposes. */
export class FakeBridge {
  readonly calls: RawCall[] = [];
  configCount = 0;
  bridgeLoaded = false;
  configuredUrl: string | undefined;
  readonly upsdk: Record<string, unknown>;
  private readyQueue: Callback[] = [];
  private pluginReadyQueue: Callback[] = [];
  private errorHandler: Callback | undefined;
  private appletMode = false;

  constructor(
    private readonly behaviours: PluginBehaviours,
    private readonly faults: FaultTable,
    private readonly settings: FakeBridgeSettings,
    private readonly context: SimulationContext,
  ) {
    const upsdk: Record<string, unknown> = {
      config: (options: Options) => this.config(options),
      ready: (callback: Callback) => this.ready(callback),
      error: (callback: Callback) => {
        this.errorHandler = callback;
      },
      pluginReady: (callback: Callback) => this.pluginReady(callback),
    };
    for (const name of Object.keys(behaviours))
      upsdk[name] = (options?: Options) => this.plugin(name, options);
    this.upsdk = upsdk;
  }

  /** The native bridge script "arrives": stubs come alive, pending pluginReady callbacks fire. */
  loadBridge(): void {
    this.bridgeLoaded = true;
    const queue = this.pluginReadyQueue.splice(0);
    for (const callback of queue) this.later(() => callback());
    this.flushReady();
  }

  /** `ready` callbacks fire once the native bridge is there and config succeeded for this URL. */
  private flushReady(): void {
    if (!this.isReady()) return;
    const info = { jsApiList: Object.keys(this.behaviours) };
    for (const callback of this.readyQueue.splice(0))
      this.later(() => callback(info), this.settings.latency('config'));
  }

  private isReady(): boolean {
    return this.bridgeLoaded && this.configuredUrl !== undefined && this.configuredUrl === this.currentUrl();
  }

  /** Forget the configuration, as if the native side lost it: plugins answer `c05` again. */
  loseConfig(): void {
    this.configuredUrl = undefined;
  }

  private currentUrl(): string {
    return signableUrl(this.context.window.location.href);
  }

  private log(plugin: string, options: Options | undefined, dropped: boolean): void {
    const params: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options ?? {})) {
      if (typeof value !== 'function') params[key] = structuredClone(value);
    }
    this.calls.push({ plugin, params, dropped });
  }

  private later(task: () => void, delay = 0): void {
    setTimeout(task, delay);
  }

  private config(options: Options): void {
    this.log('config', options, false);
    this.configCount += 1;
    this.appletMode = false;
    delete options.debug; // the real config() mutates the caller's object this way
    void this.verifyConfig(options).then((failure) => {
      if (failure) {
        this.configuredUrl = undefined;
        const handler = this.errorHandler;
        if (handler) this.later(() => handler(failure));
        return;
      }
      this.configuredUrl = this.currentUrl();
      this.flushReady();
    });
  }

  private async verifyConfig(options: Options): Promise<{ errcode: string; errmsg: string } | undefined> {
    for (const field of CONFIG_FIELDS) {
      if (typeof options[field] !== 'string' || options[field] === '') {
        return { errcode: 'c00', errmsg: `config: missing ${field}` };
      }
    }
    const url = this.currentUrl();
    if (options.url !== undefined && options.url !== url) {
      return {
        errcode: 'c00',
        errmsg: `config: url must equal location.href without #, got ${String(options.url)}`,
      };
    }
    const { appId, timestamp, nonceStr, signature } = options as Record<
      (typeof CONFIG_FIELDS)[number],
      string
    >;
    if (this.settings.appId !== undefined && appId !== this.settings.appId) {
      return { errcode: 'c01', errmsg: `config: unknown appId ${appId}` };
    }
    if (!this.settings.verifySignature) return undefined;
    const skew = Math.abs(this.settings.clock() / 1000 - Number(timestamp));
    if (!(skew <= TIMESTAMP_WINDOW_S)) return { errcode: 'c01', errmsg: 'config: timestamp expired' };
    const frontToken = await this.settings.frontToken();
    const expected = configSignature({ appId, frontToken, nonceStr, timestamp, url });
    return expected === signature
      ? undefined
      : { errcode: 'c01', errmsg: 'config: signature verification failed' };
  }

  private ready(callback: Callback): void {
    this.readyQueue.push(callback);
    this.flushReady();
  }

  private pluginReady(callback: Callback): void {
    this.appletMode = true;
    if (this.bridgeLoaded) this.later(() => callback());
    else this.pluginReadyQueue.push(callback);
  }

  private unlocked(): boolean {
    return this.appletMode || this.isReady();
  }

  private plugin(name: string, options: Options | undefined): void {
    const opts = options ?? {};
    if (!this.bridgeLoaded) {
      this.log(name, opts, true); // a no-op stub: no callback, no error
      return;
    }
    this.log(name, opts, false);
    const respond = this.responder(name, opts);
    if (!this.unlocked()) {
      respond({ fail: { errcode: 'c05', errmsg: `${name}: called before config succeeded` } }, false);
      return;
    }
    const fault = this.faults.take(name);
    if (fault !== undefined && fault !== 'sync' && fault !== 'double') {
      respond(this.faultOutcome(fault), false);
      return;
    }
    let outcome: Outcome | Promise<Outcome>;
    try {
      outcome = this.behaviours[name]!(opts, this.context);
    } catch (error) {
      outcome = { fail: { code: '01', msg: `simulator: ${String(error)}` } };
    }
    if (outcome instanceof Promise) {
      outcome.then(
        (value) => respond(value, false, fault === 'double'),
        (error: unknown) => respond({ fail: { code: '01', msg: String(error) } }, false),
      );
    } else {
      respond(outcome, fault === 'sync', fault === 'double');
    }
  }

  private faultOutcome(fault: Exclude<Fault, 'sync' | 'double'>): Outcome {
    if (fault === 'drop') return { silent: true };
    if (fault === 'cancel') return { cancel: undefined };
    return { fail: failurePayload(fault.fail, fault.code, fault.msg) };
  }

  /** Deliver an outcome through the page's callbacks, now or after the simulated latency. */
  private responder(name: string, options: Options) {
    return (outcome: Outcome, synchronous: boolean, twice = false): void => {
      const deliver = (): void => {
        const key =
          'silent' in outcome && outcome.silent
            ? undefined
            : 'fail' in outcome
              ? 'fail'
              : 'cancel' in outcome
                ? 'cancel'
                : 'success';
        if (!key) return;
        const callback = options[key];
        const payload = (outcome as Record<string, unknown>)[key];
        if (typeof callback !== 'function') return;
        (callback as Callback)(payload);
        if (twice) (callback as Callback)(payload);
      };
      if (synchronous) deliver();
      else this.later(deliver, this.settings.latency(name));
    };
  }
}
