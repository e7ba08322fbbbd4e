/**
 * Item 4 of issue 20, the store failing after the callback succeeded: the
 * done marker cannot be written, and the provider's retry must not run the
 * callback again — however long the store stays down — while this instance
 * lives; once the store is back, the marker reaches it, so other instances
 * sharing it acknowledge without running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createRedisStore, type SignerStore } from '../../../src/server/index.js';
import { startRedis, type RedisServer } from '../helpers/redis.js';
import {
  openPlatformReceiver,
  outcome,
  paid,
  passwordVerified,
  postForm,
  postJson,
  preOrderReceiver,
  rawForm,
  type Receiver,
} from './helpers.js';

/** A memory store that fails every call while `down`, and counts the done markers it took. */
function flakyStore(): { store: SignerStore; down: boolean; markers: number } {
  const inner = createMemoryStore();
  const state = { down: false, store: inner, markers: 0 };
  state.store = new Proxy(inner, {
    get(target, name: keyof SignerStore) {
      const method = target[name] as (...a: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        if (state.down) throw new Error('connection refused');
        const result = await method.apply(target, args);
        if (name === 'lock' && String(args[0]).includes('done:') && result === true) state.markers += 1;
        return result;
      };
    },
  });
  return state;
}

/** How each family's message is delivered and what it answers when handled. */
interface Family {
  readonly name: string;
  receiver(
    store: SignerStore,
    onHandled: () => Promise<void> | void,
    prefix: string,
  ): Promise<Receiver<unknown>>;
  deliver(url: string): Promise<boolean>;
}

const preOrderMessage = rawForm(Object.entries(paid()));
const platformMessage = passwordVerified();

const FAMILIES: readonly Family[] = [
  {
    name: 'pre-order',
    receiver: (store, onNotification, keyPrefix) => preOrderReceiver({ store, onNotification, keyPrefix }),
    deliver: async (url) => (await outcome(postForm(url, preOrderMessage)))[1] === 'success',
  },
  {
    name: 'open platform',
    receiver: (store, onNotification) => openPlatformReceiver({ store, onNotification }),
    deliver: async (url) => (await postJson(url, platformMessage)).status === 200,
  },
];

describe.each(FAMILIES)('$name', (family) => {
  it('store down right after the callback succeeded: retries are acknowledged, the callback ran once', async () => {
    const flaky = flakyStore();
    const app = await family.receiver(flaky.store, () => void (flaky.down = true), 'flaky:');
    expect(await family.deliver(app.url)).toBe(true);
    for (let i = 0; i < 3; i++) expect(await family.deliver(app.url)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    flaky.down = false;
    expect(await family.deliver(app.url)).toBe(true);
    expect(app.runs).toHaveLength(1);
    // The marker reaches the store once it is back: another instance acknowledges without running.
    await expect.poll(() => flaky.markers, { timeout: 10_000 }).toBe(1);
    const other = await family.receiver(flaky.store, () => undefined, 'flaky:');
    expect(await family.deliver(other.url)).toBe(true);
    expect(other.runs).toEqual([]);
  });
});

describe.each(FAMILIES)('$name on a real Redis', (family) => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('Redis killed after the callback succeeded and restarted empty: the callback ran once', async () => {
    const app = await family.receiver(createRedisStore(await redis.client()), () => redis.down(), 'outage:');
    expect(await family.deliver(app.url)).toBe(true);
    expect(await family.deliver(app.url)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5_500)); // longer than 5 s
    expect(await family.deliver(app.url)).toBe(true);
    await redis.up();
    expect(await family.deliver(app.url)).toBe(true);
    expect(app.runs).toHaveLength(1);
    const client = await redis.client();
    const keys = (client as unknown as { keys(pattern: string): Promise<string[]> }).keys.bind(client);
    await expect.poll(async () => (await keys('*done:*')).length, { timeout: 10_000 }).toBe(1);
    const other = await family.receiver(createRedisStore(client), () => undefined, 'outage:');
    expect(await family.deliver(other.url)).toBe(true);
    expect(other.runs).toEqual([]);
  });
});
