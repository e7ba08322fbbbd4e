/**
 * The fake platform's authorize pages (spec §4.1, §4.3): which requests
 * they accept and what they redirect back with. Pages and scopes are copied
 * from the spec here, not taken from the browser's URL builder, so a wrong
 * table on the client side fails against this one (WIRE-FACTS.md).
 */
import type { LoginScope } from '../login/authorize-url.js';

/** A scope a user can grant. */
export type GrantedScope = LoginScope;

/** §4.1 (in-app page, line "https://open.95516.com/s/open/html/oauth.html?…"), §4.3 (out-of-app), §4.1 table (contract). */
const PAGES = {
  inApp: '/s/open/html/oauth.html',
  outOfApp: '/s/open/auth/outApp/html/outLogin.html',
  contract: '/s/open/noPwd/html/open.html',
} as const;

/** §5.2.1: "授权scope为upapi_mobile、upapi_auth、upapi_user的接入方才可以访问此接口". */
export const grantsMobile = (scope: GrantedScope): boolean =>
  scope === 'upapi_mobile' || scope === 'upapi_auth' || scope === 'upapi_user';

/** §5.2.2: "授权scope为upapi_auth、upapi_user的特定接入方才能访问此接口". */
export const grantsRealName = (scope: GrantedScope): boolean =>
  scope === 'upapi_auth' || scope === 'upapi_user';

/** The query of the redirect when the user declines (§4.3, FAQ 24). */
export const refusalParams = (state: string): string =>
  `${state ? `state=${state}&` : ''}errmsg=${encodeURIComponent('用户不同意授权[user0001]')}&errorcode=user0001`;

/** An accepted authorize request. */
export interface AuthorizeRequest {
  readonly appId: string;
  readonly redirectUri: string;
  readonly scope: GrantedScope;
  readonly state: string;
  /** Whether the page asks the user (every scope but the silent base ones, §4.1). */
  readonly prompts: boolean;
}

// §4.1 scope table; §4.3: "云闪付APP外的SCOPE仅可使用upapi_login…和upapi_user".
const scopesOf = (pathname: string): readonly LoginScope[] | undefined => {
  if (pathname === PAGES.inApp) return ['upapi_base', 'upapi_mobile', 'upapi_auth'];
  if (pathname === PAGES.contract) return ['upapi_contract'];
  if (pathname === PAGES.outOfApp) return ['upapi_login', 'upapi_user'];
  return undefined;
};

/** Check an authorize page request the way the real pages do; the error texts follow FAQ 1, 9, 10. */
export function readAuthorizeRequest(
  url: URL,
  apps: Readonly<Record<string, string>>,
): AuthorizeRequest | { error: string } {
  const scopes = scopesOf(url.pathname);
  if (!scopes) return { error: '页面不存在 (no such page)' };
  // The real pages decode with standard form rules; so does the fake.
  const query = url.searchParams;
  const appId = query.get('appId') ?? '';
  const scope = (query.get('scope') ?? '') as GrantedScope;
  const state = query.get('state') ?? '';
  const redirectUri = query.get('redirectUri') ?? '';
  if (apps[appId] === undefined) return { error: 'appId 不合法 (unknown appId)' };
  if (query.get('responseType') !== 'code') return { error: 'responseType应为固定值code (N62105)' };
  if (!scopes.includes(scope))
    return { error: `不合法scope (scope ${JSON.stringify(scope)} not accepted here)` };
  if (scope === 'upapi_contract' && !query.get('planId')) return { error: 'planId不能为空 (N62114)' };
  if (!/^[A-Za-z0-9]{0,128}$/.test(state))
    return { error: 'state 不合法 (state must be at most 128 of a-zA-Z0-9)' };
  if (!/^https?:\/\/[^/?#]+/.test(redirectUri) || redirectUri.includes('#')) {
    return { error: '授权回调url不支持 (redirectUri must be an absolute http(s) URL)' };
  }
  return { appId, redirectUri, scope, state, prompts: scope !== 'upapi_base' && scope !== 'upapi_login' };
}
