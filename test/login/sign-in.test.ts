/**
 * The whole redirect login, end to end on loopback: the page (jsdom), the
 * fake platform's authorize page, the login endpoint and the fake platform's
 * token and user interfaces.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  completeLogin,
  exchangeAtEndpoint,
  signIn,
  startLogin,
  STATE_STORAGE_KEY,
  UpsdkLoginError,
  type SignInOptions,
  type SignInOutcome,
} from '../../src/login.js';
import { SIMULATED_APP_ID, SIMULATED_USER } from '../../src/simulator/index.js';
import { loginStack, type LoginStack } from '../server/login/helpers.js';
import { rejected } from './caught.js';

afterEach(() => {
  window.history.replaceState(null, '', '/');
  window.sessionStorage.clear();
});

const optionsFor = (
  stack: LoginStack,
  scope: 'upapi_base' | 'upapi_mobile' = 'upapi_base',
): SignInOptions => ({
  appId: SIMULATED_APP_ID,
  scope,
  endpoint: stack.loginUrl,
  platformUrl: stack.platformUrl,
  navigate: false,
});

/** The authorize URL of an outcome that must be a redirect. */
function redirectUrl(outcome: SignInOutcome<unknown>): string {
  if (outcome.kind !== 'redirect') throw new Error('expected a redirect');
  return outcome.url;
}

/** What the browser does with the authorize URL: the platform answers a redirect, the page loads it. */
async function visitAuthorizePage(url: string): Promise<string> {
  const location = (await fetch(url, { redirect: 'manual' })).headers.get('location')!;
  window.history.replaceState(null, '', location);
  return location;
}

const loginError = (promise: Promise<unknown>): Promise<UpsdkLoginError> =>
  rejected(UpsdkLoginError, promise);

describe('signIn: the redirect flow', () => {
  it('sends the browser to the authorize page on a normal visit', async () => {
    const stack = await loginStack();
    const outcome = await signIn(optionsFor(stack));
    expect(outcome.kind).toBe('redirect');
    if (outcome.kind !== 'redirect') return;
    expect(outcome.url.startsWith(`${stack.platformUrl}/s/open/html/oauth.html?`)).toBe(true);
    expect(window.sessionStorage.getItem(STATE_STORAGE_KEY)).toBe(
      new URL(outcome.url).searchParams.get('state'),
    );
  });

  it('comes back with a session from the login endpoint', async () => {
    const stack = await loginStack();
    const first = await signIn(optionsFor(stack));
    await visitAuthorizePage(redirectUrl(first));
    const second = await signIn(optionsFor(stack));
    expect(second).toEqual({
      kind: 'session',
      session: { openId: stack.platform.openIdOf(), scope: 'upapi_base' },
    });
  });

  it('carries the mobile number through when the endpoint fetches it', async () => {
    const stack = await loginStack({ handler: { profile: ['mobile'] } });
    const first = await signIn(optionsFor(stack, 'upapi_mobile'));
    await visitAuthorizePage(redirectUrl(first));
    const second = await signIn(optionsFor(stack, 'upapi_mobile'));
    expect(second.kind === 'session' && second.session.mobile).toBe(SIMULATED_USER.mobile);
  });

  it('removes the code from the address bar', async () => {
    const stack = await loginStack();
    const first = await signIn(optionsFor(stack));
    const callback = await visitAuthorizePage(redirectUrl(first));
    expect(callback).toContain('code=');
    await signIn(optionsFor(stack));
    expect(window.location.href).toBe('http://localhost:3000/');
  });

  it('reports the user declining as a refusal and forgets the state', async () => {
    const stack = await loginStack();
    stack.platform.setConsent(false);
    const first = await signIn(optionsFor(stack, 'upapi_mobile'));
    await visitAuthorizePage(redirectUrl(first));
    const error = await loginError(signIn(optionsFor(stack, 'upapi_mobile')));
    expect(error).toMatchObject({ code: 'user0001', refused: true });
    expect(window.sessionStorage.getItem(STATE_STORAGE_KEY)).toBeNull();
  });

  it('rejects a callback started in another tab without calling the endpoint', async () => {
    const stack = await loginStack();
    const first = await signIn(optionsFor(stack));
    await visitAuthorizePage(redirectUrl(first));
    window.sessionStorage.setItem(STATE_STORAGE_KEY, 'anotherTabsState');
    expect((await loginError(signIn(optionsFor(stack)))).code).toBe('state_mismatch');
    expect(stack.platform.userRequests.token).toBe(0);
  });

  it('accepts a callback only once (a reload cannot replay it)', async () => {
    const stack = await loginStack();
    const first = await signIn(optionsFor(stack));
    const callback = await visitAuthorizePage(redirectUrl(first));
    await signIn(optionsFor(stack));
    window.history.replaceState(null, '', callback);
    expect((await loginError(signIn(optionsFor(stack)))).code).toBe('state_mismatch');
  });

  it("reports the endpoint's problem with its code and status", async () => {
    const stack = await loginStack();
    const first = await signIn(optionsFor(stack));
    const callback = await visitAuthorizePage(redirectUrl(first));
    const code = completeLogin()!.code;
    await stack.service.exchangeCode(code); // someone used the code first
    window.history.replaceState(null, '', callback);
    window.sessionStorage.setItem(STATE_STORAGE_KEY, new URL(callback).searchParams.get('state')!);
    expect(await loginError(signIn(optionsFor(stack)))).toMatchObject({ code: 'a31', status: 400 });
  });
});

describe('exchangeAtEndpoint', () => {
  it('gives up with a timeout error when the endpoint does not answer in time', async () => {
    let release = (): void => undefined;
    const stack = await loginStack({
      handler: {
        onLogin: () => new Promise<Response>((resolve) => (release = () => resolve(new Response('{}')))),
      },
    });
    const error = await rejected(
      UpsdkLoginError,
      exchangeAtEndpoint(stack.platform.issueCode(), { endpoint: stack.loginUrl, timeout: 100 }),
    );
    expect(error).toMatchObject({ code: 'timeout', msg: 'no answer within 100 ms' });
    release();
  });
});

describe('startLogin', () => {
  it('navigates with location.assign and redirects back to this page without its fragment', () => {
    const assign = vi.fn();
    const host = {
      location: { href: 'https://m.example.com/shop?x=1&code=old&state=old#/cart', assign },
    } as unknown as Window;
    const { url } = startLogin({
      appId: SIMULATED_APP_ID,
      scope: 'upapi_base',
      window: host,
      storage: window.sessionStorage,
    });
    expect(assign).toHaveBeenCalledWith(url);
    expect(new URL(url).searchParams.get('redirectUri')).toBe('https://m.example.com/shop?x=1');
  });

  it('answers undefined from completeLogin when the page is no callback', () => {
    window.history.replaceState(null, '', '/shop?x=1');
    expect(completeLogin()).toBeUndefined();
  });
});
