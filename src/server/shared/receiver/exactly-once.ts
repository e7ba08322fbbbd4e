/**
 * Running a notification's callback once. Three records work together:
 * a local one (this process remembers what it ran, so a store that blinks —
 * or stays down — never makes it run something twice), a lease in the store
 * (renewed while the callback runs, so another instance cannot start the
 * same notification however long the callback takes), and a done marker in
 * the store (written with retries, then retried in the background until the
 * store takes it, so other instances learn it was handled).
 */
import { randomUUID } from 'node:crypto';
import type { SignerStore } from '../store.js';

/** How one delivery ended. */
export type Attempt =
  /** The callback ran now and succeeded. */
  | 'processed'
  /** It was handled before (here, or by an instance sharing the store). */
  | 'duplicate'
  /** Not handled before, and too old (or too far ahead) to be handled now. */
  | 'stale'
  /** Another instance holds its lease, or this one is still running it. */
  | 'in_progress'
  /** The callback threw or rejected; nothing is recorded, so a re-delivery runs it. */
  | 'failed'
  /** The callback did not settle within its deadline; it keeps its lease until it does. */
  | 'timed_out'
  /** The store could not say whether it was handled; nothing ran. */
  | 'store_unavailable';

/** Options of {@link createExactlyOnce}; durations in ms. */
export interface ExactlyOnceOptions {
  readonly store: SignerStore;
  /** Prefix of the store keys (`<prefix>done:<id>`, `<prefix>lease:<id>`). */
  readonly prefix: string;
  /** How long a handled notification is remembered. */
  readonly retentionMs: number;
  /** Lease length; renewed every third of it while the callback runs. */
  readonly leaseMs: number;
  /** How long a delivery waits for the callback before answering a failure. */
  readonly callbackTimeoutMs: number;
  /** Bound on each store operation. */
  readonly storeTimeoutMs: number;
  readonly clock: () => number;
  /** Handled notifications remembered locally beyond those not yet in the store. Default 100 000. */
  readonly maxLocal?: number | undefined;
  /** Told when a background write of a done marker or a lease renewal failed (no details: logs only). */
  readonly onBackgroundFailure?: ((what: 'done_marker' | 'lease_renewal') => void) | undefined;
}

/** The record of one receiver. */
export interface ExactlyOnce {
  /** Run `work` for notification `id` unless it ran before; `fresh` whether it may still run. */
  run(id: string, fresh: boolean, work: () => void | Promise<void>): Promise<Attempt>;
  /** Done markers the store has not taken yet (they are retried in the background). */
  pendingMarkers(): number;
}

interface Local {
  readonly until: number;
  written: boolean;
}

// Lease owners: unique across instances (the random part) and deliveries (the count), without a
// random draw per notification.
const INSTANCE = randomUUID();
let leases = 0;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref?.());

/**
 * Resolves with `promise`, or `undefined` once `ms` passed. An expired timer gives way to the I/O
 * already waiting: timers run before the poll phase, so after the loop was busy (a burst of
 * requests) the deadline would otherwise fire ahead of a store reply that arrived in time and
 * sits unread in its socket. Deferred to the check phase, it loses only to answers already there.
 */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    let immediate: ReturnType<typeof setImmediate> | undefined;
    const timer = setTimeout(() => (immediate = setImmediate(() => resolve(undefined))), ms);
    const stop = (): void => {
      clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
    };
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        // Passed on as it came: the callers only tell a failure from a timeout.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error);
      },
    );
  });
}

/**
 * Create the exactly-once record of one receiver.
 *
 * @example
 * ```ts
 * const once = createExactlyOnce({ store, prefix: '{notify}:', retentionMs: 86_400_000, leaseMs: 30_000,
 *   callbackTimeoutMs: 2_000, storeTimeoutMs: 500, clock: Date.now });
 * const attempt = await once.run(hashOfSigningString, true, () => orders.markPaid(outTradeNo));
 * ```
 */
