/** The exactly-once record on its own: how its store deadline meets a busy event loop. */
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/server/shared/memory-store.js';
import { createExactlyOnce, type ExactlyOnce } from '../../../src/server/shared/receiver/exactly-once.js';
import type { SignerStore } from '../../../src/server/shared/store.js';

const STORE_TIMEOUT_MS = 20;

/** Keep the event loop busy past the store deadline, as a burst of requests does. */
function blockLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy on purpose: the deadline's timer comes due while the loop cannot run it
  }
}

/**
 * A store whose every answer is already delivered as I/O (a port message, read in the poll phase)
 * when the loop gets free, but only after it was blocked past the store deadline.
 */
function answeredWhileBlocked(inner: SignerStore): SignerStore {
  const viaIo =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const value = await call(...args);
      const { port1, port2 } = new MessageChannel();
      const delivered = new Promise<R>((resolve) =>
        port2.once('message', () => {
          port1.close();
          resolve(value);
        }),
      );
      port1.postMessage(0);
      blockLoop(STORE_TIMEOUT_MS * 3);
      return delivered;
    };
  return {
    ...inner,
    lock: viaIo(inner.lock),
    unlock: viaIo(inner.unlock),
    extend: viaIo(inner.extend),
    remaining: viaIo(inner.remaining),
  };
}

/** The record under test, on `store`, with a short store deadline. */
const recordOn = (store: SignerStore): ExactlyOnce =>
  createExactlyOnce({
    store,
    prefix: 'test:',
    retentionMs: 60_000,
    leaseMs: 30_000,
    callbackTimeoutMs: 1_000,
    storeTimeoutMs: STORE_TIMEOUT_MS,
    clock: Date.now,
  });

describe('store deadline', () => {
  it('a store answer that arrived while the loop was busy is used, not overtaken by the expired deadline', async () => {
    const once = recordOn(answeredWhileBlocked(createMemoryStore()));
    let runs = 0;
    expect(await once.run('n1', true, () => void (runs += 1))).toBe('processed');
    expect(runs).toBe(1);
    expect(once.pendingMarkers()).toBe(0);
  });

  it('a store that never answers is still given up at its deadline', async () => {
    const silent: SignerStore = {
      ...createMemoryStore(),
      remaining: () => new Promise<number>(() => undefined),
    };
    const once = recordOn(silent);
    let runs = 0;
    expect(await once.run('n1', true, () => void (runs += 1))).toBe('store_unavailable');
    expect(runs).toBe(0);
  });
});
