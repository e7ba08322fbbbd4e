/**
 * `installSimulator`: put the two layers of the app on a window (jsdom or a
 * real browser) — a fake native layer answering `cordova.exec`, and under
 * `vendorScript: 'simulated'` a model of upsdk.js on top — so that the
 * client, tests and the playground run anywhere.
 */
import type { RawCall } from './call-log.js';
import { FakeNative, type NativeSettings } from './native-layer.js';
import { createVendorScript } from './vendor-script.js';
import { BLE_EVENT_TYPES } from './families/bluetooth-peripherals.js';
import { listenerSpecs } from './listeners.js';
import { FaultTable, type Fault } from './faults.js';
import type { PluginBehaviours, SimulatedPlatform, SimulationContext } from './family.js';
import { overrideUserAgent, simulatedUserAgent } from './user-agent.js';
import { FilesState, type FilesController } from './families/files-controller.js';
import { filesBehaviours } from './families/files.js';
import { createUiFamily } from './families/core-ui.js';
import type { SimulatedUi } from './families/ui-state.js';
import { seededRandom } from '../shared/random.js';
import { ListenerRegistry } from './listeners.js';
import { BluetoothSimulation } from './families/bluetooth-controller.js';
import { bluetoothBehaviours } from './families/bluetooth.js';
import type { BluetoothSimOptions, SimulatedBluetooth } from './families/bluetooth-peripherals.js';
import { HceSimulation, type HceSimOptions, type SimulatedHce } from './families/hce-controller.js';
import { hceBehaviours } from './families/hce.js';
import { SIMULATED_FRONT_TOKEN } from './open-platform.js';

/** Options of {@link installSimulator}. */
export interface SimulatorOptions {
  /** The window to install on. Default the global `window`. */
  readonly window?: Window | undefined;
  /**
   * `simulated` (default): the simulator's model of upsdk.js provides `window.upsdk`.
   * `real`: only the native layer is installed (`window.cordova`, then `deviceready`),
   * for the vendor's real upsdk.js, which the page loads itself from the vendor's host;
   * `installVia` and `scriptLoad` then do not apply.
   */
  readonly vendorScript?: 'simulated' | 'real' | undefined;
  /** Which device to imitate (affects some payload shapes). Default `android`. */
  readonly platform?: SimulatedPlatform | undefined;
  /** Only this appId passes `config`. Default: any appId. */
  readonly appId?: string | undefined;
  /** The frontToken signatures are checked against. Default {@link SIMULATED_FRONT_TOKEN}. */
  readonly frontToken?: string | (() => string | Promise<string>) | undefined;
  /** Check `config` signatures and timestamps. Default true. */
  readonly verifySignature?: boolean | undefined;
  /**
   * Milliseconds before each native answer, fixed or per plugin (`'config'` for config
   * answers, `'script'` for the upsdk.js load with `installVia: 'script'`). Default 0.
   */
  readonly latency?: number | ((plugin: string) => number) | undefined;
  /**
   * `global` (default): the fake global is there at once. `script`: it appears
   * when the page appends a `<script>` whose src contains `upsdk` — as if
   * upsdk.js loaded — and `scriptLoad` decides how that load ends.
   */
  readonly installVia?: 'global' | 'script' | undefined;
  /** With `installVia: 'script'`: `load` (default), `error`, or `no-global` (loads but defines nothing). */
  readonly scriptLoad?: 'load' | 'error' | 'no-global' | undefined;
  /** Milliseconds until native fires `deviceready`; plugins are no-op stubs before. Default 0. */
  readonly bridgeDelay?: number | undefined;
  /** Reported user agent. Default an in-app UA of `platform`. */
  readonly userAgent?: string | undefined;
  /** Seed of the simulator's random numbers. Default 1. */
  readonly seed?: number | undefined;
  /** Clock used to check config timestamps, in ms since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /**
   * Extra or replacement native behaviours (e.g. a plugin of a newer app version). They answer
   * through the native layer: a plugin outside the route table is reached as `UPWebPlugin.<name>`.
   */
  readonly plugins?: PluginBehaviours | undefined;
  /** Virtual BLE peripherals and adapter settings. */
  readonly bluetooth?: BluetoothSimOptions | undefined;
  /** HCE state and the virtual NFC reader. */
  readonly hce?: HceSimOptions | undefined;
}