export function createExactlyOnce(options: ExactlyOnceOptions): ExactlyOnce {
  const { store, prefix, retentionMs, leaseMs, callbackTimeoutMs, storeTimeoutMs, clock } = options;
  const maxLocal = options.maxLocal ?? 100_000;
  const done = new Map<string, Local>();
  /** The final outcome of the delivery running each id here, settled when its callback settles. */
  const active = new Map<string, Promise<Attempt>>();
  let unwritten = 0;

  /** A store call bounded by `storeTimeoutMs`; a timeout throws like a failure. */
  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    const answer = await within(Promise.resolve().then(call), storeTimeoutMs);
    if (answer === undefined) throw new Error('store timeout');
    return answer;
  };

  const doneLocally = (id: string): boolean => {
    const entry = done.get(id);
    if (!entry) return false;
    if (entry.written && entry.until <= clock()) {
      done.delete(id);
      return false;
    }
    return true;
  };

  const remember = (id: string, written: boolean): Local => {
    const entry: Local = { until: clock() + retentionMs, written };
    done.delete(id);
    done.set(id, entry);
    if (!written) unwritten += 1;
    // Oldest first; an entry the store has not taken yet is the only record and is kept.
    for (const [key, old] of done) {
      if (done.size <= maxLocal + unwritten) break;
      if (old.written) done.delete(key);
    }
    return entry;
  };

  const markDone = (id: string): Promise<boolean> =>
    guard(() => store.lock(`${prefix}done:${id}`, 'done', retentionMs)).then(
      () => true,
      () => false,
    );

  /** Keep writing the marker until the store takes it, then stop the lease's renewal and free it. */
  async function recordInBackground(id: string, entry: Local, release: () => Promise<void>): Promise<void> {
    for (let attempt = 0; !(await markDone(id)); attempt++) {
      options.onBackgroundFailure?.('done_marker');
      await sleep(Math.min(5_000, 50 * 2 ** attempt));
    }
    entry.written = true;
    unwritten -= 1;
    await release();
  }

  async function own(
    id: string,
    fresh: boolean,
    work: () => void | Promise<void>,
  ): Promise<{
    answer: Attempt;
    final: Promise<Attempt>;
  }> {
    const settled = (attempt: Attempt) => ({ answer: attempt, final: Promise.resolve(attempt) });
    const doneKey = `${prefix}done:${id}`;
    const leaseKey = `${prefix}lease:${id}`;
    const owner = `${INSTANCE}:${(leases += 1)}`;
    try {
      if ((await guard(() => store.remaining(doneKey))) > 0) {
        remember(id, true);
        return settled('duplicate');
      }
    } catch {
      return settled('store_unavailable');
    }
    if (!fresh) return settled('stale');
    try {
      if (!(await guard(() => store.lock(leaseKey, owner, leaseMs)))) return settled('in_progress');
    } catch {
      return settled('store_unavailable');
    }
    const renewal = setInterval(
      () => {
        guard(() => store.extend(leaseKey, owner, leaseMs)).catch(() =>
          options.onBackgroundFailure?.('lease_renewal'),
        );
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    renewal.unref?.();
    const release = async (): Promise<void> => {
      clearInterval(renewal);
      await guard(() => store.unlock(leaseKey, owner)).catch(() => undefined);
    };
    try {
      // Checked again under the lease: another instance may have finished in between.
      if ((await guard(() => store.remaining(doneKey))) > 0) {
        await release();
        remember(id, true);
        return settled('duplicate');
      }
    } catch {
      await release();
      return settled('store_unavailable');
    }
    const final = Promise.resolve()
      .then(work)
      .then(
        async (): Promise<Attempt> => {
          // Recorded here first: from now on nothing in this process runs it again, store or not.
          const entry = remember(id, false);
          if (await markDone(id)) {
            entry.written = true;
            unwritten -= 1;
            await release();
          } else {
            void recordInBackground(id, entry, release);
          }
          return 'processed';
        },
        async (): Promise<Attempt> => {
          await release();
          return 'failed';
        },
      );
    // The marker's first write is bounded by the store timeout; what is left is retried in the background.
    return { answer: (await within(final, callbackTimeoutMs + storeTimeoutMs)) ?? 'timed_out', final };
  }

  return {
    async run(id, fresh, work) {
      if (doneLocally(id)) return 'duplicate';
      const running = active.get(id);
      if (running) {
        // A re-delivery while this process runs it: share that outcome rather than run it twice.
        const outcome = await within(running, callbackTimeoutMs);
        if (outcome === undefined) return 'in_progress';
        return outcome === 'processed' ? 'duplicate' : outcome;
      }
      let finish: (attempt: Attempt) => void = () => undefined;
      active.set(id, new Promise<Attempt>((resolve) => (finish = resolve)));
      const { answer, final } = await own(id, fresh, work).catch(() => ({
        answer: 'store_unavailable' as const,
        final: Promise.resolve<Attempt>('store_unavailable'),
      }));
      void final.then((attempt) => {
        active.delete(id);
        finish(attempt);
      });
      return answer;
    },
    pendingMarkers: () => unwritten,
  };
}
