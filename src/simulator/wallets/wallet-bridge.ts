/**
 * One fake for both wallets' JS bridges: it puts the global on a window
 * (at once, after a delay, or when told), fires the wallet's ready event on
 * the document as the apps do, answers each payment with the scripted
 * outcome, logs every call, and can misbehave: drop the answer, or answer
 * twice. The wallet modules only describe their global, API and answers.
 */
import { overrideUserAgent } from '../user-agent.js';

/**
 * A misbehaviour of the bridge: `drop` never answers, `double` answers twice,
 * `throw` throws from the bridge method itself instead of answering (as a
 * half-initialised bridge or a wallet refusing the page's domain can).
 */
export type WalletFault = 'drop' | 'double' | 'throw';

/** When the bridge global appears. */
export type WalletReadiness =
  /** Already there when the page runs (no ready event needed). */
  | 'before'
  /** After `readyDelay` ms, followed by the ready event. */
  | 'after'
  /** When the test calls `makeReady()`. */
  | 'manual';

/** One call the page made. */
export interface WalletCall {
  readonly api: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** What the bridge answered, in order (empty while pending or when dropped). */
  readonly answers: readonly unknown[];
}

/** Options common to both wallet simulators. */
export interface WalletSimOptions<Outcome> {
  /** The window to install on. Default the global `window`. */
  readonly window?: Window | undefined;
  /** When the global appears. Default `before`. */
  readonly ready?: WalletReadiness | undefined;
  /** Milliseconds until the global appears with `ready: 'after'`. Default 0. */
  readonly readyDelay?: number | undefined;
  /** How payments end until changed. */
  readonly outcome?: Outcome | undefined;
  /** Milliseconds before each answer. Default 0. */
  readonly latency?: number | undefined;
  /** Reported user agent. Default the wallet's typical one. */
  readonly userAgent?: string | undefined;
}

/** A simulated wallet bridge. */
export interface SimulatedWallet<Outcome> {
  /** How the next payments end. */
  outcome: Outcome;
  /** A misbehaviour applied to the next payments until cleared (`undefined`). */
  fault: WalletFault | undefined;
  /** Every call the page made, oldest first. */
  readonly calls: readonly WalletCall[];
  /** Whether the global is there. */
  readonly ready: boolean;
  /** Put the global on the window and fire the ready event (idempotent). */
  makeReady(): void;
  /** Remove the global, restore the user agent, cancel pending answers. */
  uninstall(): void;
}

/** What one wallet looks like. */
export interface WalletModel<Outcome> {
  readonly global: string;
  readonly readyEvent: string;
  /** The bridge's method name (`invoke` / `call`). */
  readonly method: string;
  readonly userAgent: string;
  readonly defaultOutcome: Outcome;
  /** The answer to `api(params)` under `outcome`, bad input included. */
  answer(api: string, params: Readonly<Record<string, unknown>>, outcome: Outcome): unknown;
}

/** Install a fake bridge described by `model`. */
export function installWalletBridge<Outcome>(
  model: WalletModel<Outcome>,
  options: WalletSimOptions<Outcome>,
): SimulatedWallet<Outcome> {
  const win = options.window ?? window;
  const restoreUserAgent = overrideUserAgent(win, options.userAgent ?? model.userAgent);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const calls: { api: string; params: Record<string, unknown>; answers: unknown[] }[] = [];
  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const bridge = {
    [model.method]: (api: unknown, params: unknown, callback: unknown): void => {
      const copy = { ...(typeof params === 'object' && params !== null ? params : {}) };
      const call = { api: String(api), params: copy, answers: [] as unknown[] };
      calls.push(call);
      if (sim.fault === 'throw') throw new Error(`${model.global}.${model.method}: simulated failure`);
      if (sim.fault === 'drop' || typeof callback !== 'function') return;
      const payload = model.answer(call.api, copy, sim.outcome);
      const times = sim.fault === 'double' ? 2 : 1;
      later(options.latency ?? 0, () => {
        for (let i = 0; i < times; i++) {
          call.answers.push(payload);
          (callback as (answer: unknown) => void)(payload);
        }
      });
    },
  };

  const globals = win as unknown as Record<string, unknown>;
  const sim: SimulatedWallet<Outcome> = {
    outcome: options.outcome ?? model.defaultOutcome,
    fault: undefined,
    calls,
    get ready() {
      return globals[model.global] === bridge;
    },
    makeReady() {
      if (sim.ready) return;
      globals[model.global] = bridge;
      // The window's own Event class: another realm's events are refused by dispatchEvent.
      const EventOfWindow = (win as unknown as { Event: typeof Event }).Event;
      win.document.dispatchEvent(new EventOfWindow(model.readyEvent));
    },
    uninstall() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (sim.ready) delete globals[model.global];
      restoreUserAgent();
    },
  };
  const readiness = options.ready ?? 'before';
  if (readiness === 'before') globals[model.global] = bridge;
  if (readiness === 'after') later(options.readyDelay ?? 0, () => sim.makeReady());
  return sim;
}
