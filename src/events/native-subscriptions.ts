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
import { untypedCall } from '../client/untyped-call.js';
import type { CallControl } from '../plugins/define.js';
import { abortReason } from '../shared/abort.js';

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

interface NativeState {
  /** The register call succeeded and no cancel has started since. */
  registered: boolean;
  /** Events are passed on: from the register call's dispatch (the app may send before it answers) until cancel. */
  delivering: boolean;
  chain: Promise<void>;
  readonly listeners: Set<(payload: never) => void>;
}

/** Listener sets and the native subscriptions behind them, for one client's events. */
export class NativeSubscriptions<Events extends EventPayloads> {
  private readonly states = new Map<keyof Events, NativeState>();

  constructor(
    private readonly core: UpsdkClient,
    private readonly specs: NativeEventSpecs<Events>,
  ) {}

  /** Whether `event` is one of the specs (`error` and unknown names are not). */
  has(event: PropertyKey): event is keyof Events {
    return Object.prototype.hasOwnProperty.call(this.specs, event);
  }

  /** Add or remove `listener` without touching the native side (see {@link reconcile}). */
  add<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): void {
    this.state(event).listeners.add(listener);
  }

  remove<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): void {
    this.state(event).listeners.delete(listener);
  }

  /** Whether the native subscription of `event` is currently registered. */
  isRegistered(event: keyof Events): boolean {
    return this.states.get(event)?.registered ?? false;
  }

  /**
   * Add a listener and wait until the native subscription is in place.
   * `control.timeout` and `control.signal` bound the register call when this
   * listener is the one that starts delivery; once subscribed, aborting
   * `control.signal` removes the listener as the returned function would.
   *
   * @returns removes the listener (and cancels natively if it was the last); rejects with the cancel failure.
   * @throws the register plugin's `UpsdkError`, or the signal's reason; the listener is removed again then.
   */
  async subscribe<K extends keyof Events>(
    event: K,
    listener: (payload: Events[K]) => void,
    control: CallControl = {},
  ): Promise<() => Promise<void>> {
    const { signal } = control;
    this.add(event, listener);
    const failure = await this.reconcile(event, control);
    if (failure !== undefined || signal?.aborted) {
      this.remove(event, listener);
      await this.reconcile(event);
      throw failure ?? abortReason(signal!);
    }
    let removed: Promise<void> | undefined;
    const unsubscribe = (): Promise<void> => {
      signal?.removeEventListener('abort', onAbort);
      return (removed ??= (async () => {
        this.remove(event, listener);
        const cancelFailure = await this.reconcile(event);
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the bridge's own failure unchanged (an UpsdkError or whatever the call rejected with)
        if (cancelFailure !== undefined) throw cancelFailure;
      })());
    };
    // Nobody awaits an abort: a cancel failure then goes to whoever calls the returned function.
    const onAbort = (): void => void unsubscribe().catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    return unsubscribe;
  }

  /**
   * Bring the native subscription in line with the listener count. Steps of
   * one event run one after another, so register always precedes cancel.
   * Resolves with this step's failure, if any (never rejects).
   */
  reconcile(event: keyof Events, control: CallControl = {}): Promise<unknown> {
    const state = this.state(event);
    const step = state.chain.then(async () => {
      const wanted = state.listeners.size > 0;
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
              timeout: control.timeout,
              signal: control.signal,
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

  private state(event: keyof Events): NativeState {
    let state = this.states.get(event);
    if (!state) {
      state = { registered: false, delivering: false, chain: Promise.resolve(), listeners: new Set() };
      this.states.set(event, state);
    }
    return state;
  }

  private deliver(event: keyof Events, raw: unknown): void {
    const state = this.state(event);
    if (!state.delivering) return;
    const payload = this.specs[event].normalize(raw) as never;
    // A snapshot: a listener that unsubscribes (or subscribes) while being called changes the next delivery.
    for (const listener of [...state.listeners]) listener(payload);
  }
}
