/** createSigner against the fake open platform over real HTTP, on a controllable clock. */
import { describe, expect, it } from 'vitest';
import { configSignature, SignerError, UpstreamError, type SignerOptions } from '../../src/server/index.js';
import { SIMULATED_APP_ID, SIMULATED_SECRET } from '../../src/simulator/index.js';
import { useSignerFixture } from './helpers/fixture.js';

const fx = useSignerFixture(() => 1_800_000_000_000, { retryDelay: 1 });
const signerWith = fx.signerWith;

describe('signing', () => {
  it('signs the url without its fragment with the current frontToken (§7.1)', async () => {
    const signer = signerWith();
    const result = await signer.sign('https://m.example.com/pay?id=1#section');
    const frontToken = fx.served.platform.currentToken('frontToken')!;
    expect(result.signature).toBe(
      configSignature({
        appId: SIMULATED_APP_ID,
        frontToken,
        nonceStr: result.nonceStr,
        timestamp: result.timestamp,
        url: 'https://m.example.com/pay?id=1',
      }),
    );
    expect(result).toMatchObject({ appId: SIMULATED_APP_ID, timestamp: String(fx.now / 1000) });
    expect(result.nonceStr).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('two sign() calls for the same URL never share a nonce, on the fast path and the slow one', async () => {
    const signer = signerWith();
    const url = 'https://m.example.com/pay?id=1';
    const cold = await Promise.all([signer.sign(url), signer.sign(url)]);
    const warm = await Promise.all(Array.from({ length: 200 }, () => signer.sign(url)));
    const results = [...cold, ...warm];
    expect(new Set(results.map((result) => result.nonceStr)).size).toBe(results.length);
    expect(new Set(results.map((result) => result.signature)).size).toBe(results.length);
    for (const { nonceStr } of results) expect(nonceStr).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('never sends the secret upstream', async () => {
    const bodies: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      bodies.push(String(init?.body));
      return fetch(input, init);
    };
    await signerWith({ fetch: recording }).backendToken();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toContain(SIMULATED_SECRET);
    expect(JSON.parse(bodies[0]!)).toEqual({
      appId: SIMULATED_APP_ID,
      nonceStr: expect.any(String),
      timestamp: expect.any(String),
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('coalesces concurrent callers on a cold cache into one upstream call', async () => {
    const signer = signerWith();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => signer.sign('https://m.example.com/')),
    );
    expect(fx.served.platform.requests.frontToken).toBe(1);
    expect(new Set(results.map((result) => result.tokenId)).size).toBe(1);
  });

  it('keeps frontToken and backendToken apart', async () => {
    const signer = signerWith();
    const [front, back] = await Promise.all([signer.frontToken(), signer.backendToken()]);
    expect(front.token).toBe(fx.served.platform.currentToken('frontToken'));
    expect(back.token).toBe(fx.served.platform.currentToken('backendToken'));
    expect(fx.served.platform.requests).toEqual({ frontToken: 1, backendToken: 1 });
  });

  it('accepts expiresIn as a string', async () => {
    await fx.replacePlatform({ expiresInAsString: true, lifetime: 600 });
    const token = await signerWith().frontToken();
    expect(token.expiresAt).toBe(fx.now + 600_000);
  });
});

describe('refresh ahead of expiry', () => {
  it('answers with the valid token while one refresh runs inside the margin', async () => {
    const signer = signerWith({ refreshMargin: 300_000 });
    const first = await signer.frontToken();
    fx.now = first.expiresAt - 200_000;
    const during = await Promise.all(Array.from({ length: 20 }, () => signer.frontToken()));
    expect(during.every((token) => token.tokenId === first.tokenId)).toBe(true);
    await expect.poll(() => fx.served.platform.requests.frontToken).toBe(2);
    await expect.poll(async () => (await signer.frontToken()).tokenId).not.toBe(first.tokenId);
    expect(fx.served.platform.requests.frontToken).toBe(2);
  });

  it('does not refresh before the margin', async () => {
    const signer = signerWith({ refreshMargin: 300_000 });
    const first = await signer.frontToken();
    fx.now = first.expiresAt - 301_000;
    expect((await signer.frontToken()).tokenId).toBe(first.tokenId);
    expect(fx.served.platform.requests.frontToken).toBe(1);
  });

  it('fetches a new token once the old one expired', async () => {
    const signer = signerWith();
    const first = await signer.frontToken();
    fx.now = first.expiresAt + 1;
    expect((await signer.frontToken()).tokenId).not.toBe(first.tokenId);
    expect(fx.served.platform.requests.frontToken).toBe(2);
  });
});

describe('failure reports', () => {
  it('invalidates the reported token when it is current', async () => {
    const signer = signerWith();
    const first = await signer.sign('https://m.example.com/');
    const second = await signer.sign('https://m.example.com/', { retry: true, tokenId: first.tokenId });
    expect(second.tokenId).not.toBe(first.tokenId);
    expect(fx.served.platform.requests.frontToken).toBe(2);
  });

  it('ignores a stale report', async () => {
    const signer = signerWith();
    const first = await signer.sign('https://m.example.com/');
    await signer.sign('https://m.example.com/', { retry: true, tokenId: first.tokenId });
    const third = await signer.sign('https://m.example.com/', { retry: true, tokenId: first.tokenId });
    expect(fx.served.platform.requests.frontToken).toBe(2);
    expect(third.tokenId).not.toBe(first.tokenId);
  });

  it('ignores an unknown tokenId', async () => {
    const signer = signerWith();
    await signer.sign('https://m.example.com/');
    await signer.sign('https://m.example.com/', { retry: true, tokenId: 'made-up' });
    expect(fx.served.platform.requests.frontToken).toBe(1);
  });

  it('invalidates at most once a minute however often clients report', async () => {
    const signer = signerWith();
    let current = await signer.sign('https://m.example.com/');
    for (let i = 0; i < 14; i++) {
      current = await signer.sign('https://m.example.com/', { retry: true, tokenId: current.tokenId });
      fx.now += 5_000;
    }
    // The first fetch, one refresh at t=0 s, one more at t=60 s; the 12 reports in between are refused.
    expect(fx.served.platform.requests.frontToken).toBe(3);
    expect(fx.events.filter((event) => event.type === 'invalidation_refused')).toHaveLength(12);
  });
});

describe('platform errors', () => {
  it('turns a reply code other than 00 into a typed error', async () => {
    const signer = signerWith({ appId: 'unknownApp' });
    const error = await signer.frontToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'N62131', status: 502, retryable: false });
  });

  it('does not retry a permanent error such as a wrong secret', async () => {
    const signer = signerWith({ secret: 'wrong-secret' });
    await expect(signer.frontToken()).rejects.toMatchObject({ code: 'BC0025' });
    expect(fx.served.platform.requests.frontToken).toBe(1);
  });
});

describe('options', () => {
  it.each([
    [{ appId: '' }, 'Expected `appId` to be 1…64 characters of [A-Za-z0-9_-], got ""'],
    [{ secret: '' }, 'Expected `secret` to be a non-empty string, got an empty string'],
    [
      { allowedOrigins: [] },
      'Expected `allowedOrigins` to be a non-empty array of hosts or origins, got an array',
    ],
    [
      { allowedOrigins: ['https://example.com/path'] },
      'Expected `allowedOrigins[]` to be a host, `*.host` or origin string without path',
    ],
    [{ refreshMargin: -1 }, 'Expected `refreshMargin` to be a number in 0…3600000, got -1'],
    [
      { maxUpstreamCallsPerMinute: 5000 },
      'Expected `maxUpstreamCallsPerMinute` to be a number in 1…900, got 5000',
    ],
    [{ baseUrl: 'ftp://x' }, 'Expected `baseUrl` to be an http(s) URL'],
  ] as const)('rejects %j with a clear invalid_param error', (bad, message) => {
    const error = (() => {
      try {
        signerWith(bad as Partial<SignerOptions>);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SignerError);
    expect(error).toMatchObject({ code: 'invalid_param' });
    expect((error as SignerError).message).toContain(message);
  });

  it('never shows the secret in an option error', () => {
    expect(() => signerWith({ secret: 42 as unknown as string })).toThrow(/got a value of type number/);
  });
});
