/**
 * The `config` handshake on upsdk.js's real semantics (BRIDGE-FACTS.md
 * "Lifecycle"). Why it is not "register error, config, register ready":
 * - `error(cb)` runs `cb` at once with the *previous* failure when the last
 *   config failed, and does not store it; otherwise it replaces the single
 *   stored handler. A handler registered per attempt sees the old failure.
 * - `ready(cb)` runs `cb` at once if *any* earlier config succeeded (another
 *   URL's, or while a newer config is still being verified); otherwise it
 *   queues `cb` forever, and every later success runs it again.
 * So each bridge object gets one long-lived `error` and one long-lived
 * `ready` subscription, registered before the first config while nothing
 * has succeeded yet, so that both are stored. What fires synchronously
 * during registration is an old result and is ignored. An attempt is
 * answered only by a ready/error that fires after it was issued; attempts
 * run one at a time, and `pending` counts the configs whose answer has not
 * come, so the late answer of an attempt that timed out is not taken for
 * the next one's. If that late answer never comes either, the next attempt
 * times out too and then stops waiting for it, so one lost answer cannot
 * deafen the bridge for good.
 */
import type { RawBridge } from './bridge.js';
import { configError } from './errors.js';
import { settleOnce } from '../shared/settle-once.js';

/** How native answered one config. */
export type ConfigOutcome = { readonly ok: true } | { readonly ok: false; readonly failure: unknown };

/** Runs config attempts on one bridge object. */
export type ConfigAttempt = (params: Record<string, unknown>, timeout: number) => Promise<ConfigOutcome>;

const OK: ConfigOutcome = { ok: true };

const channels = new WeakMap<RawBridge, ConfigAttempt>();

/**
 * The attempt runner of `bridge`, shared by every client on that bridge
 * (a second subscription would replace the first `error` handler).
 *
 * @example
 * ```ts
 * const outcome = await configAttempt(bridge)(params, 15_000);
 * ```
 */
export function configAttempt(bridge: RawBridge): ConfigAttempt {
  let attempt = channels.get(bridge);
  if (!attempt) channels.set(bridge, (attempt = openChannel(bridge)));
  return attempt;
}

function openChannel(bridge: RawBridge): ConfigAttempt {
  let pending = 0;
  let errorStored = false;
  let readyStored = false;
  let settle: ((outcome: ConfigOutcome) => void) | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const answer = (outcome: ConfigOutcome): void => {
    if (pending === 0) return; // a config someone else made
    pending -= 1;
    if (pending === 0) settle?.(outcome); // otherwise it answers an older attempt that timed out
  };
  // Subscribe; false when the callback ran during registration, as upsdk.js then did not keep it.
  const listen = (name: 'error' | 'ready', outcome: (failure?: unknown) => ConfigOutcome): boolean => {
    let registering = true;
    let immediate = false;
    (bridge[name] as ((callback: (failure?: unknown) => void) => void) | undefined)?.((failure) =>
      registering ? (immediate = true) : answer(outcome(failure)),
    );
    registering = false;
    return !immediate;
  };

  return (params, timeout) => {
    let older = 0;
    const run = queue.then(() =>
      settleOnce<ConfigOutcome>(
        (resolve) => {
          older = pending;
          if (typeof bridge.config !== 'function') throw configError('c03', 'no upsdk.config');
          errorStored ||= listen('error', (failure) => ({ ok: false, failure }));
          readyStored ||= listen('ready', () => OK);
          settle = resolve;
          pending += 1;
          bridge.config(params);
          // A config succeeded before our first subscription (page code of its own), so our ready
          // callback could not be queued: the best left is upsdk.js's immediate ready, as before.
          if (!readyStored) bridge.ready?.(() => answer(OK));
        },
        timeout,
        () => {
          // Keep expecting our own late answer, unless we already waited a whole timeout for older ones.
          if (older > 0) pending = 0;
          return configError('timeout', `no answer within ${timeout} ms`);
        },
      ),
    );
    queue = run.catch(() => undefined);
    return run;
  };
}
