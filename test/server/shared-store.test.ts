/**
 * Two signers sharing one store in one process (src-level, the fake platform over HTTP): one
 * upstream call between them, one refresh per report, and each signer's in-process coalescing
 * (its refresh guard) visible as store traffic.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type SignerStore } from '../../src/server/index.js';
import { useSignerFixture } from './helpers/fixture.js';

const fx = useSignerFixture(() => 1_800_000_000_000, { retryDelay: 1 });
const PAGE = 'https://m.example.com/';

/** The shared memory store, counting calls per method (the store itself is the real one). */
function countingStore(): { store: SignerStore; calls: Record<string, number> } {
  const inner = createMemoryStore({ clock: () => fx.now });
  const calls: Record<string, number> = {};
  const store = Object.fromEntries(
    Object.entries(inner).map(([name, method]) => [
      name,
      (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return (method as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as SignerStore;
  return { store, calls };
}

describe('two signers on one store', () => {
  it('make one upstream call between them on a cold cache, and sign with the same token', async () => {
    const { store } = countingStore();
    const [a, b] = [fx.signerWith({ store }), fx.signerWith({ store })];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).sign(PAGE)));
    expect(fx.served.platform.requests.frontToken).toBe(1);
    expect(new Set(results.map((result) => result.tokenId)).size).toBe(1);
  });

  it('refresh once for a report, and the other signer adopts the replacement', async () => {
    const { store } = countingStore();
    const [a, b] = [fx.signerWith({ store }), fx.signerWith({ store })];
    const first = await a.sign(PAGE);
    expect((await b.sign(PAGE)).tokenId).toBe(first.tokenId);
    const [fromA, fromB] = await Promise.all([
      a.sign(PAGE, { retry: true, tokenId: first.tokenId }),
      b.sign(PAGE, { retry: true, tokenId: first.tokenId }),
    ]);
    expect(fx.served.platform.requests.frontToken).toBe(2);
    expect(fromA.tokenId).not.toBe(first.tokenId);
    expect(fromB.tokenId).toBe(fromA.tokenId);
  });

  it('keep serving the reported token on both while the platform is down', async () => {
    const { store } = countingStore();
    const [a, b] = [
      fx.signerWith({ store, failureCooldown: 0 }),
      fx.signerWith({ store, failureCooldown: 0 }),
    ];
    const first = await a.sign(PAGE);
    await b.sign(PAGE);
    fx.served.platform.fault({ status: 500 }, 1_000);
    const reported = await a.sign(PAGE, { retry: true, tokenId: first.tokenId });
    fx.now += 2_000; // b's background check of the store is due
    await b.sign(PAGE);
    const later = [await a.sign(PAGE), await b.sign(PAGE), await b.sign(PAGE)];
    expect([reported, ...later].map((result) => result.tokenId)).toEqual(Array(4).fill(first.tokenId));
  });
});

describe("one signer's refresh guard", () => {
  it('turns 50 concurrent cold requests into one store lock and one upstream call', async () => {
    const { store, calls } = countingStore();
    const signer = fx.signerWith({ store });
    await Promise.all(Array.from({ length: 50 }, () => signer.sign(PAGE)));
    expect(calls.lock).toBe(1);
    expect(fx.served.platform.requests.frontToken).toBe(1);
  });
});