/** A running simulator. */
export interface Simulator {
  /** The `upsdk` global: the simulator's model, or the real script's once it loaded. */
  readonly upsdk: Readonly<Record<string, unknown>>;
  /**
   * Every call the page made, in order, with the params it passed (with
   * `vendorScript: 'real'`: every `cordova.exec`, with what native received).
   */
  readonly calls: readonly RawCall[];
  /** Calls of one plugin. */
  callsOf(plugin: string): readonly RawCall[];
  /** Forget the call log. */
  clearCalls(): void;
  /** How many configs reached native. */
  readonly configCount: number;
  /** The page URL native accepted the last config for (`undefined` before, and after `loseConfig`). */
  readonly acceptedUrl: string | undefined;
  /** How many `<script>` loads of upsdk.js the page started (with `installVia: 'script'`). */
  readonly scriptLoads: number;
  /**
   * Arm a fault for the next `times` calls of `plugin` (default: until cleared).
   *
   * @example
   * ```ts
   * sim.fault('pay', { fail: 'errcode', code: 'c02' }, 1);
   * ```
   */
  fault(plugin: string, fault: Fault, times?: number): void;
  /** Disarm faults of one plugin, or all. */
  clearFaults(plugin?: string): void;
  /** Change the latency of later callbacks. */
  setLatency(latency: number | ((plugin: string) => number)): void;
  /** Change how the next `upsdk.js` script load ends. */
  setScriptLoad(outcome: 'load' | 'error' | 'no-global'): void;
  /** Change the frontToken signatures are checked against. */
  setFrontToken(frontToken: string | (() => string | Promise<string>)): void;
  /** Make the bridge forget the config: the next plugin call answers `c05`. */
  loseConfig(): void;
  /** Fire a document event as a listener plugin's native side would, whether or not anything subscribed. */
  emit(type: string, payload: Readonly<Record<string, unknown>>): void;
  /**
   * Fire a document event only if a native subscription for it is on (as the
   * real app would). Returns whether it was delivered.
   */
  fire(type: string, payload: Readonly<Record<string, unknown>>): boolean;
  /** Document event types whose native subscription is on: empty when nothing leaked. */
  activeSubscriptions(): readonly string[];
  /** The simulated BLE stack: add peripherals, drop connections, switch the adapter, inspect writes. */
  readonly bluetooth: SimulatedBluetooth;
  /** Simulated HCE: device state, answer codes, the virtual reader. */
  readonly hce: SimulatedHce;
  /**
   * The simulated user and screen: script what scans, photos, positions and
   * payments return; see what the page did (title, toasts, right button).
   */
  readonly ui: SimulatedUi;
  /** Remove the global, the user agent override and every timer-free hook. */
  uninstall(): void;
  /** The simulated album, recordings and face-check files, with chunk faults and latency. */
  readonly files: FilesController;
}

const fixedLatency = (latency: number | ((plugin: string) => number)) =>
  typeof latency === 'number' ? () => latency : latency;

const fixedToken = (token: string | (() => string | Promise<string>)) =>
  typeof token === 'string' ? () => token : token;

/**
 * Install the simulator on `options.window` (default the global `window`).
 *
 * @throws TypeError when there is no DOM window (plain Node without the `window` option).
 * @example
 * ```ts
 * import { createClient } from 'upsdk-kit';
 * import { installSimulator, createSimulatedSigner } from 'upsdk-kit/simulator';
 * const sim = installSimulator({ latency: 20 });
 * const client = createClient({ signer: createSimulatedSigner() });
 * ```
 */
