/**
 * `createClient`: the core of the browser library. The client owns the
 * start-up state and the generic `call`; it knows no plugin family. Families
 * are standalone functions that take the client first (`pay(client, …)`),
 * each in its own entry, so a page ships only the families it imports.
 */
import { createStartup } from './bootstrap.js';
import { UpsdkError } from '../shared/error.js';
import { invoke } from './invoke.js';
import { resolveOptions, type ClientOptions } from './options.js';
import { CALLBACKLESS_PLUGINS, type PluginName, type PluginParams, type PluginResult } from './plugin-map.js';
import { USER_WAIT_PLUGINS, USER_WAIT_TIMEOUT } from './user-wait.js';
import { raceAbort } from '../shared/abort.js';

/** Per-call options. */
export interface CallOptions {
  /** Milliseconds to wait for the bridge's answer. Default: 10 minutes for plugins that wait on the user, else the client's `timeout`. */
  readonly timeout?: number | undefined;
  /** Aborts the call; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Whether the plugin answers at all. Default: false only for the vendor's callback-less plugins. */
  readonly expectAnswer?: boolean | undefined;
  /**
   * Long-lived callbacks for listener plugins, passed to the bridge under
   * these names (e.g. `{ callback }` for `registerBLEConnectionStateChange`).
   */
  readonly listeners?: Readonly<Record<string, (payload?: unknown) => void>> | undefined;
}

/** Arguments of `call(plugin, …)`: params may be left out only when every field is optional. */
export type CallArgs<K extends PluginName> =
  Record<string, never> extends PluginParams<K>
    ? [params?: PluginParams<K>, options?: CallOptions]
    : [params: PluginParams<K>, options?: CallOptions];

/**
 * A client: start-up plus the generic `call`. Every family function
 * (`pay(client, …)`, `bluetooth(client)`, …) takes one. What the user agent
 * says about the host app is `detectEnvironment(navigator.userAgent)`.
 */
export interface UpsdkClient {
  /**
   * Call a raw plugin and settle once with its `success` payload.
   *
   * Waits for start-up (script, signature, config) first; re-configures when
   * the page URL changed and once more if the bridge answers `c05`.
   *
   * @returns the plugin's raw success payload.
   * @throws {@link UpsdkError} for vendor failures, {@link UpsdkTimeoutError},
   *   {@link UpsdkUnavailableError}, {@link UpsdkConfigError}, or the abort reason.
   * @example
   * ```ts
   * await client.call('pay', { tn: '2019...' }, { timeout: 600_000 });
   * ```
   */
  call<K extends PluginName>(plugin: K, ...args: CallArgs<K>): Promise<PluginResult<K>>;
  /**
   * Start up now instead of on the first call: load upsdk.js, sign and config.
   *
   * @example
   * ```ts
   * client.ready().catch(showNotInAppBanner);
   * ```
   */
  ready(options?: { readonly signal?: AbortSignal | undefined }): Promise<void>;
  /** The plugins the last successful `config` permitted (upsdk.js's flattened `upsdk.jsApiList`), once loaded. */
  readonly jsApiList: readonly string[] | undefined;
}

/**
 * Create a client. Nothing happens until the first call: importing and
 * creating are safe during server-side rendering. The client has only the
 * generic `call`; import the families you use from their entries.
 *
 * @example
 * ```ts
 * import { createClient } from 'upsdk-kit';
 * import { pay } from 'upsdk-kit/payment';
 *
 * const client = createClient({ appId: 'a5949221470c4059b9b0b45a90c81527', signer: '/upsdk/signature' });
 * await pay(client, { tn });
 * ```
 */
export function createClient(options: ClientOptions): UpsdkClient {
  const resolved = resolveOptions(options);
  const startup = createStartup(resolved);
  // Closures, not methods: `const { call } = client` and passing them as callbacks work, and they minify well.
  const ready = async (control: { readonly signal?: AbortSignal | undefined } = {}): Promise<void> => {
    await raceAbort(startup.ready(), control.signal);
  };
  const call = async (plugin: string, params?: object, control: CallOptions = {}): Promise<unknown> => {
    // The caller's signal and listeners as given, with the defaults filled in.
    const invokeOptions = {
      ...control,
      timeout: control.timeout ?? (USER_WAIT_PLUGINS.has(plugin) ? USER_WAIT_TIMEOUT : resolved.timeout),
      expectAnswer: control.expectAnswer ?? !CALLBACKLESS_PLUGINS.has(plugin),
    };
    const bridge = await raceAbort(startup.ready(), control.signal);
    try {
      return await invoke(bridge, plugin, params, invokeOptions);
    } catch (error) {
      if (!(error instanceof UpsdkError && error.code === 'c05')) throw error;
      // c05: the bridge lost our config (e.g. the app reloaded its side). Configure again, retry once.
      startup.invalidate();
      return invoke(await raceAbort(startup.ready(), control.signal), plugin, params, invokeOptions);
    }
  };
  return {
    call: call as UpsdkClient['call'],
    ready,
    get jsApiList() {
      const list = startup.loaded()?.jsApiList;
      return Array.isArray(list) ? (list as string[]) : undefined;
    },
  };
}
