/** Upstream faults over real HTTP: retried with backoff, surfaced as 502 problem+json when they persist. */
import { describe, expect, it } from 'vitest';
import { createSignatureHandler } from '../../src/server/index.js';
import { type UpstreamFault } from '../../src/simulator/index.js';
import { useSignerFixture } from './helpers/fixture.js';
import { post, serve, type Served } from './helpers/serve.js';

const fx = useSignerFixture(() => Date.now(), { upstreamTimeout: 300, retryDelay: 5, failureCooldown: 0 });
const signerWith = fx.signerWith;

const failures = () => fx.events.flatMap((event) => (event.type === 'upstream_failed' ? [event.code] : []));

describe.each([
  ['a timeout', { delay: 1_500 }, 'upstream_timeout'],
  ['HTTP 500', { status: 500 }, 'upstream_http_500'],
  ['garbage instead of JSON', { garbage: true }, 'upstream_bad_reply'],
  ['reply code a20', { resp: 'a20', msg: 'invalid frontToken' }, 'a20'],
] as [string, UpstreamFault, string][])('%s', (_name, fault, code) => {
  it('is retried and the next attempt succeeds', async () => {
    fx.served.platform.fault(fault);
    const token = await signerWith().frontToken();
    expect(token.token).toBe(fx.served.platform.currentToken('frontToken'));
    expect(fx.served.platform.requests.frontToken).toBe(2);
    expect(failures(), JSON.stringify(fx.events)).toEqual([code]);
  });

  it('surfaces as 502 problem+json when it persists', async () => {
    fx.served.platform.fault(fault, 3);
    const endpoint: Served = await serve(createSignatureHandler(signerWith()));
    try {
      const reply = await post(endpoint.url, { url: 'https://m.example.com/' });
      expect(reply.status).toBe(502);
      expect(reply.type).toBe('application/problem+json');
      expect(reply.body).toMatchObject({ status: 502, code });
      expect(fx.served.platform.requests.frontToken).toBe(3);
    } finally {
      await endpoint.close();
    }
  });
});

describe('connection refused', () => {
  it('is retried, then answered as 502 upstream_unreachable', async () => {
    const closed = await serve(async () => new Response());
    await closed.close();
    const endpoint = await serve(createSignatureHandler(signerWith({ baseUrl: closed.url })));
    try {
      const reply = await post(endpoint.url, { url: 'https://m.example.com/' });
      expect(reply).toMatchObject({
        status: 502,
        type: 'application/problem+json',
        body: { code: 'upstream_unreachable' },
      });
      expect(failures()).toEqual(['upstream_unreachable', 'upstream_unreachable', 'upstream_unreachable']);
    } finally {
      await endpoint.close();
    }
  });
});

describe('cooldown', () => {
  it('stops calling upstream for a while after a failed refresh', async () => {
    fx.served.platform.fault({ status: 503 }, 3);
    const endpoint = await serve(createSignatureHandler(signerWith({ failureCooldown: 5_000 })));
    try {
      expect((await post(endpoint.url, { url: 'https://m.example.com/' })).status).toBe(502);
      const second = await post(endpoint.url, { url: 'https://m.example.com/' });
      expect(second.body).toMatchObject({ status: 502, code: 'upstream_cooldown' });
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(fx.served.platform.requests.frontToken).toBe(3);
    } finally {
      await endpoint.close();
    }
  });

  it('keeps serving a still-valid token when a refresh ahead of expiry fails', async () => {
    const signer = signerWith({ failureCooldown: 5_000 });
    const first = await signer.sign('https://m.example.com/');
    fx.served.platform.fault({ status: 500 }, 3);
    fx.now += 7_200_000 - 60_000;
    await signer.sign('https://m.example.com/');
    await expect.poll(() => fx.events.some((event) => event.type === 'refresh_failed')).toBe(true);
    const later = await signer.sign('https://m.example.com/');
    expect(later.tokenId).toBe(first.tokenId);
    expect(fx.served.platform.requests.frontToken).toBe(4);
  });
});

describe('a failure report during an outage', () => {
  it('keeps serving the reported token over HTTP until a replacement is fetched', async () => {
    const endpoint = await serve(createSignatureHandler(signerWith()));
    try {
      const page = 'https://m.example.com/';
      const first = await post(endpoint.url, { url: page });
      fx.served.platform.fault({ status: 500 }, 1_000);
      const reported = await post(endpoint.url, { url: page, retry: true, tokenId: first.body.tokenId });
      const after = await post(endpoint.url, { url: page });
      expect([reported.status, after.status]).toEqual([200, 200]);
      expect([reported.body.tokenId, after.body.tokenId]).toEqual([first.body.tokenId, first.body.tokenId]);
      expect(fx.events.map((event) => event.type)).toContain('token_restored');
      // Back up: the next accepted report swaps in a new token.
      fx.served.platform.clearFaults();
      fx.now += 60_000;
      const swapped = await post(endpoint.url, { url: page, retry: true, tokenId: first.body.tokenId });
      expect(swapped.status).toBe(200);
      expect(swapped.body.tokenId).not.toBe(first.body.tokenId);
    } finally {
      await endpoint.close();
    }
  });
});

describe('rate cap', () => {
  it('never calls upstream more than the cap per minute under a flood', async () => {
    fx.served.platform.fault({ status: 500 }, 1_000);
    const signer = signerWith({ maxUpstreamCallsPerMinute: 5 });
    // Ten waves of five concurrent callers: each wave starts a refresh of its own, however long
    // the previous one took (timed delays made the count depend on the machine's load).
    const outcomes: PromiseSettledResult<unknown>[] = [];
    for (let wave = 0; wave < 10; wave++) {
      const calls = Array.from({ length: 5 }, () => signer.sign('https://m.example.com/'));
      outcomes.push(...(await Promise.allSettled(calls)));
    }
    expect(fx.served.platform.requests.frontToken).toBe(5);
    const statuses = new Set(
      outcomes.map((outcome) =>
        outcome.status === 'rejected' ? (outcome.reason as { status: number }).status : 200,
      ),
    );
    expect([...statuses].sort()).toEqual([429, 502]);
  });
});
