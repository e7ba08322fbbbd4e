/**
 * Eight signer instances (worker threads, each with its own Redis client and
 * HTTP server) sharing one real redis-server, against the fake platform over
 * HTTP. Counts upstream calls exactly. The workers run dist/, which the node
 * suites' global setup rebuilds when src/ is newer. Waits are for events
 * (answers counted, keys gone), never fixed sleeps.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { SIMULATED_SECRET } from '../../src/simulator/index.js';
import { startRedis, type RedisServer, type TestClient } from './helpers/redis.js';
import { post, servePlatform, type JsonReply, type ServedPlatform } from './helpers/serve.js';

const INSTANCES = 8;
const APPS = ['coldApp', 'reportApp', 'staleApp', 'floodApp', 'restartApp', 'outageApp'];
const PAGE = 'https://m.example.com/checkout';

let redis: RedisServer;
let inspector: TestClient;
let served: ServedPlatform;
let pool: { urls: string[]; stop(): Promise<void> } | undefined;

beforeAll(async () => {
  redis = await startRedis();
  inspector = await redis.client();
  served = await servePlatform({ apps: Object.fromEntries(APPS.map((app) => [app, SIMULATED_SECRET])) });
});
afterEach(async () => {
  await pool?.stop();
  pool = undefined;
  served.platform.clearFaults();
});
afterAll(async () => {
  await Promise.all([redis?.stop(), served?.close()]);
});

/** Start the instances for `appId`; resolves once all listen. */
async function startInstances(appId: string, options: Record<string, unknown> = {}): Promise<string[]> {
  const signerOptions = {
    appId,
    secret: SIMULATED_SECRET,
    allowedOrigins: ['m.example.com'],
    baseUrl: served.url,
    retryDelay: 5,
    ...options,
  };
  const workers = Array.from(
    { length: INSTANCES },
    () =>
      new Worker(new URL('./fixtures/signer-worker.mjs', import.meta.url), {
        workerData: { redisUrl: redis.url, signerOptions },
      }),
  );
  const ports = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<number>((resolve, reject) => {
          worker.once('message', (message: { port: number }) => resolve(message.port));
          worker.once('error', reject);
        }),
    ),
  );
  const urls = ports.map((port) => `http://127.0.0.1:${port}/`);
  pool = {
    urls,
    stop: async () => {
      await Promise.all(
        workers.map((worker) => new Promise((resolve) => worker.once('exit', resolve).postMessage('stop'))),
      );
    },
  };
  return urls;
}

/** `perInstance` concurrent requests to every instance at once. */
const burst = (urls: string[], perInstance: number, body: unknown): Promise<JsonReply[]> =>
  Promise.all(urls.flatMap((url) => Array.from({ length: perInstance }, () => post(url, body))));

const tokenIds = (replies: JsonReply[]): Set<unknown> => new Set(replies.map((reply) => reply.body.tokenId));

it('makes exactly one upstream call for 8 instances × 50 concurrent requests on a cold cache', async () => {
  const urls = await startInstances('coldApp');
  const replies = await burst(urls, 50, { url: PAGE });
  expect(replies.filter((reply) => reply.status !== 200)).toEqual([]);
  expect(served.platform.requests.frontToken).toBe(1);
  expect(tokenIds(replies).size).toBe(1);
});

it('refreshes exactly once when all 8 instances report the same token at once', async () => {
  const urls = await startInstances('reportApp');
  const warm = await burst(urls, 1, { url: PAGE });
  const before = served.platform.requests.frontToken;
  const [reported] = tokenIds(warm);
  const replies = await burst(urls, 1, { url: PAGE, retry: true, tokenId: reported });
  expect(served.platform.requests.frontToken - before).toBe(1);
  expect(replies.every((reply) => reply.status === 200 && reply.body.tokenId !== reported)).toBe(true);
  expect(tokenIds(replies).size).toBe(1);
});

