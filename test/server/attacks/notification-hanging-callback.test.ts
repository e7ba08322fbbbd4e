/**
 * Item 4 of issue 20, a hanging callback: the delivery must still be answered
 * (a failure, so the provider retries; the pre-order provider waits 3 s), and
 * a re-delivery — even after the processing lease would have expired — must
 * not run the callback a second time while the first still runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createRedisStore } from '../../../src/server/index.js';
import { startRedis, type RedisServer } from '../helpers/redis.js';
import {
  openPlatformReceiver,
  outcome,
  paid,
  passwordVerified,
  postForm,
  postJson,
  preOrderReceiver,
  formOf,
} from './helpers.js';

/** A callback that hangs until `release()`. */
function hanging(): { readonly callback: () => Promise<void>; release(): void } {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { callback: () => gate, release: () => release() };
}

const elapsed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
};

describe('pre-order', () => {
  it('a hanging callback is answered fail within the provider’s 3 s by default', async () => {
    const gate = hanging();
    const shop = await preOrderReceiver({ onNotification: gate.callback });
    const [reply, ms] = await elapsed(() =>
      outcome(fetch(shop.url, { method: 'POST', body: formOf(paid()), signal: AbortSignal.timeout(5_000) })),
    );
    gate.release();
    expect(reply[1]).toBe('fail');
    expect(ms).toBeLessThan(3_000);
  });

  it('a re-delivery long after the lease would have expired does not run it again while it hangs', async () => {
    let now = Date.now();
    const clock = (): number => now;
    const gate = hanging();
    const shop = await preOrderReceiver({
      onNotification: gate.callback,
      clock,
      store: createMemoryStore({ clock }),
      callbackTimeoutMs: 200,
    });
    const message = formOf(paid({}));
    expect((await outcome(postForm(shop.url, message)))[1]).toBe('fail');
    now += 10 * 60_000;
    expect((await outcome(postForm(shop.url, message)))[1]).toBe('fail');
    expect(shop.runs).toHaveLength(1);
    gate.release();
    await expect.poll(async () => (await outcome(postForm(shop.url, message)))[1]).toBe('success');
    expect(shop.runs).toHaveLength(1);
  });
});

describe('two instances on one Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  describe('pre-order', () => {
    it('the lease is renewed while the callback hangs: the other instance never runs it', async () => {
      const gate = hanging();
      const common = { processingMs: 300, callbackTimeoutMs: 200, keyPrefix: 'hang:' } as const;
      const one = await preOrderReceiver({
        ...common,
        onNotification: gate.callback,
        store: createRedisStore(await redis.client()),
      });
      const two = await preOrderReceiver({ ...common, store: createRedisStore(await redis.client()) });
      const message = formOf(paid());
      expect((await outcome(postForm(one.url, message)))[1]).toBe('fail');
      await new Promise((resolve) => setTimeout(resolve, 1_200)); // four leases
      expect(await outcome(postForm(two.url, message))).toEqual([409, 'fail']);
      gate.release();
      await expect.poll(async () => (await outcome(postForm(two.url, message)))[1]).toBe('success');
      expect([one.runs.length, two.runs.length]).toEqual([1, 0]);
    });
  });

  describe('open platform', () => {
    it('processingMs bounds the lease of an instance that stopped renewing it: past it, another runs the notification', async () => {
      const gate = hanging();
      const common = { processingMs: 300, callbackTimeoutMs: 200, keyPrefix: 'hang-op:' } as const;
      const live = createRedisStore(await redis.client());
      // The first instance as if it died while its callback ran: its lease renewals never reach the store.
      const dying = { ...live, extend: () => Promise.resolve(false) };
      const one = await openPlatformReceiver({ ...common, onNotification: gate.callback, store: dying });
      const two = await openPlatformReceiver({ ...common, store: createRedisStore(await redis.client()) });
      const message = passwordVerified();
      expect((await postJson(one.url, message)).status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // past the 300 ms lease
      expect((await postJson(two.url, message)).status).toBe(200);
      gate.release();
      expect([one.runs.length, two.runs.length]).toEqual([1, 1]);
    });

    it('keyPrefix keeps two handlers apart in one store', async () => {
      const store = createRedisStore(await redis.client());
      const first = await openPlatformReceiver({ store, keyPrefix: 'app-a:' });
      const second = await openPlatformReceiver({ store, keyPrefix: 'app-b:' });
      const message = passwordVerified();
      expect((await postJson(first.url, message)).status).toBe(200);
      expect((await postJson(second.url, message)).status).toBe(200);
      expect([first.runs.length, second.runs.length]).toEqual([1, 1]);
    });
  });
});

describe('open platform', () => {
  it('a hanging callback is answered with a failure at callbackTimeoutMs', async () => {
    const gate = hanging();
    const app = await openPlatformReceiver({ onNotification: gate.callback, callbackTimeoutMs: 300 });
    const [reply, ms] = await elapsed(async () => {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(passwordVerified()),
        signal: AbortSignal.timeout(5_000),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    gate.release();
    expect(reply).toMatchObject({ status: 503, body: { resp: '01' } });
    expect(ms).toBeLessThan(2_000);
  });

  it('a re-delivery after the lease would have expired does not run it again while it hangs', async () => {
    let now = Date.now();
    const clock = (): number => now;
    const gate = hanging();
    const app = await openPlatformReceiver({
      onNotification: gate.callback,
      callbackTimeoutMs: 200,
      clock,
      maxAgeSeconds: 3600,
      store: createMemoryStore({ clock }),
    });
    const message = passwordVerified();
    const first = postJson(app.url, message);
    await expect.poll(() => app.runs.length).toBe(1);
    now += 2 * 60_000; // past main's 60 s processing lock
    const second = await postJson(app.url, message);
    expect(second.status).not.toBe(200);
    expect(app.runs).toHaveLength(1);
    gate.release();
    await first;
    await expect.poll(async () => (await postJson(app.url, message)).status).toBe(200);
    expect(app.runs).toHaveLength(1);
  });
});
