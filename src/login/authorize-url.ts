/**
 * The authorize URL of the user login (spec §4.1, §4.3): where a page sends
 * the browser to get an authorization `code` for the user.
 */
import { fail, httpUrl, matching, oneOf, validated } from '../shared/validate.js';
import { toHex } from '../shared/hex.js';
import {
  LOGIN_SCOPES,
  type InAppScope,
  type LoginContext,
  type OutOfAppScope,
} from '../shared/login-contract.js';

export { LOGIN_SCOPES, MOBILE_SCOPES, REAL_NAME_SCOPES } from '../shared/login-contract.js';
export type { InAppScope, OutOfAppScope, LoginScope, LoginContext } from '../shared/login-contract.js';

interface AuthorizeCommon {
  /** Your appId. */
  readonly appId: string;
  /** Absolute http(s) URL the platform sends the browser back to, without `#…`; https strongly advised. */
  readonly redirectUri: string;
  /** Echoed back for CSRF protection: 1…128 of [a-zA-Z0-9]. Default: 32 random hex digits. */
  readonly state?: string | undefined;
  /** Origin of the open platform. Default `https://open.95516.com` (the simulator's fake platform in tests). */
  readonly platformUrl?: string | undefined;
}

/** Options of {@link buildAuthorizeUrl}: the scope must suit the context, `planId` goes with `upapi_contract` only. */
export type AuthorizeOptions =
  | (AuthorizeCommon & { readonly where?: 'in-app'; readonly scope: InAppScope; readonly planId?: never })
  | (AuthorizeCommon & {
      readonly where?: 'in-app' | undefined;
      readonly scope: 'upapi_contract';
      readonly planId: string;
    })
  | (AuthorizeCommon & {
      readonly where: 'out-of-app';
      readonly scope: OutOfAppScope;
      readonly planId?: undefined;
    });

/** An authorize URL and the state it carries (store the state to check the callback). */
export interface AuthorizeUrl {
  readonly url: string;
  readonly state: string;
}

/** The production open platform. */
export const OPEN_PLATFORM_URL = 'https://open.95516.com';

/** The authorize pages: in-app and out-of-app (§4.3), and the password-free signing page (§4.1). */
export const AUTHORIZE_PAGES = {
  'in-app': '/s/open/html/oauth.html',
  'out-of-app': '/s/open/auth/outApp/html/outLogin.html',
  contract: '/s/open/noPwd/html/open.html',
} as const;

const OPERATION = 'buildAuthorizeUrl';

/** An absolute http(s) URL without `#…` (the platform appends `?code=…` to it), or `invalid_param` naming `field`. */
const redirectable = (field: string, value: unknown): string =>
  matching(field, httpUrl(field, value), /^[^#]*$/, 'a URL without #…');

/** A fresh state: 32 hex digits from a cryptographic RNG (works outside secure contexts, unlike `randomUUID`). */
const freshState = (): string => toHex(crypto.getRandomValues(new Uint8Array(16)));

/**
 * Build the URL of the authorize page for `scope`: the in-app page for
 * `upapi_base`/`upapi_mobile`/`upapi_auth`, the signing page for
 * `upapi_contract`, the out-of-app page for `upapi_login`/`upapi_user`.
 * `redirectUri` is percent-encoded once, as §4.3 asks; every other value is
 * checked to be of characters that need no encoding.
 *
 * @returns the URL and the `state` in it.
 * @throws {@link UpsdkError} `invalid_param` naming the bad field.
 * @example
 * ```ts
 * const { url, state } = buildAuthorizeUrl({
 *   appId: 'a5949221470c4059b9b0b45a90c81527',
 *   redirectUri: 'https://m.example.com/login/done',
 *   scope: 'upapi_mobile',
 * });
 * sessionStorage.setItem('login-state', state);
 * location.assign(url);
 * ```
 */
export function buildAuthorizeUrl(options: AuthorizeOptions): AuthorizeUrl {
  return validated(OPERATION, () => authorizeUrl(options));
}

function authorizeUrl(options: AuthorizeOptions): AuthorizeUrl {
  const { appId, redirectUri, scope, state = freshState() } = options;
  const where: LoginContext = oneOf('where', options.where ?? 'in-app', ['in-app', 'out-of-app']);
  matching('appId', appId, /^[A-Za-z0-9]{1,64}$/, '1…64 characters of [a-zA-Z0-9]');
  const scopes = LOGIN_SCOPES[where];
  if (!scopes.includes(scope)) fail('scope', `one of ${scopes.join(', ')} for ${where} pages`, scope);
  const contract = scope === 'upapi_contract';
  const planId = (options as { planId?: unknown }).planId;
  if (contract) matching('planId', planId, /^[\w-]{1,64}$/, '1…64 characters of [a-zA-Z0-9_-]');
  else if (planId !== undefined) fail('planId', 'absent unless scope is upapi_contract', planId);
  redirectable('redirectUri', redirectUri);
  matching('state', state, /^[A-Za-z0-9]{1,128}$/, '1…128 characters of [a-zA-Z0-9]');
  const page = new URL(
    AUTHORIZE_PAGES[contract ? 'contract' : where],
    redirectable('platformUrl', options.platformUrl ?? OPEN_PLATFORM_URL),
  );
  // Parameter order as in §4.1/§4.3. Only redirectUri needs encoding (once, with
  // encodeURIComponent, as §4.3 asks): every other value was checked to be [A-Za-z0-9_-].
  const plan = contract ? `&planId=${planId as string}` : '';
  return {
    url: `${page.href}?appId=${appId}&redirectUri=${encodeURIComponent(redirectUri)}&responseType=code&scope=${scope}${plan}&state=${state}`,
    state,
  };
}
