/**
 * Reading the redirect back from the authorize page (spec §4.3):
 * `redirectUri?code=CODE&state=STATE` on success,
 * `redirectUri?state=STATE&errmsg=…&errorcode=…` on failure.
 */
import { UpsdkLoginError, USER_REFUSED } from './errors.js';
import { parseQuery } from '../shared/query.js';

/** A successful callback. */
export interface AuthorizeCallback {
  /** The authorization code, decoded exactly once; send it to your server as is. */
  readonly code: string;
  /** The state the callback carried (equal to the expected one). */
  readonly state: string;
}

/** Options of {@link parseAuthorizeCallback}. */
export interface ParseCallbackOptions {
  /** The state sent with the authorize URL; `null` when none was stored (the callback is then rejected). */
  readonly expectedState: string | null;
}

const CALLBACK_FIELDS: readonly string[] = ['code', 'state', 'errmsg', 'errorcode'];

const failure = (code: string, msg: string, raw?: unknown): UpsdkLoginError =>
  new UpsdkLoginError({ code, msg, plugin: 'parseAuthorizeCallback', raw });

function queryOf(url: string | URL): Map<string, string> {
  try {
    return parseQuery(new URL(String(url), 'http://localhost').search);
  } catch (error) {
    throw failure('invalid_callback', `a malformed callback URL: ${(error as Error).message}`);
  }
}

/**
 * Whether `url` is a callback from the authorize page (it carries `code` or `errorcode`).
 *
 * @example
 * ```ts
 * if (isAuthorizeCallback(location.href)) finishLogin();
 * ```
 */
export function isAuthorizeCallback(url: string | URL): boolean {
  try {
    const query = queryOf(url);
    return query.has('code') || query.has('errorcode');
  } catch {
    return false;
  }
}

/**
 * Parse the callback URL. `code` is decoded once with `decodeURIComponent`,
 * as §4.3 prescribes, so a `+` in it stays a `+` (FAQ 13) instead of
 * becoming a space as `URLSearchParams` would make it. The state is checked
 * first, so a forged callback never reaches your server.
 *
 * @returns the code and state.
 * @throws {@link UpsdkLoginError}: `state_mismatch`; the platform's `errorcode` with its `errmsg`
 *   (`user0001` = the user declined, see `refused`); `invalid_callback`.
 * @example
 * ```ts
 * const { code } = parseAuthorizeCallback(location.href, { expectedState: sessionStorage.getItem('login-state') });
 * await fetch('/upsdk/login', { method: 'POST', body: JSON.stringify({ code }) });
 * ```
 */
export function parseAuthorizeCallback(url: string | URL, options: ParseCallbackOptions): AuthorizeCallback {
  const query = queryOf(url);
  const state = options.expectedState;
  // No stored state (no login started in this tab) or another one: the callback is not trusted.
  if (!state || query.get('state') !== state) {
    throw failure('state_mismatch', "the callback's state is not the one this tab stored");
  }
  const errorcode = query.get('errorcode');
  if (errorcode !== undefined) {
    const errmsg = query.get('errmsg') || (errorcode === USER_REFUSED ? 'the user declined' : errorcode);
    throw failure(errorcode || 'unknown', errmsg, { errorcode, errmsg });
  }
  const code = query.get('code');
  if (!code) throw failure('invalid_callback', 'no code or errorcode in the callback');
  return { code, state };
}

/**
 * `url` without the callback parameters (and its fragment kept), so that a
 * reload does not replay the code and the code does not leak through `Referer`.
 *
 * @example
 * ```ts
 * history.replaceState(history.state, '', stripCallback(location.href));
 * ```
 */
export function stripCallback(url: string): string {
  // base ? query # hash; a URL without `?` comes back as it was.
  const [, base, query, hash = ''] = /^([^?#]*)\??([^#]*)(#.*)?$/.exec(url)!;
  const kept = query!
    .split('&')
    .filter((pair) => pair !== '' && !CALLBACK_FIELDS.includes(safeDecode(pair.split('=', 1)[0]!)));
  return `${base!}${kept.length ? `?${kept.join('&')}` : ''}${hash}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
