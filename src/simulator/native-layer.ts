/**
 * The fake native layer: what the app puts under upsdk.js on the cordova
 * path (BRIDGE-FACTS.md "The native layer under it"). It answers
 * `cordova.exec(success, fail, service, action, [params])` by service and
 * action through the family behaviours, verifies `config` signatures, fires
 * `deviceready` and listener events with `cordova.fireDocumentEvent`
 * semantics, and reports c02/c03/c04 through `cordova.errorRetStatus`.
 * It works under the simulator's model of upsdk.js and under the real one.
 */
import { VENDOR_TEXTS } from './vendor-texts.js';
import { specSha256, urlBeforeHash } from './spec-signing.js';
import { failurePayload, type Fault, type FaultTable } from './faults.js';
import type { Outcome, PluginBehaviours, SimulationContext } from './family.js';
import { nativeRoute, pluginOfExec, pluginsOfService } from './native-routes.js';

/** Settings the native layer reads on every call (so tests can change them live). */
export interface NativeSettings {
  latency: (plugin: string) => number;
  frontToken: () => string | Promise<string>;
  appId: string | undefined;
  verifySignature: boolean;
  /** Milliseconds since the epoch; the timestamp of a config must be within 5 minutes of it. */
  clock: () => number;
}

type Params = Record<string, unknown>;
type Callback = (payload?: unknown) => void;

/** cordova's callback status codes (cordova-js `callbackStatus`). */
export const CALLBACK_STATUS = {
  NO_RESULT: 0,
  OK: 1,
  CLASS_NOT_FOUND_EXCEPTION: 2,
  ILLEGAL_ACCESS_EXCEPTION: 3,
  INSTANTIATION_EXCEPTION: 4,
  MALFORMED_URL_EXCEPTION: 5,
  IO_EXCEPTION: 6,
  INVALID_ACTION: 7,
  JSON_EXCEPTION: 8,
  ERROR: 9,
} as const;

/** The statuses upsdk.js turns into its own codes. */
export type NativeStatus = 'ILLEGAL_ACCESS_EXCEPTION' | 'INVALID_ACTION' | 'CLASS_NOT_FOUND_EXCEPTION';

/** The `window.cordova` the fake native layer installs. */
export interface FakeCordova {
  readonly platformId: 'android' | 'ios';
  readonly version: string;
  readonly callbackStatus: typeof CALLBACK_STATUS;
  /** Status of the failure being delivered right now (set only while `fail` runs). */
  errorRetStatus: number | undefined;
  exec(success: Callback, fail: Callback, service: string, action: string, args?: readonly unknown[]): void;
  /** Dispatch a document event with `data`'s fields copied onto the Event. */
  fireDocumentEvent(type: string, data?: Readonly<Record<string, unknown>>): void;
}

const CONFIG_FIELDS = ['appId', 'timestamp', 'nonceStr', 'signature'] as const;
const TIMESTAMP_WINDOW_S = 300;
const STATUS_TEXT: Record<NativeStatus, string> = {
  ILLEGAL_ACCESS_EXCEPTION: 'no permission for this plugin',
  INVALID_ACTION: 'no such action',
  CLASS_NOT_FOUND_EXCEPTION: 'class not found',
};

/** The fake app side: state, `window.cordova`, and what native saw. */
export class FakeNative {
  readonly cordova: FakeCordova;
  configCount = 0;
  /** The page URL the last accepted config was for. */
  acceptedUrl: string | undefined;
  private lost = false;
  private ready = false;

  constructor(
    private readonly behaviours: PluginBehaviours,
    private readonly faults: FaultTable,
    private readonly settings: NativeSettings,
    private readonly context: SimulationContext,
    /** Told about every exec with the plugin it reached (or `service.action`) and its params. */
    private readonly onExec?: (plugin: string, params: Readonly<Params>) => void,
  ) {
    this.cordova = {
      platformId: context.platform,
      version: '4.5.4',
      callbackStatus: CALLBACK_STATUS,
      errorRetStatus: undefined,
      exec: (success, fail, service, action, args) => this.exec(success, fail, service, action, args),
      fireDocumentEvent: (type, data = {}) => context.emitDocumentEvent(type, data),
    };
  }

  /** Whether `deviceready` has fired. */
  get isReady(): boolean {
    return this.ready;
  }

  /** The bridge is up: fire `deviceready` on the document (sticky, as cordova makes it). */
  deviceReady(): void {
    this.ready = true;
    this.cordova.fireDocumentEvent('deviceready');
  }

  /** The app forgets the config, as after a restart of its side: plugins answer `c05` until the next one. */
  loseConfig(): void {
    this.lost = true;
    this.acceptedUrl = undefined;
  }

