/**
 * `createClient`: the public entry of the browser library. The client owns
 * the start-up state and the generic `call`; plugin families are thin
 * functions on top of `call`.
 */
import { createStartup, type Startup } from './bootstrap.js';
import type { BridgeWindow } from './bridge.js';
import { detectEnvironment, type HostEnvironment } from './environment.js';
import { UpsdkError } from './errors.js';
import { invoke } from './invoke.js';
import { resolveOptions, type ClientOptions, type ResolvedOptions } from './options.js';
import { CALLBACKLESS_PLUGINS, type PluginName, type PluginParams, type PluginResult } from './plugin-map.js';
import { raceAbort } from '../shared/abort.js';
import { createFileApi, type FileApi } from '../plugins/media/api.js';
import { createBluetooth } from '../plugins/bluetooth/index.js';
import type { Bluetooth } from '../plugins/bluetooth/api.js';
import type { BluetoothOptions } from '../plugins/bluetooth/types.js';
import { createHce } from '../plugins/hce/index.js';
import type { Hce, HceOptions } from '../plugins/hce/api.js';
import { createPlugins, PLUGIN_TIMEOUTS, type PluginsApi } from '../plugins/index.js';

/** Per-call options. */
export interface CallOptions {
  /** Milliseconds to wait for the bridge's answer. Default: the plugin's own, else the client's `timeout`. */
  readonly timeout?: number;
  /** Aborts the call; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Whether the plugin answers at all. Default: false only for the vendor's callback-less plugins. */
  readonly expectAnswer?: boolean;
  /**
   * Long-lived callbacks for listener plugins, passed to the bridge under
   * these names (e.g. `{ callback }` for `registerBLEConnectionStateChange`).
   */
  readonly listeners?: Readonly<Record<string, (payload?: unknown) => void>>;
}

/** Arguments of `call(plugin, …)`: params may be left out only when every field is optional. */
export type CallArgs<K extends PluginName> =
  Record<string, never> extends PluginParams<K>
    ? [params?: PluginParams<K>, options?: CallOptions]
    : [params: PluginParams<K>, options?: CallOptions];

/** The generic part of a client, which every plugin family builds on. */
export interface UpsdkCore {
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
  ready(options?: { readonly signal?: AbortSignal }): Promise<void>;
  /** What the user agent says about the host app. Reads `navigator` when called. */
  environment(): HostEnvironment;
  /** The plugins the last successful `config` permitted (upsdk.js's flattened `upsdk.jsApiList`), once loaded. */
  readonly jsApiList: readonly string[] | undefined;
}

class Core implements UpsdkCore {
  private readonly bootstrap: Startup;

  constructor(private readonly options: ResolvedOptions) {
    this.bootstrap = createStartup(options);
    // Bound, so `const { call } = client` and passing methods as callbacks work.
    this.call = this.call.bind(this);
    this.ready = this.ready.bind(this);
    this.environment = this.environment.bind(this);
  }

  get jsApiList(): readonly string[] | undefined {
    const list = this.bootstrap.loaded()?.jsApiList;
    return Array.isArray(list) ? (list as string[]) : undefined;
  }

  environment(): HostEnvironment {
    return detectEnvironment((this.options.window() as BridgeWindow | undefined)?.navigator?.userAgent ?? '');
  }

  async ready(options: { readonly signal?: AbortSignal } = {}): Promise<void> {
    await raceAbort(this.bootstrap.ready(), options.signal);
  }

  async call<K extends PluginName>(
    plugin: K,
    ...[params, options = {}]: CallArgs<K>
  ): Promise<PluginResult<K>> {
    const invokeOptions = {
      timeout: options.timeout ?? PLUGIN_TIMEOUTS[plugin] ?? this.options.timeout,
      signal: options.signal,
      expectAnswer: options.expectAnswer ?? !CALLBACKLESS_PLUGINS.has(plugin),
      listeners: options.listeners,
    };
    const bridge = await raceAbort(this.bootstrap.ready(), options.signal);
    try {
      return (await invoke(bridge, plugin, params, invokeOptions)) as PluginResult<K>;
    } catch (error) {
      if (!(error instanceof UpsdkError && error.code === 'c05')) throw error;
      // c05: the bridge lost our config (e.g. the app reloaded its side). Configure again, retry once.
      this.bootstrap.invalidate();
      const again = await raceAbort(this.bootstrap.ready(), options.signal);
      return (await invoke(again, plugin, params, invokeOptions)) as PluginResult<K>;
    }
  }
}

/**
 * A client: the generic core plus the typed plugin families. Each family is
 * a module under `src/plugins/` exporting `createXxx(core)`; small plugins
 * become methods on the client, large families a namespace (`bluetooth`, …).
 */
export type UpsdkClient = UpsdkCore &
  PluginsApi &
  FileApi & {
    /** Bluetooth Low Energy (§6.23): promises, typed events, async iterators. */
    readonly bluetooth: Bluetooth;
    /** NFC host card emulation (§6.24). */
    readonly hce: Hce;
  };

/** Options of the plugin families, given to {@link createClient} beside the core options. */
export interface FamilyOptions {
  /** Bluetooth settings, e.g. `{ valueEncoding: 'base64' }`. */
  readonly bluetooth?: BluetoothOptions;
  /** HCE settings, e.g. `{ dataEncoding: 'binary' }`. */
  readonly hce?: HceOptions;
}

/**
 * Create a client. Nothing happens until the first call: importing and
 * creating are safe during server-side rendering.
 *
 * @example
 * ```ts
 * import { createClient } from 'upsdk-kit';
 *
 * const client = createClient({ appId: 'a5949221470c4059b9b0b45a90c81527', signer: '/upsdk/signature' });
 * await client.call('pay', { tn });
 * ```
 */
export function createClient(options: ClientOptions & FamilyOptions): UpsdkClient {
  const core = new Core(resolveOptions(options));
  // Plugin families attach here: Object.assign(core, createXxx(core), { namespace: createYyy(core) }).
  return Object.assign(core, createPlugins(core), createFileApi(core), {
    bluetooth: createBluetooth(core, options.bluetooth),
    hce: createHce(core, options.hce),
  });
}
