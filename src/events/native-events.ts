/**
 * Typed events backed by the vendor's listener plugins
 * (`register…`/`cancel…`, `monitorScreenShot`, …). The native register call
 * is made when an event gets its first listener and the cancel call when its
 * last listener leaves, so any number of listeners and iterators share one
 * native subscription.
 */
import { EventEmitter } from 'eventemitter3';
import type { UpsdkClient } from '../client/client.js';
import { eventIterator } from './event-iterator.js';
import {
  nativeSubscriptions,
  type EventPayloads,
  type NativeEventSpecs,
  type NativeSubscriptions,
} from './native-subscriptions.js';
import { hold } from './native-switch.js';
import { reportTo, type ErrorEmitter } from './report.js';

export type { NativeEventSpec, EventPayloads, NativeEventSpecs } from './native-subscriptions.js';

/** Listener signatures of an event map, as eventemitter3 wants them, plus `error`. */
export type ListenerMap<Events extends EventPayloads> = {
  [K in keyof Events]: (payload: Events[K]) => void;
} & {
  /** A native register or cancel call failed. */
  error: (error: unknown, event: keyof Events) => void;
};

/** An event name of `NativeEvents<Events>`: one of `Events` or `error`. */
type NameOf<Events extends EventPayloads> = EventEmitter.EventNames<ListenerMap<Events>>;
/** The listener signature of event `K`. */
type ListenerOf<Events extends EventPayloads, K extends NameOf<Events>> = EventEmitter.EventListener<
  ListenerMap<Events>,
  K
>;

/** Options of {@link NativeEvents.iterate}. */
export interface IterateOptions {
  /** Ends the iteration (the pending `next()` rejects with the reason). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * An eventemitter3 emitter whose listeners are reference-counted onto native subscriptions.
 *
 * @example
 * ```ts
 * const ble = bluetooth(client).events; // a NativeEvents of the Bluetooth events
 * ble.on('connectionStateChange', ({ deviceId, connected }) => render({ deviceId, connected }));
 * const stop = await ble.subscribe('adapterStateChange', console.log); // rejects if registering fails
 * await stop();
 * ```
 */
export class NativeEvents<Events extends EventPayloads> extends EventEmitter<ListenerMap<Events>> {
  /** Per event, the one hub listener that re-emits to this emitter's listeners while it has any. */
  private readonly forwarders_ = new Map<PropertyKey, (payload: never) => void>();

  /**
   * @param core - the client, or any view of it with `call` (only `call` is used).
   * @param hub - the native subscriptions to share (between emitters of one client's events);
   *   default: this emitter's own.
   */
  private readonly hub_: NativeSubscriptions<Events>;

  constructor(
    core: Pick<UpsdkClient, 'call'>,
    specs: NativeEventSpecs<Events>,
    hub: NativeSubscriptions<Events> = nativeSubscriptions(core, specs),
  ) {
    super();
    this.hub_ = hub;
  }

  override on<K extends NameOf<Events>>(event: K, listener: ListenerOf<Events, K>, context?: unknown): this {
    super.on(event, listener, context);
    this.syncInBackground_(event);
    return this;
  }

  override addListener<K extends NameOf<Events>>(
    event: K,
    listener: ListenerOf<Events, K>,
    context?: unknown,
  ): this {
    return this.on(event, listener, context);
  }

  override once<K extends NameOf<Events>>(
    event: K,
    listener: ListenerOf<Events, K>,
    context?: unknown,
  ): this {
    // eventemitter3 removes a once listener through `removeListener`, which syncs too.
    super.once(event, listener, context);
    this.syncInBackground_(event);
    return this;
  }

  override off<K extends NameOf<Events>>(
    event: K,
    listener?: ListenerOf<Events, K>,
    context?: unknown,
    once?: boolean,
  ): this {
    super.off(event, listener, context, once);
    this.syncInBackground_(event);
    return this;
  }

  override removeListener<K extends NameOf<Events>>(
    event: K,
    listener?: ListenerOf<Events, K>,
    context?: unknown,
    once?: boolean,
  ): this {
    return this.off(event, listener, context, once);
  }

  override removeAllListeners(event?: NameOf<Events>): this {
    const names = event === undefined ? this.eventNames() : [event];
    super.removeAllListeners(event);
    for (const name of names) this.syncInBackground_(name);
    return this;
  }

  /**
   * Add a listener and wait until the native subscription is in place.
   *
   * @returns a function that removes the listener (and cancels natively if it was the last).
   * @throws the register plugin's {@link UpsdkError}; the listener is removed again then.
   */
  async subscribe<K extends keyof Events & string>(
    event: K,
    listener: (payload: Events[K]) => void,
  ): Promise<() => Promise<void>> {
    // The base class methods: no background sync, `hold` awaits its own. (`Events` is generic here, so
    // TS cannot match the name to its listener type.)
    const release = await hold(
      () => super.on(event as never, listener as never),
      () => super.off(event as never, listener as never),
      () => this.sync_(event),
    );
    return () => release().catch((error: unknown) => this.report_(error, event));
  }

  /**
   * Iterate one event's payloads; the native subscription is shared with
   * every other listener and released when the loop ends.
   *
   * @example
   * ```ts
   * for await (const device of bluetooth(client).events.iterate('deviceFound', { signal })) console.log(device.name);
   * ```
   */
  iterate<K extends keyof Events & string>(
    event: K,
    options: IterateOptions = {},
  ): AsyncGenerator<Events[K], void, undefined> {
    return eventIterator<Events[K]>((push) => this.subscribe(event, push), options.signal);
  }

  /** Whether the native subscription of `event` is currently registered. */
  isRegistered(event: keyof Events): boolean {
    return this.hub_.entry(event).native.on;
  }

  private syncInBackground_(event: PropertyKey): void {
    void this.sync_(event).then((failure) => this.report_(failure, event));
  }

  /**
   * Hang this emitter on the hub while `event` has listeners here, then switch the native side to
   * match; resolves with the failure, if any (at once for `error` and names without a spec).
   */
  private sync_(event: PropertyKey): Promise<unknown> {
    const entry = this.hub_.entry(event);
    if (!entry) return Promise.resolve();
    const forward =
      this.forwarders_.get(event) ??
      ((payload: never) => (this.emit as (event: PropertyKey, payload: unknown) => boolean)(event, payload));
    this.forwarders_.set(event, forward);
    if (this.listenerCount(event as NameOf<Events>) > 0) entry.listeners.add(forward);
    else entry.listeners.delete(forward);
    return entry.native.sync();
  }

  private report_(failure: unknown, event: PropertyKey): void {
    // `error` is in ListenerMap, but TS cannot see it through the generic Events.
    const emitter = this as unknown as ErrorEmitter<PropertyKey>;
    if (failure !== undefined) {
      reportTo(emitter, failure, event);
    }
  }
}