export function installSimulator(options: SimulatorOptions = {}): Simulator {
  const win = domWindow(options.window ?? (globalThis as { window?: Window }).window);
  const platform = options.platform ?? 'android';
  const real = options.vendorScript === 'real';
  const restoreUserAgent = overrideUserAgent(win, options.userAgent ?? simulatedUserAgent(platform));
  const settings: NativeSettings = {
    latency: fixedLatency(options.latency ?? 0),
    frontToken: fixedToken(options.frontToken ?? SIMULATED_FRONT_TOKEN),
    appId: options.appId,
    verifySignature: options.verifySignature ?? true,
    clock: options.clock ?? Date.now,
  };
  // cordova.fireDocumentEvent: an Event of `type` with the payload's fields copied onto it.
  const emitDocumentEvent = (type: string, payload: Readonly<Record<string, unknown>>): void => {
    const event = new win.Event(type);
    Object.assign(event, payload);
    win.document.dispatchEvent(event);
  };
  const listeners = new ListenerRegistry(win.document, emitDocumentEvent);
  const context: SimulationContext = {
    platform,
    window: win,
    random: seededRandom(options.seed ?? 1),
    emitDocumentEvent,
    listeners,
  };
  const faults = new FaultTable();
  const uiFamily = createUiFamily(listeners);
  const files = new FilesState();
  const bluetooth = new BluetoothSimulation(context, options.bluetooth);
  const hce = new HceSimulation(options.hce);
  const behaviours: PluginBehaviours = {
    ...uiFamily.behaviours,
    ...filesBehaviours(files),
    ...bluetoothBehaviours(bluetooth),
    ...hceBehaviours(hce),
    ...options.plugins,
  };
  const calls: RawCall[] = [];
  const native = new FakeNative(
    behaviours,
    faults,
    settings,
    context,
    real
      ? (plugin, params) => calls.push({ plugin, params: { ...params }, dropped: false, native: params })
      : undefined,
  );
  const host = win as Window & { upsdk?: unknown; cordova?: unknown };
  const timers: ReturnType<typeof setTimeout>[] = [];
  const restoreDocument = installCordova(win, native);
  const model = real
    ? undefined
    : createVendorScript({
        window: win,
        plugins: Object.keys(behaviours),
        listenerSpecs: listenerSpecs(behaviours),
        listeners,
        plainEventTypes: new Set(
          options.bluetooth?.eventPayload === 'object' ? Object.values(BLE_EVENT_TYPES) : [],
        ),
        log: (call) => calls.push(call),
      });
  // After the model listens (a script loaded later still hears it: deviceready is sticky).
  const delay = options.bridgeDelay ?? 0;
  if (delay > 0) timers.push(setTimeout(() => native.deviceReady(), delay));
  else native.deviceReady();
  let scriptLoad = options.scriptLoad ?? 'load';
  let scriptLoads = 0;
  let observer: MutationObserver | undefined;
  if (model && (options.installVia ?? 'global') === 'global') {
    host.upsdk = model;
  } else if (model) {
    // Answer the page's own <script src=".../upsdk.js"> as the network would.
    observer = new win.MutationObserver((records: MutationRecord[]) => {
      for (const record of records) {
        for (const node of Array.from<Node>(record.addedNodes)) {
          const src = (node as HTMLScriptElement).src;
          if ((node as Element).tagName !== 'SCRIPT' || !src?.includes('upsdk')) continue;
          scriptLoads += 1;
          const outcome = scriptLoad;
          timers.push(
            setTimeout(() => {
              if (outcome === 'load') host.upsdk = model;
              node.dispatchEvent(new win.Event(outcome === 'error' ? 'error' : 'load'));
            }, settings.latency('script')),
          );
        }
      }
    });
    observer.observe(win.document, { childList: true, subtree: true });
  }

  return {
    get upsdk() {
      return model ?? ((host.upsdk ?? {}) as Record<string, unknown>);
    },
    calls,
    callsOf: (plugin) => calls.filter((call) => call.plugin === plugin),
    clearCalls: () => void calls.splice(0),
    get configCount() {
      return native.configCount;
    },
    get acceptedUrl() {
      return native.acceptedUrl;
    },
    get scriptLoads() {
      return scriptLoads;
    },
    fault: (plugin, fault, times) => faults.add(plugin, fault, times),
    clearFaults: (plugin) => faults.clear(plugin),
    setLatency: (latency) => void (settings.latency = fixedLatency(latency)),
    setScriptLoad: (outcome) => void (scriptLoad = outcome),
    setFrontToken: (token) => void (settings.frontToken = fixedToken(token)),
    loseConfig: () => native.loseConfig(),
    emit: emitDocumentEvent,
    fire: (type, payload) => listeners.fire(type, payload),
    activeSubscriptions: () => listeners.active(),
    files,
    bluetooth,
    hce,
    ui: uiFamily.ui,
    uninstall: () => {
      bluetooth.dispose();
      hce.dispose();
      listeners.clear();
      observer?.disconnect();
      files.dispose();
      for (const timer of timers) clearTimeout(timer);
      if (model && host.upsdk === model) delete host.upsdk;
      if (host.cordova === native.cordova) delete host.cordova;
      restoreDocument();
      restoreUserAgent();
    },
  };
}

/**
 * The window to install on, or a TypeError saying where to get one: in plain Node
 * (no DOM) there is no global `window`, and the first use would otherwise fail deep
 * inside with "cannot read properties of undefined".
 */
function domWindow(candidate: unknown): Window & typeof globalThis {
  const win = candidate as Partial<Window & typeof globalThis> | undefined;
  if (typeof win === 'object' && win !== null && win.document && win.navigator && win.Event) {
    return win as Window & typeof globalThis;
  }
  throw new TypeError(
    `installSimulator needs a DOM window: run it in a browser or a DOM test environment (vitest \`environment: 'jsdom'\`), ` +
      `or pass one, e.g. \`installSimulator({ window: new JSDOM('', { url }).window })\` in plain Node ` +
      `(and the same \`window\` to createClient); got ${candidate === undefined ? 'no window' : `a ${typeof candidate} without document, navigator and Event`}`,
  );
}

/**
 * Put the fake `window.cordova` in place before any upsdk.js runs, and make
 * `deviceready` sticky as cordova does: a listener added after it fired is
 * called anyway (the real upsdk.js may load long after the bridge is up).
 * Returns a function that undoes the document patch.
 */
function installCordova(win: Window & typeof globalThis, native: FakeNative): () => void {
  (win as { cordova?: unknown }).cordova = native.cordova;
  const doc = win.document;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, called below with .call(this, …)
  const add = doc.addEventListener;
  doc.addEventListener = function (
    this: Document,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    add.call(this, type, listener as EventListenerOrEventListenerObject, options);
    if (type !== 'deviceready' || !native.isReady || !listener) return;
    const event = new win.Event('deviceready');
    setTimeout(() =>
      typeof listener === 'function' ? listener.call(doc, event) : listener.handleEvent(event),
    );
  } as Document['addEventListener'];
  return () => {
    delete (doc as { addEventListener?: unknown }).addEventListener;
  };
}
