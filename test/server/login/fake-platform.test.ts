import { describe, expect, it } from 'vitest';
import {
  createFakeOpenPlatform,
  SIMULATED_APP_ID,
  SIMULATED_SYMMETRIC_KEY,
  simulatedAppletCode,
} from '../../../src/simulator/index.js';
import { buildAuthorizeUrl } from '../../../src/login/authorize-url.js';
import { decrypt3des } from '../../../src/server/login/triple-des.js';
import { loginStack, serve } from './helpers.js';

const redirectUri = 'https://m.example.com/login/done?from=home';

/** Follow an authorize URL to the fake platform and answer where it redirects. */
async function authorize(platformUrl: string, options: Parameters<typeof buildAuthorizeUrl>[0]) {
  const { url, state } = buildAuthorizeUrl({ ...options, platformUrl });
  const response = await fetch(url, { redirect: 'manual' });
  return { response, state, location: response.headers.get('location') ?? '' };
}

describe('fake open platform: authorize pages (§4.3)', () => {
  it('redirects back with the state and a code encoded once', async () => {
    const platform = createFakeOpenPlatform();
    const platformUrl = await serve(platform.handle);
    const { response, state, location } = await authorize(platformUrl, {
      appId: SIMULATED_APP_ID,
      redirectUri,
      scope: 'upapi_mobile',
    });
    expect(response.status).toBe(302);
    expect(location).toMatch(/^https:\/\/m\.example\.com\/login\/done\?from=home&code=[^&]+&state=/);
    expect(location).toContain('%2B'); // every fake code has a '+', sent encoded
    expect(location.endsWith(`&state=${state}`)).toBe(true);
  });

  it('redirects with errorcode user0001 when the user declines', async () => {
    const platform = createFakeOpenPlatform();
    platform.setConsent(false);
    const { location, state } = await authorize(await serve(platform.handle), {
      appId: SIMULATED_APP_ID,
      redirectUri,
      scope: 'upapi_auth',
    });
    expect(location).toContain(`state=${state}&errmsg=`);
    expect(location).toContain('&errorcode=user0001');
    expect(location).not.toMatch(/[?&]code=/);
  });

  it('never asks for the silent base scope, so there is nothing to decline', async () => {
    const platform = createFakeOpenPlatform();
    platform.setConsent(false);
    const { location } = await authorize(await serve(platform.handle), {
      appId: SIMULATED_APP_ID,
      redirectUri,
      scope: 'upapi_base',
    });
    expect(location).toMatch(/[?&]code=/);
  });

  it('serves the out-of-app and password-free signing pages', async () => {
    const platformUrl = await serve(createFakeOpenPlatform().handle);
    const out = await authorize(platformUrl, {
      appId: SIMULATED_APP_ID,
      redirectUri,
      where: 'out-of-app',
      scope: 'upapi_user',
    });
    const contract = await authorize(platformUrl, {
      appId: SIMULATED_APP_ID,
      redirectUri,
      scope: 'upapi_contract',
      planId: '9ca088374a8141ff95dca35a12d73240',
    });
    expect([out.response.status, contract.response.status]).toEqual([302, 302]);
  });

  it('refuses a scope the page does not offer', async () => {
    const platform = createFakeOpenPlatform();
    const platformUrl = await serve(platform.handle);
    const response = await fetch(
      `${platformUrl}/s/open/html/oauth.html?appId=${SIMULATED_APP_ID}&redirectUri=${encodeURIComponent(redirectUri)}&responseType=code&scope=upapi_user`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('不合法scope');
  });
});

describe('fake open platform: token, user.mobile, user.auth', () => {
  const call = async (platformUrl: string, api: string, body: Record<string, string>) =>
    (await (
      await fetch(`${platformUrl}/open/access/1.0/${api}`, { method: 'POST', body: JSON.stringify(body) })
    ).json()) as { resp: string; msg: string; params?: Record<string, string> };

  it('names the first missing field with its N621xx code', async () => {
    const { platformUrl } = await loginStack();
    expect(await call(platformUrl, 'token', { appId: SIMULATED_APP_ID })).toMatchObject({ resp: 'N62101' });
    expect(
      await call(platformUrl, 'user.mobile', { appId: SIMULATED_APP_ID, backendToken: 'b' }),
    ).toMatchObject({
      resp: 'N62109',
    });
  });

  it('answers a10 for a backendToken it did not issue', async () => {
    const { platform, platformUrl } = await loginStack();
    const reply = await call(platformUrl, 'token', {
      appId: SIMULATED_APP_ID,
      backendToken: 'forged==',
      code: platform.issueCode(),
      grantType: 'authorization_code',
    });
    expect(reply.resp).toBe('a10');
  });

  it('sends user.auth fields encrypted under the symmetricKey', async () => {
    const { platform, platformUrl, tokens, service } = await loginStack();
    const login = await service.exchangeCode(platform.issueCode({ scope: 'upapi_auth' }));
    const reply = await call(platformUrl, 'user.auth', {
      appId: SIMULATED_APP_ID,
      backendToken: (await tokens.backendToken()).token,
      accessToken: login.accessToken,
      openId: login.openId,
    });
    expect(reply.resp).toBe('00');
    expect(reply.params!.realName).not.toBe('张三');
    expect(decrypt3des(reply.params!.realName!, SIMULATED_SYMMETRIC_KEY)).toBe('张三');
  });

  it("accepts each of the simulator's appletAuth codes once", async () => {
    const { service } = await loginStack();
    const code = simulatedAppletCode();
    await expect(service.exchangeCode(code)).resolves.toMatchObject({ scope: 'upapi_base' });
    await expect(service.exchangeCode(code)).rejects.toMatchObject({ code: 'a31' });
  });

  it('gives one user different openIds under different appIds', () => {
    const platform = createFakeOpenPlatform();
    expect(platform.openIdOf('u', 'app1')).not.toBe(platform.openIdOf('u', 'app2'));
    expect(platform.openIdOf('u', 'app1')).toHaveLength(64);
  });
});
