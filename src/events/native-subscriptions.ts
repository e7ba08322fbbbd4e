/**
 * The native half of listener plugins, without an emitter: plain listener
 * sets per event and one native subscription per event, registered when the
 * event gets its first listener and cancelled when the last one leaves.
 * `NativeEvents` (eventemitter3) is built on it.
 */
import type { UpsdkClient } from '../client/client.js';
import type { PluginName } from '../client/plugin-map.js';
import type { UntypedCall } from '../client/untyped-call.js';
import { nativeSwitch, type NativeSwitch } from './native-switch.js';

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
export interface NativeSubscriptions<Events extends EventPayloads> {
  /** The entry of `event`, made on first use; `undefined` for names without a spec (such as `error`). */
  entry<K extends keyof Events>(event: K): NativeEntry<Events[K]>;
  entry(event: PropertyKey): NativeEntry<never> | undefined;
}

/**
 * The {@link NativeSubscriptions} of `specs` over `core` (a closure rather than a class: it minifies
 * to less). A listener joins an entry's `listeners`, then `native.sync()` registers or cancels.
 *
 * @param core - the client, or any view of it with `call` (only `call` is used).
 * @example
 * ```ts
 * const { listeners, native } = nativeSubscriptions(client, specs).entry('deviceFound');
 * listeners.add(console.log);
 * await native.sync(); // registered now
 * ```
 */
export function nativeSubscriptions<Events extends EventPayloads>(
  core: Pick<UpsdkClient, 'call'>,
  specs: NativeEventSpecs<Events>,
): NativeSubscriptions<Events> {
  const entries = new Map<PropertyKey, NativeEntry<never>>();
  const entry = (event: PropertyKey): NativeEntry<never> | undefined => {
    if (!Object.prototype.hasOwnProperty.call(specs, event)) return undefined;
    let found = entries.get(event);
    if (!found) {
      const spec = specs[event as keyof Events];
      // Register/cancel plugins are named by data, so they go through the untyped form of call.
      const call = (core.call as unknown as UntypedCall).bind(core);
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
      found = { listeners, native: nativeSwitch(() => listeners.size > 0, register, cancel) };
      entries.set(event, found);
    }
    return found;
  };
  return { entry } as NativeSubscriptions<Events>;
}
