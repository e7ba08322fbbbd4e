import { describe, expectTypeOf, it } from 'vitest';
import {
  buildAuthorizeUrl,
  signIn,
  type LoginScope,
  type LoginSession,
  type SignInOutcome,
} from '../../src/login.js';
import { createClient } from '../../src/index.js';
import type { CodeExchange, LoginService } from '../../src/server/open-platform/index.js';
import { applet } from '../../src/applet.js';

const base = { appId: 'a', redirectUri: 'https://m.example.com/' } as const;

describe('login types', () => {
  it('allows in-app scopes without where, out-of-app scopes only with it', () => {
    buildAuthorizeUrl({ ...base, scope: 'upapi_mobile' });
    buildAuthorizeUrl({ ...base, scope: 'upapi_user', where: 'out-of-app' });
    // @ts-expect-error upapi_base is not offered out of the app
    buildAuthorizeUrl({ ...base, scope: 'upapi_base', where: 'out-of-app' });
    // @ts-expect-error upapi_user needs where: 'out-of-app'
    buildAuthorizeUrl({ ...base, scope: 'upapi_user' });
  });

  it('requires planId exactly with upapi_contract', () => {
    buildAuthorizeUrl({ ...base, scope: 'upapi_contract', planId: 'p' });
    // @ts-expect-error planId is required
    buildAuthorizeUrl({ ...base, scope: 'upapi_contract' });
    // @ts-expect-error planId belongs to upapi_contract
    buildAuthorizeUrl({ ...base, scope: 'upapi_base', planId: 'p' });
  });

  it('types the scope union and the client method', () => {
    expectTypeOf<'upapi_login'>().toMatchTypeOf<LoginScope>();
    const client = createClient({ mode: 'applet' });
    expectTypeOf(applet(client).appletAuth()).toEqualTypeOf<Promise<string>>();
  });

  it('types the session of signIn, default and custom', () => {
    expectTypeOf(signIn({ appId: 'a', scope: 'upapi_base', endpoint: '/upsdk/login' })).toEqualTypeOf<
      Promise<SignInOutcome<LoginSession>>
    >();
    expectTypeOf(
      signIn<{ userId: number }>({ appId: 'a', scope: 'upapi_base', endpoint: '/x' }),
    ).toEqualTypeOf<Promise<SignInOutcome<{ userId: number }>>>();
  });

  it('types the server exchange', () => {
    expectTypeOf<LoginService['exchangeCode']>().returns.toEqualTypeOf<Promise<CodeExchange>>();
    expectTypeOf<CodeExchange['expiresIn']>().toEqualTypeOf<number>();
  });
});