  /** The jsApiList native answers a successful config with: `[{plugin, actions}]` per service. */
  jsApiList(): { plugin: string; actions: string[] }[] {
    const services = new Map<string, string[]>();
    for (const name of Object.keys(this.behaviours)) {
      const { service, action } = nativeRoute(name);
      const actions = services.get(service) ?? [];
      if (!actions.includes(action)) actions.push(action);
      services.set(service, actions);
    }
    return [...services].map(([plugin, actions]) => ({ plugin, actions }));
  }

  private exec(
    success: Callback,
    fail: Callback,
    service: string,
    action: string,
    args: readonly unknown[] = [],
  ): void {
    const params = (typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) as Params;
    if (service === 'UPWebSdk' && action === 'config') {
      this.onExec?.('config', params);
      this.configCount += 1;
      const url = this.currentUrl();
      void this.verifyConfig(params, url).then((failure) => {
        // Native holds the config from the moment it answers, not before.
        const answer = (): void => {
          if (failure) return fail(failure);
          this.acceptedUrl = url;
          this.lost = false;
          success(this.configAnswer());
        };
        this.later(answer, this.settings.latency('config'));
      });
      return;
    }
    const plugin = pluginOfExec(service, action, params);
    this.onExec?.(plugin ?? `${service}.${action}`, params);
    // Behaviours see the callbacks too (some keep or wrap them); answers go to whatever they left there.
    const options: Params = { ...params, success, fail };
    const answer = this.answerer(plugin ?? action, options);
    if (plugin === undefined || !(plugin in this.behaviours)) {
      const known = pluginsOfService(service).some((name) => name in this.behaviours);
      return answer({ status: known ? 'INVALID_ACTION' : 'CLASS_NOT_FOUND_EXCEPTION' });
    }
    if (this.lost) return answer({ fail: { errcode: 'c05', errmsg: VENDOR_TEXTS.c05 } });
    const fault = this.faults.take(plugin);
    if (fault !== undefined && fault !== 'sync' && fault !== 'double') return answer(faultOutcome(fault));
    let outcome: Outcome | Promise<Outcome>;
    try {
      outcome = this.behaviours[plugin]!(options, this.context);
    } catch (error) {
      outcome = { fail: { code: '01', msg: `simulator: ${String(error)}` } };
    }
    if (outcome instanceof Promise) {
      outcome.then(
        (value) => answer(value, false, fault === 'double'),
        (error: unknown) => answer({ fail: { code: '01', msg: String(error) } }),
      );
    } else {
      answer(outcome, fault === 'sync', fault === 'double');
    }
  }

  /** iOS answers an object; Android a JSON string (sometimes wrapped in `params`, as here). */
  private configAnswer(): unknown {
    const answer = { jsApiList: this.jsApiList() };
    return this.context.platform === 'ios' ? answer : JSON.stringify({ params: answer });
  }

  private currentUrl(): string {
    return urlBeforeHash(this.context.window.location.href);
  }

  private later(task: () => void, delay = 0): void {
    setTimeout(task, delay);
  }

  private async verifyConfig(
    options: Params,
    url: string,
  ): Promise<{ errcode: string; errmsg: string } | undefined> {
    for (const field of CONFIG_FIELDS) {
      if (typeof options[field] !== 'string' || options[field] === '') {
        return { errcode: 'c00', errmsg: `config: missing ${field}` };
      }
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
    const expected = specSha256({ appId, frontToken, nonceStr, timestamp, url: urlBeforeHash(url) });
    return expected === signature
      ? undefined
      : { errcode: 'c01', errmsg: 'config: signature verification failed' };
  }

  /** Deliver an outcome through exec's callbacks, now or after the simulated latency. */
  private answerer(plugin: string, options: Params) {
    return (outcome: Outcome | { status: NativeStatus }, synchronous = false, twice = false): void => {
      const deliver = (): void => {
        const success = options.success as Callback;
        const fail = options.fail as Callback;
        if ('status' in outcome) {
          this.cordova.errorRetStatus = CALLBACK_STATUS[outcome.status];
          try {
            fail(STATUS_TEXT[outcome.status]);
          } finally {
            this.cordova.errorRetStatus = undefined;
          }
          return;
        }
        if ('silent' in outcome && outcome.silent) return;
        // cordova has no cancel channel: a user cancel reaches `fail` (the shape is our guess).
        if ('cancel' in outcome) return fail({ errcode: 'cancel', errmsg: '用户取消 (cancelled)' });
        if ('fail' in outcome) return fail(outcome.fail);
        success(outcome.success);
        if (twice) success(outcome.success);
      };
      if (synchronous) deliver();
      else this.later(deliver, this.settings.latency(plugin));
    };
  }
}

function faultOutcome(fault: Exclude<Fault, 'sync' | 'double'>): Outcome | { status: NativeStatus } {
  if (fault === 'drop') return { silent: true };
  if (fault === 'cancel') return { cancel: undefined };
  if ('status' in fault) return { status: fault.status };
  return { fail: failurePayload(fault.fail, fault.code, fault.msg) };
}