it('keeps all 8 instances signing with the reported token while the platform is down', async () => {
  const urls = await startInstances('outageApp', { failureCooldown: 0 });
  const [current] = tokenIds(await burst(urls, 1, { url: PAGE }));
  served.platform.fault({ status: 500 }, 10_000);
  const reported = await burst(urls, 1, { url: PAGE, retry: true, tokenId: current });
  const after = await burst(urls, 5, { url: PAGE });
  expect([...reported, ...after].every((reply) => reply.status === 200)).toBe(true);
  expect(tokenIds([...reported, ...after])).toEqual(new Set([current]));
});

it('does not refresh for a stale report, even with the minute gate open', async () => {
  const urls = await startInstances('staleApp', { invalidateInterval: 1_000 });
  const [old] = tokenIds(await burst(urls, 1, { url: PAGE }));
  await post(urls[0]!, { url: PAGE, retry: true, tokenId: old });
  // Wait until the one-report-per-interval gate has expired in Redis.
  await expect.poll(() => inspector.exists('upsdk-kit:{staleApp}:frontToken:invalidated')).toBe(0);
  const before = served.platform.requests.frontToken;
  const replies = await burst(urls, 5, { url: PAGE, retry: true, tokenId: old });
  expect(served.platform.requests.frontToken - before).toBe(0);
  expect(replies.every((reply) => reply.status === 200 && reply.body.tokenId !== old)).toBe(true);
});

it('holds the per-minute cap across instances under a flood of failing refreshes', async () => {
  served.platform.fault({ status: 500 }, 10_000);
  const before = served.platform.requests.frontToken;
  const urls = await startInstances('floodApp', { maxUpstreamCallsPerMinute: 5, failureCooldown: 0 });
  const replies = await burst(urls, 50, { url: PAGE });
  expect(served.platform.requests.frontToken - before).toBe(5);
  expect(new Set(replies.map((reply) => reply.status))).toEqual(new Set([429, 502]));
  expect(replies.every((reply) => reply.type === 'application/problem+json')).toBe(true);
});

/** Redis clients reconnect with a back-off: on a loaded machine that is seconds, not the poll's default 1 s. */
const RECONNECT = { timeout: 15_000, interval: 100 };

it('resumes after Redis restarts mid-run without a refresh storm', async () => {
  const urls = await startInstances('restartApp');
  await burst(urls, 1, { url: PAGE });
  const before = served.platform.requests.frontToken;
  const statuses: number[][] = [[], [], []];
  let phase = 0;
  let running = true;
  const load = Promise.all(
    urls.flatMap((url) =>
      Array.from({ length: 3 }, async () => {
        for (let i = 0; running && i < 10_000; i++)
          statuses[phase]!.push((await post(url, { url: PAGE })).status);
      }),
    ),
  );
  const answered = (n: number, count: number) =>
    expect.poll(() => statuses[n]!.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  let up = false;
  try {
    await answered(0, 100);
    phase = 1;
    await redis.down();
    await answered(1, 100); // served while Redis is gone
    await redis.up();
    up = true;
    phase = 2;
    await answered(2, 200);
  } finally {
    running = false;
    if (!up) await redis.up();
    await load;
  }
  // Each instance wrote its still-valid token back into the emptied Redis: no refresh at all.
  const duringRestart = served.platform.requests.frontToken - before;
  expect(duringRestart).toBe(0);
  expect(statuses[1]!.every((status) => status === 200)).toBe(true);
  expect(statuses[2]!.every((status) => status === 200)).toBe(true);
  // The store works again (once every client reconnected): a report still refreshes exactly once.
  const [current] = tokenIds(await burst(urls, 1, { url: PAGE }));
  await expect
    .poll(async () => {
      await burst(urls, 1, { url: PAGE, retry: true, tokenId: current });
      return served.platform.requests.frontToken - before;
    }, RECONNECT)
    .toBe(1);
  // …and every instance converges on the replacement.
  await expect.poll(async () => tokenIds(await burst(urls, 1, { url: PAGE })).size, RECONNECT).toBe(1);
  const phases = statuses.map(
    (list, i) => `phase ${i}: ${list.length} requests, ${list.filter((s) => s !== 200).length} failed`,
  );
  console.info(`redis restart: ${phases.join('; ')}; upstream calls during restart ${duringRestart}`);
}, 90_000); // three load phases and two reconnect waits, each bounded by its own 15 s poll
