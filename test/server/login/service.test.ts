import { describe, expect, it } from 'vitest';
import { createLoginService } from '../../../src/server/login/service.js';
import { InvalidCodeError, LoginError, OpenApiError } from '../../../src/server/login/errors.js';
import { SIMULATED_USER } from '../../../src/simulator/index.js';
import { loginStack, platformTokens } from './helpers.js';
import { rejected } from '../../login/caught.js';

const rejection = (promise: Promise<unknown>): Promise<LoginError> => rejected(LoginError, promise);

describe('exchangeCode (§4.3 step 2) against the fake platform over HTTP', () => {
  it("answers the user's openId, accessToken, lifetime and granted scope", async () => {
    const { platform, service } = await loginStack();
    const login = await service.exchangeCode(platform.issueCode({ scope: 'upapi_mobile' }));
    expect(login).toMatchObject({ openId: platform.openIdOf(), expiresIn: 3600, scope: 'upapi_mobile' });
    expect(login.accessToken).toEqual(expect.any(String));
  });

  it('reuses the cached backendToken across logins', async () => {
    const { platform, service, tokens } = await loginStack();
    await service.exchangeCode(platform.issueCode());
    await service.exchangeCode(platform.issueCode());
    expect(tokens.fetched).toBe(1);
  });

  it('rejects a used code with InvalidCodeError (a31)', async () => {
    const { platform, service } = await loginStack();
    const code = platform.issueCode();
    await service.exchangeCode(code);
    const error = await rejection(service.exchangeCode(code));
    expect(error).toBeInstanceOf(InvalidCodeError);
    expect(error).toMatchObject({ code: 'a31', status: 400 });
  });

  it('rejects an expired code with a31', async () => {
    let now = Date.now();
    const { platform, service } = await loginStack({ platform: { clock: () => now, codeLifetime: 300 } });
    await service.exchangeCode(platform.issueCode()); // fetch the backendToken while our timestamps are current
    const code = platform.issueCode();
    now += 301_000;
    expect((await rejection(service.exchangeCode(code))).code).toBe('a31');
  });

  it('refreshes a rejected backendToken (a10) and retries once', async () => {
    const { platform, service, tokens } = await loginStack();
    await service.exchangeCode(platform.issueCode());
    platform.revoke('backendToken'); // another system sharing the appId took a new token (FAQ 14)
    const login = await service.exchangeCode(platform.issueCode());
    expect(login.openId).toBe(platform.openIdOf());
    expect(tokens.invalidations).toBe(1);
    expect(tokens.fetched).toBe(2);
    expect(platform.userRequests.token).toBe(3);
  });

  it('gives up with a10 when the retried token is rejected too', async () => {
    const { platform, service, tokens } = await loginStack({ gated: true });
    await service.exchangeCode(platform.issueCode());
    platform.revoke('backendToken');
    const error = await rejection(service.exchangeCode(platform.issueCode()));
    expect(error).toBeInstanceOf(OpenApiError);
    expect(error).toMatchObject({ code: 'a10', api: 'token', status: 502 });
    expect(tokens.invalidations).toBe(1);
    expect(platform.userRequests.token).toBe(3); // the first login, then exactly one try and one retry
  });

  it("restores a '+' that became a space on the way from the page (FAQ 13)", async () => {
    const { platform, service } = await loginStack();
    const code = platform.issueCode();
    expect(code).toContain('+');
    await expect(service.exchangeCode(code.replace(/\+/g, ' '))).resolves.toMatchObject({
      scope: 'upapi_base',
    });
  });

  it('refuses a percent-encoded code before calling the platform', async () => {
    const { platform, service } = await loginStack();
    const error = await rejection(service.exchangeCode(encodeURIComponent(platform.issueCode())));
    expect(error).toMatchObject({ code: 'invalid_param', status: 400 });
    expect(error.msg).toContain('percent-encoded');
    expect(platform.userRequests.token).toBe(0);
  });

  it('reports an unreachable platform as upstream_unreachable', async () => {
    const { tokens } = await loginStack();
    const service = createLoginService({ tokens, baseUrl: 'http://127.0.0.1:9', timeout: 2000 });
    expect((await rejection(service.exchangeCode('abc+def'))).code).toBe('upstream_unreachable');
  });

  it("rejects with the signal's reason when aborted", async () => {
    const { platform, service } = await loginStack();
    const controller = new AbortController();
    const reason = new Error('user left');
    controller.abort(reason);
    await expect(service.exchangeCode(platform.issueCode(), { signal: controller.signal })).rejects.toBe(
      reason,
    );
  });
});

