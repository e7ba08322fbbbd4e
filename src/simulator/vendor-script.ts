/**
 * The simulator's model of the newest upsdk.js, quirk for quirk
 * (BRIDGE-FACTS.md "Lifecycle"), on top of the fake native layer's
 * `window.cordova`:
 * - every plugin is a no-op stub until `deviceready`; a `config` made before
 *   is kept and replayed, and so are `pluginReady` callbacks;
 * - after that, a plugin called before any config succeeded fails at once
 *   with `c05` (pay: as a message);
 * - `ready(cb)` runs `cb` at once, with no argument, if any earlier config
 *   succeeded, else queues it; the queue is never cleared, so every later
 *   success runs every queued callback again;
 * - `error(cb)` runs `cb` at once with the old failure if the last config
 *   failed and does not store it; otherwise it replaces the one handler;
 * - params are copied for native only if their prototype is this window's
 *   `Object.prototype`; another realm's object is sent as `{}`.
 */
import { urlBeforeHash } from './spec-signing.js';
import { VENDOR_TEXTS } from './vendor-texts.js';
import type { RawCall } from './call-log.js';
import type { ListenerRegistry, DocumentListenerSpec } from './listeners.js';
import type { FakeCordova } from './native-layer.js';
import { nativeRoute } from './native-routes.js';
import { normalizeNativeFailure, wrapperOf } from './vendor-plugins.js';
import { textOf } from '../shared/text-of.js';

type Params = Record<string, unknown>;
type Callback = (payload?: unknown) => void;

/** What the model needs from its surroundings. */
export interface VendorScriptOptions {
  readonly window: Window & typeof globalThis;
  /** The plugins this upsdk.js defines. */
  readonly plugins: readonly string[];
  /** Plugins that hang a page callback on a document event, and which option it is. */
  readonly listenerSpecs: ReadonlyMap<string, DocumentListenerSpec>;
  readonly listeners: ListenerRegistry;
  /** Event types whose listeners get a plain copy of the fields instead of the Event (older versions). */
  readonly plainEventTypes: ReadonlySet<string>;
  /** Records each call the page made. */
  readonly log: (call: RawCall) => void;
}

const REQUIRED = ['appId', 'nonceStr', 'timestamp', 'signature'] as const;

/** A copy minus functions, only of an object made by this window's `Object` (upsdk.js's `__proto__` check). */
function forNative(win: Window & typeof globalThis, options: Params): Params {
  const copy: Params = {};
  if (Object.getPrototypeOf(options) !== win.Object.prototype) return copy;
  for (const [key, value] of Object.entries(options)) if (typeof value !== 'function') copy[key] = value;
  return copy;
}

const snapshot = (options: Params): Params =>
  Object.fromEntries(
    Object.entries(options)
      .filter(([, value]) => typeof value !== 'function')
      .map(([key, value]) => [key, structuredClone(value)]),
  );

/** Parse native's config answer (an object, a JSON string, maybe wrapped in `params`) into a flat list. */
function flattenJsApiList(answer: unknown): string[] {
  let value = answer;
  if (typeof value === 'string') value = JSON.parse(value) as unknown;
  const record = (value ?? {}) as { params?: unknown; jsApiList?: unknown };
  const list = (record.params as { jsApiList?: unknown } | undefined)?.jsApiList ?? record.jsApiList;
  return Array.isArray(list)
    ? list.flatMap((entry) => ((entry as { actions?: unknown }).actions as string[] | undefined) ?? [])
    : [];
}

