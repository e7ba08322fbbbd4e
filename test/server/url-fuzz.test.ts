/** 1000 generated bad requests: every one gets a 4xx problem+json, none a 5xx, and the server keeps serving. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSignatureHandler, createSigner } from '../../src/server/index.js';
import { seededRandom } from '../../src/shared/random.js';
import { SIMULATED_APP_ID, SIMULATED_SECRET } from '../../src/simulator/index.js';
import { post, serve, servePlatform, type Served, type ServedPlatform } from './helpers/serve.js';

let platform: ServedPlatform;
let endpoint: Served;

beforeAll(async () => {
  platform = await servePlatform();
  const signer = createSigner({
    appId: SIMULATED_APP_ID,
    secret: SIMULATED_SECRET,
    allowedOrigins: ['m.example.com'],
    baseUrl: platform.url,
  });
  endpoint = await serve(createSignatureHandler(signer));
});
afterAll(async () => {
  await Promise.all([endpoint.close(), platform.close()]);
});

const random = seededRandom(20_240_601);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const VALID = 'https://m.example.com/pay?order=42';
const insertAt = (text: string, piece: string): string => {
  const at = 1 + Math.floor(random() * (text.length - 1));
  return text.slice(0, at) + piece + text.slice(at);
};
const junk = (length: number): string =>
  Array.from({ length }, () => String.fromCodePoint(Math.floor(random() * 0x2fff))).join('');

/** Each mutation makes a request that must be refused: the body (object or raw text). */
const mutations: readonly (() => unknown)[] = [
  () => ({ url: VALID.replace('https', pick(['ftp', 'file', 'javascript', 'data', 'ws', 'httpx', ''])) }),
  () => ({
    url: VALID.replace(
      'm.example.com',
      pick([
        'evil.example',
        'm.example.com.evil.example',
        'example.com',
        'xm.example.com',
        '127.0.0.1',
        '[::1]',
      ]),
    ),
  }),
  () => ({ url: insertAt(VALID, pick(['\u0000', '\n', '\t', ' ', '\\', '\u007f', '\r\n'])) }),
  () => ({ url: VALID.replace('://', `://${pick(['user', 'user:pw', ':pw', 'm.example.com'])}@`) }),
  () => ({ url: `${VALID}/${'a'.repeat(4_100 + Math.floor(random() * 2_000))}` }),
  () => ({ url: pick([null, 42, true, [], {}, [VALID], { href: VALID }, '', '#', `#${VALID}`]) }),
  () => ({
    url: pick([
      '/pay',
      'pay',
      '//m.example.com/',
      'm.example.com/pay',
      'https:/m.example.com',
      'https://',
      'http://[::1',
      'https://:443/',
    ]),
  }),
  () => ({ url: junk(1 + Math.floor(random() * 40)) }),
  () => ({ url: VALID, retry: pick(['true', 1, null, {}, []]) }),
  () => ({ url: VALID, retry: true, tokenId: pick([1, true, {}, [], 'x'.repeat(129)]) }),
  () => JSON.stringify({ url: VALID }).slice(0, Math.floor(random() * 20)),
  () => pick(['[]', '"https://m.example.com/"', 'null', '42', 'true', junk(10)]),
];

it('answers 1000 bad inputs with 4xx problem+json only', async () => {
  const inputs = Array.from({ length: 1000 }, () => pick(mutations)());
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  for (let start = 0; start < inputs.length; start += 25) {
    const batch = inputs.slice(start, start + 25);
    const replies = await Promise.all(
      batch.map((input) => post(endpoint.url, typeof input === 'string' ? input : JSON.stringify(input))),
    );
    replies.forEach((reply, i) => {
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      const ok =
        reply.status >= 400 &&
        reply.status < 500 &&
        reply.type === 'application/problem+json' &&
        reply.body.status === reply.status;
      if (!ok) failures.push(`${reply.status} for ${JSON.stringify(batch[i]).slice(0, 200)}`);
    });
  }
  expect(failures).toEqual([]);
  // Both kinds of refusal were exercised: bad input (400) and foreign origins (403).
  expect(statuses.get(400)).toBeGreaterThan(100);
  expect(statuses.get(403)).toBeGreaterThan(50);
  // Still serving after the barrage.
  expect((await post(endpoint.url, { url: VALID })).status).toBe(200);
});