describe('getMobile / getRealName (§5.2.1–§5.2.2)', () => {
  it('decrypts the mobile number with the symmetricKey', async () => {
    const { platform, service } = await loginStack();
    const login = await service.exchangeCode(platform.issueCode({ scope: 'upapi_mobile' }));
    expect(await service.getMobile(login)).toBe(SIMULATED_USER.mobile);
  });

  it('decrypts the real name and certificate', async () => {
    const { platform, service } = await loginStack();
    const login = await service.exchangeCode(platform.issueCode({ scope: 'upapi_auth' }));
    expect(await service.getRealName(login)).toEqual({
      realName: SIMULATED_USER.realName,
      certType: SIMULATED_USER.certType,
      certId: SIMULATED_USER.certId,
    });
  });

  it('answers N62131 when the scope does not cover the interface', async () => {
    const { platform, service } = await loginStack();
    const login = await service.exchangeCode(platform.issueCode({ scope: 'upapi_mobile' }));
    const error = await rejection(service.getRealName(login));
    expect(error).toMatchObject({ code: 'N62131', api: 'user.auth' });
  });

  it('answers N62136 for a user without a mobile number', async () => {
    const { platform, service } = await loginStack({ platform: { users: [{ id: 'no-phone' }] } });
    const login = await service.exchangeCode(platform.issueCode({ scope: 'upapi_mobile' }));
    expect((await rejection(service.getMobile(login))).code).toBe('N62136');
  });

  it('fails with decrypt_failed when the symmetricKey is wrong', async () => {
    const { platform, service } = await loginStack({
      service: { symmetricKey: 'fedcba98765432100123456789abcdef0123456789abcdef' },
    });
    const login = await service.exchangeCode(platform.issueCode({ scope: 'upapi_mobile' }));
    expect(await rejection(service.getMobile(login))).toMatchObject({ code: 'decrypt_failed', status: 502 });
  });

  it('needs the symmetricKey option to read user information', async () => {
    const { platform, platformUrl } = await loginStack();
    const service = createLoginService({ tokens: platformTokens(platformUrl), baseUrl: platformUrl });
    const login = await service.exchangeCode(platform.issueCode({ scope: 'upapi_mobile' }));
    expect(await rejection(service.getMobile(login))).toMatchObject({ code: 'invalid_param', status: 500 });
  });

  it("restores '+' in an openId that passed through form decoding", async () => {
    const { platform, service } = await loginStack();
    const login = await service.exchangeCode(platform.issueCode({ scope: 'upapi_mobile' }));
    const damaged = {
      ...login,
      openId: login.openId.replace(/\+/g, ' '),
      accessToken: login.accessToken.replace(/\+/g, ' '),
    };
    expect(await service.getMobile(damaged)).toBe(SIMULATED_USER.mobile);
  });
});

describe('createLoginService options', () => {
  it('rejects a malformed symmetricKey without echoing it', () => {
    const tokens = platformTokens('http://127.0.0.1:9');
    expect(() => createLoginService({ tokens, symmetricKey: 'my-secret' })).toThrow(/48 hex digits/);
    expect(() => createLoginService({ tokens, symmetricKey: 'my-secret' })).not.toThrow(/my-secret/);
  });

  it('rejects a timeout outside 100…120000', () => {
    const tokens = platformTokens('http://127.0.0.1:9');
    expect(() => createLoginService({ tokens, timeout: 5 })).toThrow(
      'Expected `timeout` to be an integer in 100…120000, got 5',
    );
  });
});
