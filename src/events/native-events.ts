/**
 * Typed events backed by the vendor's listener plugins
 * (`register…`/`cancel…`, `monitorScreenShot`, …). The native register call
 * is made when an event gets its first listener and the cancel call when its
 * last listener leaves, so any number of listeners and iterators share one
 * native subscription.
 */
import { EventEmitter } from 'eventemitter3';
import type { UpsdkClient } from '../client/client.js';
import type { PluginName } from '../client/plugin-map.js';
import { eventIterator } from './event-iterator.js';
import { reportTo, type ErrorEmitter } from './report.js';
import { untypedCall } from '../client/untyped-call.js';

/** How one event maps onto the vendor's plugins. */
export interface NativeEventSpec<Payload> {
  /** The plugin that starts delivery. */
  readonly register: PluginName;
  /** The plugin that stops it, if the vendor has one. */
  readonly cancel?: PluginName;
  /** Name under which the bridge takes the long-lived callback. Default `callback`. */
  readonly listenerKey?: string;
  /** Whether the register plugin answers success/fail besides the events. Default true. */
  readonly expectAnswer?: boolean;
  /** Raw payload (a plain object or an Event carrying the fields) → typed payload. */
  readonly normalize: (raw: unknown) => Payload;
}

/** Event name → payload type. */
export type EventPayloads = Record<string, unknown>;

/** Listener signatures of an event map, as eventemitter3 wants them, plus `error`. */
export type ListenerMap<Events extends EventPayloads> = {
  [K in keyof Events]: (payload: Events[K]) => void;
} & {
  /** A native register or cancel call failed. */
  error: (error: unknown, event: keyof Events) => void;
};

/** The spec of every event of a map. */
export type NativeEventSpecs<Events extends EventPayloads> = {
  readonly [K in keyof Events]: NativeEventSpec<Events[K]>;
};

/** An event name of `NativeEvents<Events>`: one of `Events` or `error`. */
type NameOf<Events extends EventPayloads> = EventEmitter.EventNames<ListenerMap<Events>>;
/** The listener signature of event `K`. */
type ListenerOf<Events extends EventPayloads, K extends NameOf<Events>> = EventEmitter.EventListener<
  ListenerMap<Events>,
  K
>;

interface NativeState {
  /** The register call succeeded and no cancel has started since. */
  registered: boolean;
  /** Events are passed on: from the register call's dispatch (the app may send before it answers) until cancel. */
  delivering: boolean;
  chain: Promise<void>;
}

/** Options of {@link NativeEvents.iterate}. */
export interface IterateOptions {
  /** Ends the iteration (the pending `next()` rejects with the reason). */
  readonly signal?: AbortSignal;
}

/**
 * An eventemitter3 emitter whose listeners are reference-counted onto native subscriptions.
 *
 * @example
 * ```ts
 * events.on('connectionStateChange', ({ deviceId, connected }) => render(deviceId, connected));
 * const stop = await events.subscribe('adapterStateChange', console.log); // rejects if registering fails
 * await stop();
 * ```
 */
export class NativeEvents<Events extends EventPayloads> extends EventEmitter<ListenerMap<Events>> {
  private readonly states = new Map<keyof Events, NativeState>();

  constructor(
    private readonly core: UpsdkClient,
    private readonly specs: NativeEventSpecs<Events>,
  ) {
    super();
  }

  override on<K extends NameOf<Events>>(event: K, listener: ListenerOf<Events, K>, context?: unknown): this {
    super.on(event, listener, context);
    this.reconcileInBackground(event);
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
    const wrapped = ((...args: unknown[]) => {
      this.off(event, wrapped);
      (listener as (...args: unknown[]) => void).apply(context, args);
    }) as ListenerOf<Events, K>;
    return this.on(event, wrapped);
  }

  override off<K extends NameOf<Events>>(
    event: K,
    listener?: ListenerOf<Events, K>,
    context?: unknown,
    once?: boolean,
  ): this {
    super.off(event, listener, context, once);
    this.reconcileInBackground(event);
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
    for (const name of names) this.reconcileInBackground(name);
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
    // The base class methods: no background reconcile, this method awaits its own.
    const add = (): unknown => EventEmitter.prototype.on.call(this, event, listener);
    const remove = (): unknown => EventEmitter.prototype.off.call(this, event, listener);
    add();
    const failure = await this.reconcile(event);
    if (failure !== undefined) {
      remove();
      await this.reconcile(event);
      throw failure;
    }
    return async () => {
      remove();
      const cancelFailure = await this.reconcile(event);
      if (cancelFailure !== undefined) this.report(cancelFailure, event);
    };
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
    return this.states.get(event)?.registered ?? false;
  }

  private state(event: keyof Events): NativeState {
    let state = this.states.get(event);
    if (!state) {
      state = { registered: false, delivering: false, chain: Promise.resolve() };
      this.states.set(event, state);
    }
    return state;
  }

  private reconcileInBackground(event: PropertyKey): void {
    if (event === 'error' || !(event in this.specs)) return;
    void this.reconcile(event as keyof Events).then((failure) => {
      if (failure !== undefined) this.report(failure, event as keyof Events);
    });
  }

  /**
   * Bring the native subscription in line with the listener count. Steps of
   * one event run one after another, so register always precedes cancel.
   * Resolves with this step's failure, if any (never rejects).
   */
  private reconcile(event: keyof Events): Promise<unknown> {
    const state = this.state(event);
    const step = state.chain.then(async () => {
      const wanted = this.listenerCount(event as NameOf<Events>) > 0;
      if (wanted === state.registered) return;
      const spec = this.specs[event];
      // Register/cancel plugins are named by data, so they go through the untyped form of call.
      const call = untypedCall(this.core);
      if (wanted) {
        state.delivering = true;
        try {
          await call(
            spec.register,
            {},
            {
              expectAnswer: spec.expectAnswer ?? true,
              listeners: { [spec.listenerKey ?? 'callback']: (raw?: unknown) => this.deliver(event, raw) },
            },
          );
        } catch (error) {
          state.delivering = false;
          throw error;
        }
        state.registered = true;
      } else {
        // Stop passing events on even if cancel fails: the bridge keeps its JS listener anyway.
        state.registered = false;
        state.delivering = false;
        if (spec.cancel) await call(spec.cancel, {});
      }
    });
    state.chain = step.catch(() => undefined);
    return step.then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  private deliver(event: keyof Events, raw: unknown): void {
    if (!this.state(event).delivering) return;
    const payload = this.specs[event].normalize(raw);
    (this.emit as (event: keyof Events, payload: unknown) => boolean)(event, payload);
  }

  private report(error: unknown, event: keyof Events): void {
    // `error` is in ListenerMap, but TS cannot see it through the generic Events.
    const emitter = this as unknown as ErrorEmitter<keyof Events>;
    reportTo(emitter, error, event, `native subscription for "${String(event)}" failed`);
  }
}
