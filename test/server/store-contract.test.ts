/**
 * The SignerStore contract, run against both stores: the memory store on a
 * fake clock and the Redis store on a real redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  createRedisStore,
  type SignerStore,
  type TokenRecord,
} from '../../src/server/index.js';
import { startRedis, type RedisServer } from './helpers/redis.js';

interface Harness {
  store(): Promise<SignerStore>;
  /**
   * Let `ms` pass for the store: the memory store's clock jumps; a real Redis has its own clock,
   * so the assertions after it poll until Redis's expiry happened (no fixed sleep).
   */
  pass(ms: number): Promise<void>;
}

let now = 1_800_000_000_000;
const memory: Harness = {
  store: async () => createMemoryStore({ clock: () => now }),
  pass: async (ms) => {
    now += ms;
  },
};

let redis: RedisServer;
let prefixCount = 0;
const onRedis: Harness = {
  // A fresh prefix per test keeps tests independent on one server.
  store: async () => createRedisStore(await redis.client(), { prefix: `contract-${prefixCount++}:` }),
  pass: async () => undefined,
};

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const record = (version: number, token = `T${version}`): TokenRecord => ({
  token,
  tokenId: `id-${version}`,
  version,
  issuedAt: 1,
  expiresAt: 4_000_000_000_000,
});

describe.each([
  ['memory', memory],
  ['redis', onRedis],
] as const)('%s store', (_name, harness) => {
  it('reads back what it wrote', async () => {
    const store = await harness.store();
    expect(await store.write('{app}:frontToken', record(1), 60_000)).toBe(true);
    expect(await store.read('{app}:frontToken')).toEqual(record(1));
  });

  it('never replaces a record of equal or higher version', async () => {
    const store = await harness.store();
    await store.write('{app}:frontToken', record(2), 60_000);
    expect(await store.write('{app}:frontToken', record(1), 60_000)).toBe(false);
    expect(await store.write('{app}:frontToken', record(2, 'other'), 60_000)).toBe(false);
    expect((await store.read('{app}:frontToken'))?.token).toBe('T2');
    expect(await store.write('{app}:frontToken', record(3), 60_000)).toBe(true);
  });

  it('forgets a record after its ttl', async () => {
    const store = await harness.store();
    await store.write('{app}:frontToken', record(1), 40);
    await harness.pass(60);
    await expect.poll(() => store.read('{app}:frontToken')).toBeUndefined();
  });

  it('invalidates the current token into a tombstone of the next version', async () => {
    const store = await harness.store();
    await store.write('{app}:frontToken', record(4), 60_000);
    expect(await store.invalidate('{app}:frontToken', 'id-4', '{app}:gate', 60_000)).toBe('invalidated');
    expect(await store.read('{app}:frontToken')).toMatchObject({ token: '', tokenId: 'id-4', version: 5 });
    // An instance writing back its old copy cannot resurrect the invalidated token.
    expect(await store.write('{app}:frontToken', record(4), 60_000)).toBe(false);
  });

  it('reports a token that is no longer current as stale', async () => {
    const store = await harness.store();
    await store.write('{app}:frontToken', record(1), 60_000);
    expect(await store.invalidate('{app}:frontToken', 'id-0', '{app}:gate', 60_000)).toBe('stale');
    expect(await store.invalidate('{app}:missing', 'id-1', '{app}:gate', 60_000)).toBe('stale');
    expect((await store.read('{app}:frontToken'))?.token).toBe('T1');
  });

  it('invalidates at most once per gate period', async () => {
    const store = await harness.store();
    await store.write('{app}:frontToken', record(1), 60_000);
    expect(await store.invalidate('{app}:frontToken', 'id-1', '{app}:gate', 60)).toBe('invalidated');
    await store.write('{app}:frontToken', record(3), 60_000);
    expect(await store.invalidate('{app}:frontToken', 'id-3', '{app}:gate', 60)).toBe('limited');
    expect((await store.read('{app}:frontToken'))?.token).toBe('T3');
    await harness.pass(80);
    // Polling is safe: a refused invalidation changes nothing.
    await expect
      .poll(() => store.invalidate('{app}:frontToken', 'id-3', '{app}:gate', 60))
      .toBe('invalidated');
  });

  it('gives a lock to one owner until it is released or expires', async () => {
    const store = await harness.store();
    expect(await store.lock('{app}:lock', 'a', 50)).toBe(true);
    expect(await store.lock('{app}:lock', 'b', 50)).toBe(false);
    await store.unlock('{app}:lock', 'b');
    expect(await store.lock('{app}:lock', 'b', 50)).toBe(false);
    await store.unlock('{app}:lock', 'a');
    expect(await store.lock('{app}:lock', 'b', 50)).toBe(true);
    await harness.pass(70);
    await expect.poll(() => store.lock('{app}:lock', 'c', 50)).toBe(true);
  });

  it('extends a lease only for the owner that holds it', async () => {
    const store = await harness.store();
    expect(await store.extend('{app}:lease', 'a', 5_000)).toBe(false);
    await store.lock('{app}:lease', 'a', 1_000);
    expect(await store.extend('{app}:lease', 'b', 60_000)).toBe(false);
    expect(await store.remaining('{app}:lease')).toBeLessThanOrEqual(1_000);
    expect(await store.extend('{app}:lease', 'a', 60_000)).toBe(true);
    expect(await store.remaining('{app}:lease')).toBeGreaterThan(50_000);
    expect(await store.lock('{app}:lease', 'b', 50)).toBe(false);
  });

  it('tells how long a marker remains', async () => {
    const store = await harness.store();
    expect(await store.remaining('{app}:cooldown')).toBe(0);
    await store.lock('{app}:cooldown', 'a', 5_000);
    const left = await store.remaining('{app}:cooldown');
    expect(left).toBeGreaterThan(4_000);
    expect(left).toBeLessThanOrEqual(5_000);
  });

  it('grants at most `limit` slots per sliding window', async () => {
    const store = await harness.store();
    const grants = [];
    for (let i = 0; i < 5; i++) grants.push(await store.take('{app}:calls', 3, 100));
    expect(grants.slice(0, 3)).toEqual([0, 0, 0]);
    expect(grants[3]).toBeGreaterThan(0);
    expect(grants[3]).toBeLessThanOrEqual(100);
    await harness.pass(110);
    await expect.poll(() => store.take('{app}:calls', 3, 100)).toBe(0);
  });
});
