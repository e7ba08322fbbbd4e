import { describe, expect, it } from 'vitest';
import {
  createFakeOpenPlatform,
  SIMULATED_APP_ID,
  SIMULATED_FRONT_TOKEN,
  SIMULATED_SECRET,
} from '../../src/simulator/index.js';
import { createNonce, tokenRequestSignature, unixTimestamp } from '../../src/shared/signature.js';

const BASE = 'https://open.95516.com/open/access/1.0';

function signedBody(overrides: Record<string, string> = {}, secret = SIMULATED_SECRET) {
  const body = { appId: SIMULATED_APP_ID, nonceStr: createNonce(), timestamp: unixTimestamp(), ...overrides };
  return { ...body, signature: tokenRequestSignature({ ...body, secret }), ...overrides };
}

async function post(platform: ReturnType<typeof createFakeOpenPlatform>, kind: string, body: unknown) {
  const response = await platform.fetch(`${BASE}/${kind}`, { method: 'POST', body: JSON.stringify(body) });
  return (await response.json()) as { resp: string; msg: string; params?: Record<string, unknown> };
}

describe('fake open platform', () => {
  it('issues a frontToken for a correctly signed request', async () => {
    const platform = createFakeOpenPlatform();
    const reply = await post(platform, 'frontToken', signedBody());
    expect(reply.resp).toBe('00');
    expect(reply.params).toMatchObject({ expiresIn: 7200 });
    expect(platform.isValid('frontToken', reply.params!.frontToken as string)).toBe(true);
    expect(platform.issued.frontToken).toBe(1);
  });

  it("issues the frontToken it was given every time (the simulator's, for serve --simulate), backendTokens fresh", async () => {
    const platform = createFakeOpenPlatform({ frontToken: SIMULATED_FRONT_TOKEN });
    const first = await post(platform, 'frontToken', signedBody());
    const second = await post(platform, 'frontToken', signedBody());
    expect([first.params!.frontToken, second.params!.frontToken]).toEqual([
      SIMULATED_FRONT_TOKEN,
      SIMULATED_FRONT_TOKEN,
    ]);
    expect(platform.isValid('frontToken', SIMULATED_FRONT_TOKEN)).toBe(true);
    const backend = await post(platform, 'backendToken', signedBody());
    expect(backend.params!.backendToken).not.toBe(SIMULATED_FRONT_TOKEN);
  });

  it('issues backendTokens separately from frontTokens', async () => {
    const platform = createFakeOpenPlatform();
    const reply = await post(platform, 'backendToken', signedBody());
    expect(reply.params!.backendToken).toEqual(expect.any(String));
    expect(platform.issued).toEqual({ frontToken: 0, backendToken: 1 });
  });

  it('rejects a request signed with the wrong secret with BC0025', async () => {
    const platform = createFakeOpenPlatform();
    const reply = await post(platform, 'frontToken', signedBody({}, 'not-the-secret'));
    expect(reply.resp).toBe('BC0025');
    expect(platform.issued.frontToken).toBe(0);
  });

  it('rejects a request that carries the secret', async () => {
    const platform = createFakeOpenPlatform();
    const reply = await post(platform, 'frontToken', { ...signedBody(), secret: SIMULATED_SECRET });
    expect(reply.resp).toBe('BC0024');
  });

  it('rejects a stale timestamp', async () => {
    const platform = createFakeOpenPlatform();
    const reply = await post(
      platform,
      'frontToken',
      signedBody({ timestamp: unixTimestamp(Date.now() - 3_600_000) }),
    );
    expect(reply.resp).toBe('BC0024');
  });

  it('names a missing field', async () => {
    const platform = createFakeOpenPlatform();
    const reply = await post(platform, 'frontToken', { appId: SIMULATED_APP_ID });
    expect(reply).toMatchObject({ resp: 'N62100', msg: 'nonceStr is required' });
  });

  it('invalidates the previous token when a new one is issued', async () => {
    const platform = createFakeOpenPlatform();
    const first = (await post(platform, 'frontToken', signedBody())).params!.frontToken as string;
    const second = (await post(platform, 'frontToken', signedBody())).params!.frontToken as string;
    expect(platform.isValid('frontToken', first)).toBe(false);
    expect(platform.isValid('frontToken', second)).toBe(true);
  });

  it('expires tokens after their lifetime', async () => {
    let now = Date.now();
    const platform = createFakeOpenPlatform({ lifetime: 60, clock: () => now });
    const token = (await post(platform, 'frontToken', signedBody())).params!.frontToken as string;
    now += 61_000;
    expect(platform.isValid('frontToken', token)).toBe(false);
  });

  it('answers expiresIn as a string when asked', async () => {
    const platform = createFakeOpenPlatform({ expiresInAsString: true });
    expect((await post(platform, 'frontToken', signedBody())).params!.expiresIn).toBe('7200');
  });

  it('serves injected faults before normal answers', async () => {
    const platform = createFakeOpenPlatform();
    platform.fault({ status: 500 });
    platform.fault({ resp: 'a20' });
    const first = await platform.fetch(`${BASE}/frontToken`, {
      method: 'POST',
      body: JSON.stringify(signedBody()),
    });
    expect(first.status).toBe(500);
    expect((await post(platform, 'frontToken', signedBody())).resp).toBe('a20');
    expect((await post(platform, 'frontToken', signedBody())).resp).toBe('00');
  });
});
