/**
 * A Redis outage under load, on a real redis-server stopped and started again: signers keep
 * answering from memory, and the log says down, a periodic count, and up — not one line per request.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createRedisStore, createSignatureHandler, type SignerEvent } from '../../src/server/index.js';
import { useSignerFixture } from './helpers/fixture.js';
import { startRedis, type RedisServer } from './helpers/redis.js';
import { post, serve, type Served } from './helpers/serve.js';

const fx = useSignerFixture(() => 1_800_000_000_000, { retryDelay: 1 });
const PAGE = { url: 'https://m.example.com/' };
let redis: RedisServer;
const endpoints: Served[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.close()));
});
afterAll(async () => {
  await redis.stop();
});

/** An endpoint whose signer uses the shared Redis through its own client, logging to `log` (default the fixture's). */
async function endpointOnRedis(prefix: string, log?: (event: SignerEvent) => void): Promise<string> {
  const store = createRedisStore(await redis.client(), { prefix });
  const endpoint = await serve(createSignatureHandler(fx.signerWith({ store, ...(log ? { log } : {}) })));
  endpoints.push(endpoint);
  return endpoint.url;
}

const storeEvents = (events = fx.events): SignerEvent[] =>
  events.filter((event) => event.type.startsWith('store_'));
/** Store operations that failed, as the events count them. */
const failuresIn = (events: SignerEvent[]): number =>
  events.reduce(
    (sum, event) =>
      sum + (event.type === 'store_down' ? 1 : event.type === 'store_errors' ? event.failures : 0),
    0,
  );

it('logs a Redis outage as one down, a periodic count and one up, and keeps signing from memory', async () => {
  const warmEvents: SignerEvent[] = [];
  const warm = await endpointOnRedis('outage:', (event) => warmEvents.push(event));
  const cold = await endpointOnRedis('outage:');
  expect((await post(warm, PAGE)).status).toBe(200);
  await redis.down();
  let up = false;
  try {
    fx.now += 2_000; // the warm signer's background check of the store is due
    const answers = [];
    for (let i = 0; i < 200; i++) answers.push(await post(warm, PAGE));
    expect(answers.every((reply) => reply.status === 200)).toBe(true);
    // A signer without a token in memory cannot sign without the store: 503, never a private token.
    const refused = await post(cold, PAGE);
    expect(refused).toMatchObject({ status: 503, body: { code: 'store_unavailable' } });
    expect(refused.headers.get('retry-after')).toBe('1');
    for (let i = 0; i < 50; i++) await post(cold, PAGE);
    expect(storeEvents().map((event) => event.type)).toEqual(['store_down']);
    fx.now += 10_000;
    await post(cold, PAGE);
    expect(storeEvents().map((event) => event.type)).toEqual(['store_down', 'store_errors']);
    expect(failuresIn(storeEvents())).toBeGreaterThanOrEqual(52);
    // The warm signer's one background check failed, and is not retried while the clock stands still.
    expect(storeEvents(warmEvents).map((event) => event.type)).toEqual(['store_down']);

    await redis.up();
    up = true;
    // Each poll lets 31 s pass, past the longest pause between background checks.
    await expect
      .poll(async () => {
        fx.now += 31_000;
        await post(warm, PAGE);
        await post(cold, PAGE);
        return [storeEvents().at(-1)?.type, storeEvents(warmEvents).at(-1)?.type];
      })
      .toEqual(['store_up', 'store_up']);
    // While it came back, more counts (the clock moved 31 s a poll); one down and one up in all.
    const types = storeEvents().map((event) => event.type);
    expect(types.filter((type) => type !== 'store_errors')).toEqual(['store_down', 'store_up']);
    expect(types.at(-1)).toBe('store_up');
  } finally {
    if (!up) await redis.up();
  }
});

it('backs off the background check of a dead store', async () => {
  const warm = await endpointOnRedis('backoff:');
  expect((await post(warm, PAGE)).status).toBe(200);
  await redis.down();
  try {
    // Let 1 s pass before every request for 40 s: a check every second would fail 40 times.
    for (let i = 0; i < 40; i++) {
      fx.now += 1_000;
      await post(warm, PAGE);
    }
    // Checks at 1, 3, 7, 15 and 31 s (pauses of 2, 4, 8, 16, 30 s), and no line per failure.
    expect(failuresIn(storeEvents())).toBe(5);
    expect(storeEvents().length).toBeLessThanOrEqual(3);
  } finally {
    await redis.up();
  }
});
