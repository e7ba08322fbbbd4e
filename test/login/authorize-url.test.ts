import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, type AuthorizeOptions } from '../../src/login.js';
import { UpsdkError } from '../../src/index.js';
import { thrown } from './caught.js';

const appId = 'a5949221470c4059b9b0b45a90c81527';
const redirectUri = 'https://m.example.com/login/done?from=home&x=a b';
const ENCODED_REDIRECT = 'https%3A%2F%2Fm.example.com%2Flogin%2Fdone%3Ffrom%3Dhome%26x%3Da%20b';

const invalid = (options: unknown): UpsdkError =>
  thrown(UpsdkError, () => buildAuthorizeUrl(options as AuthorizeOptions));

describe('buildAuthorizeUrl (§4.1, §4.3)', () => {
  it.each(['upapi_base', 'upapi_mobile', 'upapi_auth'] as const)(
    'sends in-app scope %s to oauth.html',
    (scope) => {
      const { url, state } = buildAuthorizeUrl({ appId, redirectUri, scope });
      expect(url).toBe(
        `https://open.95516.com/s/open/html/oauth.html?appId=${appId}&redirectUri=${ENCODED_REDIRECT}&responseType=code&scope=${scope}&state=${state}`,
      );
    },
  );

  it.each(['upapi_login', 'upapi_user'] as const)('sends out-of-app scope %s to outLogin.html', (scope) => {
    const { url, state } = buildAuthorizeUrl({ appId, redirectUri, scope, where: 'out-of-app' });
    expect(url).toBe(
      `https://open.95516.com/s/open/auth/outApp/html/outLogin.html?appId=${appId}&redirectUri=${ENCODED_REDIRECT}&responseType=code&scope=${scope}&state=${state}`,
    );
  });

  it('sends upapi_contract with its planId to the password-free signing page', () => {
    const planId = '9ca088374a8141ff95dca35a12d73240';
    const { url, state } = buildAuthorizeUrl({
      appId,
      redirectUri,
      scope: 'upapi_contract',
      planId,
      state: 'abc',
    });
    expect(state).toBe('abc');
    expect(url).toBe(
      `https://open.95516.com/s/open/noPwd/html/open.html?appId=${appId}&redirectUri=${ENCODED_REDIRECT}&responseType=code&scope=upapi_contract&planId=${planId}&state=abc`,
    );
  });

  it('encodes redirectUri exactly once, so the platform decodes it back', () => {
    const { url } = buildAuthorizeUrl({ appId, redirectUri, scope: 'upapi_base' });
    expect(new URL(url).searchParams.get('redirectUri')).toBe(redirectUri);
  });

  it('generates a fresh 32-character state by default', () => {
    const first = buildAuthorizeUrl({ appId, redirectUri, scope: 'upapi_base' }).state;
    const second = buildAuthorizeUrl({ appId, redirectUri, scope: 'upapi_base' }).state;
    expect(first).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(second).not.toBe(first);
  });

  it('accepts a 128-character state and rejects 129', () => {
    expect(
      buildAuthorizeUrl({ appId, redirectUri, scope: 'upapi_base', state: 'a'.repeat(128) }).state,
    ).toHaveLength(128);
    expect(invalid({ appId, redirectUri, scope: 'upapi_base', state: 'a'.repeat(129) }).msg).toContain(
      'Expected `state` to be 1…128 characters of [a-zA-Z0-9]',
    );
  });

  it.each(['', 'a-b', 'état', 'a b'])('rejects the state %j', (state) => {
    expect(invalid({ appId, redirectUri, scope: 'upapi_base', state }).code).toBe('invalid_param');
  });

  it('rejects an in-app scope on the out-of-app page and the other way round', () => {
    expect(invalid({ appId, redirectUri, scope: 'upapi_base', where: 'out-of-app' }).msg).toBe(
      'Expected `scope` to be one of upapi_login, upapi_user for out-of-app pages, got "upapi_base"',
    );
    expect(invalid({ appId, redirectUri, scope: 'upapi_user' }).msg).toContain('for in-app pages');
  });

  it('requires planId with upapi_contract and refuses it otherwise', () => {
    expect(invalid({ appId, redirectUri, scope: 'upapi_contract' }).msg).toContain('`planId`');
    expect(invalid({ appId, redirectUri, scope: 'upapi_base', planId: 'p1' }).msg).toContain(
      'absent unless scope is upapi_contract',
    );
  });

  it.each([
    ['a relative URL', '/login/done'],
    ['another scheme', 'ftp://m.example.com/'],
    ['a fragment', 'https://m.example.com/#/login'],
  ])('rejects a redirectUri with %s', (_, uri) => {
    expect(invalid({ appId, redirectUri: uri, scope: 'upapi_base' }).msg).toContain('`redirectUri`');
  });

  it('rejects a malformed appId', () => {
    expect(invalid({ appId: 'a b', redirectUri, scope: 'upapi_base' }).msg).toContain('`appId`');
  });

  it('points at another platform origin when asked (the fake one in tests)', () => {
    const { url } = buildAuthorizeUrl({
      appId,
      redirectUri,
      scope: 'upapi_base',
      platformUrl: 'http://127.0.0.1:5173',
    });
    expect(url.startsWith('http://127.0.0.1:5173/s/open/html/oauth.html?')).toBe(true);
  });
});
