/**
 * The whole browser side of the user login as one call, `signIn`: on a
 * normal visit it sends the browser to the authorize page; back from it,
 * it checks the callback and trades the code for a session at your login
 * endpoint (`createLoginHandler` on the server). In a mini-program it gets
 * the code from `appletAuth` instead of a redirect.
 */
import { buildAuthorizeUrl, type AuthorizeOptions, type AuthorizeUrl } from './authorize-url.js';
import {
  isAuthorizeCallback,
  parseAuthorizeCallback,
  stripCallback,
  type AuthorizeCallback,
} from './callback.js';
import { UpsdkLoginError } from './errors.js';
import { exchangeAtEndpoint, type LoginEndpointOptions, type LoginSession } from './endpoint.js';

/** Where the pending login's state is kept in `sessionStorage`. */
export const STATE_STORAGE_KEY = 'upsdk-kit:login-state';

/** Browser objects the flow uses; default the globals. */
export interface BrowserHost {
  readonly window?: Window | undefined;
  readonly storage?: Storage | undefined;
}

/** Options of {@link startLogin}: authorize options whose `redirectUri` defaults to this page. */
export type StartLoginOptions = DistributiveOmit<AuthorizeOptions, 'redirectUri'> & {
  /** Default: this page's URL without `#…` and without callback parameters. */
  readonly redirectUri?: string | undefined;
  /** Call `location.assign(url)`. Default true. */
  readonly navigate?: boolean | undefined;
} & BrowserHost;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Options of {@link completeLogin}. */
export interface CompleteLoginOptions extends BrowserHost {
  /** Remove the callback parameters from the address bar (`history.replaceState`). Default true. */
  readonly cleanUrl?: boolean | undefined;
}

/**
 * Anything that can get a mini-program login code: `applet(client)` from
 * `upsdk-kit/applet` (login takes it as given rather than importing the
 * applet family).
 */
export interface AppletAuthSource {
  appletAuth(options?: { readonly signal?: AbortSignal | undefined }): Promise<string>;
}

/** Options of {@link signIn}. */
export type SignInOptions =
  | (StartLoginOptions & CompleteLoginOptions & LoginEndpointOptions & { readonly via?: 'redirect' })
  | (LoginEndpointOptions & { readonly via: 'applet'; readonly applet: AppletAuthSource });

/** What {@link signIn} did: signed in, or sent the browser to the authorize page. */
export type SignInOutcome<T> =
  { readonly kind: 'session'; readonly session: T } | { readonly kind: 'redirect'; readonly url: string };

const hostWindow = (host: BrowserHost): Window => {
  const win = host.window ?? globalThis.window;
  if (win) return win;
  throw new UpsdkLoginError({ code: 'unavailable', msg: 'no browser window', plugin: 'signIn' });
};
const hostStorage = (host: BrowserHost): Storage => host.storage ?? hostWindow(host).sessionStorage;

/**
 * Start a login: build the authorize URL, remember its state in
 * `sessionStorage`, and go there.
 *
 * @returns the URL and state (also when `navigate: false`).
 * @throws {@link UpsdkError} `invalid_param` for bad options.
 * @example
 * ```ts
 * startLogin({ appId, scope: 'upapi_base' }); // the page unloads
 * ```
 */
export function startLogin(options: StartLoginOptions): AuthorizeUrl {
  const win = hostWindow(options);
  const redirectUri = options.redirectUri ?? stripCallback(win.location.href).split('#')[0]!;
  const authorize = buildAuthorizeUrl({ ...options, redirectUri });
  hostStorage(options).setItem(STATE_STORAGE_KEY, authorize.state);
  if (options.navigate ?? true) win.location.assign(authorize.url);
  return authorize;
}

/**
 * Finish a login on the page the platform redirected back to: check the
 * callback against the stored state (which is then forgotten, so a code is
 * used once) and clean the address bar.
 *
 * @returns the code and state, or `undefined` when this URL is no callback.
 * @throws {@link UpsdkLoginError} as {@link parseAuthorizeCallback}.
 * @example
 * ```ts
 * const callback = completeLogin();
 * if (callback) await fetch('/upsdk/login', { method: 'POST', body: JSON.stringify({ code: callback.code }) });
 * ```
 */
export function completeLogin(options: CompleteLoginOptions = {}): AuthorizeCallback | undefined {
  const win = hostWindow(options);
  const href = win.location.href;
  if (!isAuthorizeCallback(href)) return undefined;
  const storage = hostStorage(options);
  const expectedState = storage.getItem(STATE_STORAGE_KEY);
  storage.removeItem(STATE_STORAGE_KEY);
  if (options.cleanUrl ?? true) win.history.replaceState(win.history.state, '', stripCallback(href));
  return parseAuthorizeCallback(href, { expectedState });
}

/**
 * Learn who the user is, in one call. In a mini-program (`via: 'applet'`)
 * the code comes from `applet(client).appletAuth()`. Otherwise: back from the
 * authorize page, the callback is checked and its code exchanged; on any
 * other visit the browser is sent to the authorize page.
 *
 * @returns `{kind: 'session', session}` — your endpoint's answer — or
 *   `{kind: 'redirect', url}` when the page is navigating away.
 * @throws {@link UpsdkLoginError} (`user0001` when the user declined, `state_mismatch`, the endpoint's codes),
 *   the client's errors in applet mode.
 * @example
 * ```ts
 * const outcome = await signIn({ appId, scope: 'upapi_base', endpoint: '/upsdk/login' });
 * if (outcome.kind === 'session') render(outcome.session.openId);
 * ```
 */
export async function signIn<T = LoginSession>(options: SignInOptions): Promise<SignInOutcome<T>> {
  if (options.via === 'applet') {
    const code = await options.applet.appletAuth({ signal: options.signal });
    return { kind: 'session', session: await exchangeAtEndpoint<T>(code, options) };
  }
  const callback = completeLogin(options);
  if (callback) return { kind: 'session', session: await exchangeAtEndpoint<T>(callback.code, options) };
  return { kind: 'redirect', url: startLogin(options).url };
}