/** Build the `upsdk` global. */
export function createVendorScript(options: VendorScriptOptions): Record<string, unknown> {
  const { window: win, listeners, log } = options;
  const cordova = (): FakeCordova | undefined => (win as { cordova?: FakeCordova }).cordova;
  let bridgeReady = false;
  let configSucceeded = false;
  let appletMode = false;
  let lastFailure: { readonly failure: unknown } | undefined;
  let pendingConfig: Params | undefined;
  let errorHandler: Callback | undefined;
  const readyQueue: Callback[] = [];
  const pluginReadyQueue: Callback[] = [];
  const upsdk: Record<string, unknown> = {};

  const configFailed = (failure: unknown): void => {
    lastFailure = { failure };
    errorHandler?.(failure);
  };

  const sendConfig = (params: Params): void => {
    cordova()?.exec(
      (answer) => {
        upsdk.jsApiList = flattenJsApiList(answer);
        configSucceeded = true;
        lastFailure = undefined;
        for (const callback of readyQueue) callback(); // never cleared: all of them, every time
      },
      (failure) => configFailed(normalizeNativeFailure(failure, cordova())),
      'UPWebSdk',
      'config',
      [params],
    );
  };

  win.document.addEventListener('deviceready', () => {
    bridgeReady = true;
    const config = pendingConfig;
    pendingConfig = undefined;
    if (config) sendConfig(config);
    for (const callback of pluginReadyQueue.splice(0)) callback();
  });

  upsdk.config = (params: Params) => {
    log({ plugin: 'config', params: snapshot(params), dropped: false });
    delete params.debug; // the real config() mutates the caller's object this way
    const missing = REQUIRED.find((name) => params[name] === undefined || params[name] === '');
    if (missing) return configFailed({ errcode: 'c00', errmsg: `config: missing ${missing}` });
    if (params.url !== undefined && params.url !== urlBeforeHash(win.location.href)) {
      return configFailed({
        errcode: 'c00',
        errmsg: `config: url must equal location.href without #, got ${textOf(params.url)}`,
      });
    }
    appletMode = false;
    const copy = forNative(win, params);
    if (bridgeReady) sendConfig(copy);
    else pendingConfig = copy; // replayed on deviceready
  };
  upsdk.ready = (callback: Callback) => {
    if (configSucceeded) callback();
    else readyQueue.push(callback);
  };
  upsdk.error = (callback: Callback) => {
    if (lastFailure) callback(lastFailure.failure);
    else errorHandler = callback;
  };
  upsdk.pluginReady = (callback: Callback) => {
    appletMode = true;
    if (bridgeReady) callback();
    else pluginReadyQueue.push(callback);
  };

  for (const name of options.plugins) {
    const wrapper = wrapperOf(name);
    const spec = options.listenerSpecs.get(name);
    upsdk[name] = (params: Params = {}) => {
      if (!bridgeReady) return log({ plugin: name, params: snapshot(params), dropped: true });
      const page = snapshot(params);
      const fail = (failure: unknown): void => {
        if ((failure as { errcode?: unknown } | undefined)?.errcode === 'cancel' && params.cancel)
          return (params.cancel as Callback)(failure);
        (params.fail as Callback | undefined)?.(wrapper.fail ? wrapper.fail(failure) : failure);
      };
      if (!configSucceeded && !appletMode) {
        log({ plugin: name, params: page, dropped: false });
        return fail({ errcode: 'c05', errmsg: VENDOR_TEXTS.c05 });
      }
      wrapper.before?.(params, win);
      const sent = { ...forNative(win, params), ...wrapper.extra };
      log({ plugin: name, params: page, dropped: false, native: sent });
      if (spec && typeof params[spec.key] === 'function') {
        const callback = params[spec.key] as Callback;
        listeners.attach(
          spec.type,
          options.plainEventTypes.has(spec.type)
            ? (event: Event) =>
                callback(Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'isTrusted')))
            : callback,
        );
      }
      if (name === 'removeScreenShot') listeners.attach('screenShotAction', undefined);
      const route = nativeRoute(name);
      cordova()?.exec(
        (payload) => {
          if (spec?.key !== 'success')
            (params.success as Callback | undefined)?.(wrapper.success ? wrapper.success(payload) : payload);
        },
        (failure) => fail(normalizeNativeFailure(failure, cordova())),
        route.service,
        route.action,
        [sent],
      );
    };
  }
  return upsdk;
}
