/**
 * How a plugin family teaches the simulator its behaviour. Each family lives
 * in its own module under `families/` and contributes plugin behaviours; the
 * fake bridge does the lifecycle, logging, latency and faults for all of them.
 */

/** What a simulated plugin does with one call. */
export type Outcome =
  /** Calls `success(payload)`. */
  | { readonly success?: unknown; readonly fail?: never; readonly cancel?: never; readonly silent?: never }
  /** Calls `fail(payload)`. */
  | { readonly fail: unknown; readonly success?: never; readonly cancel?: never; readonly silent?: never }
  /** Calls `cancel(payload)`. */
  | { readonly cancel: unknown; readonly success?: never; readonly fail?: never; readonly silent?: never }
  /** Calls nothing (plugins the real bridge never answers). */
  | { readonly silent: true; readonly success?: never; readonly fail?: never; readonly cancel?: never };

import type { ListenerRegistry } from './listeners.js';

/** The simulated device platform; some plugins answer differently. */
export type SimulatedPlatform = 'ios' | 'android';

/** What a behaviour may use. */
export interface SimulationContext {
  readonly platform: SimulatedPlatform;
  readonly window: Window & typeof globalThis;
  /** Deterministic random numbers in [0, 1) from the simulator's seed. */
  readonly random: () => number;
  /**
   * Fire a document event the way the real bridge does for listener plugins:
   * an `Event` of `type` with the payload's fields copied onto it.
   */
  readonly emitDocumentEvent: (type: string, payload: Readonly<Record<string, unknown>>) => void;
  /** Native listener subscriptions (register/cancel plugins, one per event type). */
  readonly listeners: ListenerRegistry;
}

/**
 * One plugin's behaviour. `options` is the exact object the page passed
 * (callbacks included): some real plugins mutate it, and the simulator does too.
 */
export type PluginBehaviour = (
  options: Record<string, unknown>,
  context: SimulationContext,
) => Outcome | Promise<Outcome>;

/** A family's plugins. */
export type PluginBehaviours = Readonly<Record<string, PluginBehaviour>>;

/** Helpers for the common outcomes. */
export const ok = (payload?: unknown): Outcome => ({ success: payload });
export const failWith = (code: string, msg: string): Outcome => ({ fail: { code, msg } });
export const silent: Outcome = { silent: true };
