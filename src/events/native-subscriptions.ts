/**
 * The native half of listener plugins, without an emitter: plain listener
 * sets per event and one native subscription per event, registered when the
 * event gets its first listener and cancelled when the last one leaves.
 * `NativeEvents` (eventemitter3) is built on it; functions that only need
 * "call me back until I stop" (`setNavigationBarRightButton`,
 * `monitorScreenShot`) use it directly and ship no emitter.
 */
import type { UpsdkClient } from '../client/client.js';
import type { PluginName } from '../client/plugin-map.js';
import type { UntypedCall } from '../client/untyped-call.js';
import { hold, nativeSwitch, type NativeSwitch } from './native-switch.js';

/** How one event maps onto the vendor's plugins. */
export interface NativeEventSpec<Payload> {
  /** The plugin that starts delivery. */
  readonly register: PluginName;
  /** The plugin that stops it, if the vendor has one. */
  readonly cancel?: PluginName | undefined;
  /** Name under which the bridge takes the long-lived callback. Default `callback`. */
  readonly listenerKey?: string | undefined;
  /** Whether the register plugin answers success/fail besides the events. Default true. */
  readonly expectAnswer?: boolean | undefined;
  /** Raw payload (a plain object or an Event carrying the fields) → typed payload. */
  readonly normalize: (raw: unknown) => Payload;
}

/** Event name → payload type. */
export type EventPayloads = Record<string, unknown>;

/** The spec of every event of a map. */
export type NativeEventSpecs<Events extends EventPayloads> = {
  readonly [K in keyof Events]: NativeEventSpec<Events[K]>;
};

/** One event's listeners and the native subscription that is on while there are any. */
export interface NativeEntry<Payload> {
  readonly listeners: Set<(payload: Payload) => void>;
  readonly native: NativeSwitch;
}

/** Listener sets and the native subscriptions behind them, for one client's events. */
export class NativeSubscriptions<Events extends EventPayloads> {
  private readonly entries = new Map<PropertyKey, NativeEntry<never>>();

  /** @param core - the client, or any view of it with `call` (only `call` is used). */
  constructor(
    private readonly core: Pick<UpsdkClient, 'call'>,
    private readonly specs: NativeEventSpecs<Events>,
  ) {}

  /** The entry of `event`, made on first use; `undefined` for names without a spec (such as `error`). */
  entry<K extends keyof Events>(event: K): NativeEntry<Events[K]>;
  entry(event: PropertyKey): NativeEntry<never> | undefined;
  entry(event: PropertyKey): NativeEntry<never> | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.specs, event)) return undefined;
    let entry = this.entries.get(event);
    if (!entry) {
      const spec = this.specs[event as keyof Events];
      // Register/cancel plugins are named by data, so they go through the untyped form of call.
      const call = (this.core.call as unknown as UntypedCall).bind(this.core);
      const listeners = new Set<(payload: never) => void>();
      // Only the listeners of the moment hear an event: after cancel there are none, even though the
      // bridge keeps its JS listener. A snapshot: a listener that unsubscribes (or subscribes) while
      // being called changes the next delivery.
      const deliver = (raw?: unknown): void => {
        const payload = spec.normalize(raw) as never;
        for (const listener of [...listeners]) listener(payload);
      };
      const register = (): Promise<unknown> =>
        call(
          spec.register,
          {},
          {
            expectAnswer: spec.expectAnswer ?? true,
            listeners: { [spec.listenerKey ?? 'callback']: deliver },
          },
        );
      const cancel = (): unknown => spec.cancel && call(spec.cancel, {});
      entry = { listeners, native: nativeSwitch(() => listeners.size > 0, register, cancel) };
      this.entries.set(event, entry);
    }
    return entry;
  }

  /**
   * Add a listener and wait until the native subscription is in place.
   *
   * @returns removes the listener (and cancels natively if it was the last); rejects with the cancel failure.
   * @throws the register plugin's `UpsdkError`; the listener is removed again then.
   */
  async subscribe<K extends keyof Events>(
    event: K,
    listener: (payload: Events[K]) => void,
  ): Promise<() => Promise<void>> {
    const { listeners, native } = this.entry(event);
    return hold(
      () => listeners.add(listener),
      () => listeners.delete(listener),
      native.sync,
    );
  }
}
