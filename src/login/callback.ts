/**
 * Reading the redirect back from the authorize page (spec §4.3):
 * `redirectUri?code=CODE&state=STATE` on success,
 * `redirectUri?state=STATE&errmsg=…&errorcode=…` on failure.
 */
import { UpsdkLoginError, USER_REFUSED } from './errors.js';
import { parseQuery } from './query.js';

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

const OPERATION = 'parseAuthorizeCallback';
const CALLBACK_FIELDS = ['code', 'state', 'errmsg', 'errorcode'] as const;

const invalid = (msg: string, raw?: unknown): UpsdkLoginError =>
  new UpsdkLoginError({ code: 'invalid_callback', msg, plugin: OPERATION, raw });

function queryOf(url: string | URL): Map<string, string> {
  let search: string;
  try {
    search = new URL(String(url), 'http://localhost').search;
  } catch {
    throw invalid('the callback is not a URL');
  }
  try {
    return parseQuery(search);
  } catch (error) {
    throw invalid(`the callback's query is malformed: ${(error as Error).message}`);
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
  const state = query.get('state') ?? '';
  const expected = options.expectedState;
  if (expected === null || expected === '' || state !== expected) {
    throw new UpsdkLoginError({
      code: 'state_mismatch',
      msg:
        expected === null || expected === ''
          ? 'no login was started in this tab (no stored state), so the callback is not trusted'
          : 'the callback carries another state than the one this tab sent',
      plugin: OPERATION,
    });
  }
  const errorcode = query.get('errorcode');
  if (errorcode !== undefined) {
    const errmsg =
      query.get('errmsg') || (errorcode === USER_REFUSED ? 'the user declined to authorize' : errorcode);
    throw new UpsdkLoginError({
      code: errorcode || 'unknown',
      msg: errmsg,
      plugin: OPERATION,
      raw: { errorcode, errmsg },
    });
  }
  const code = query.get('code');
  if (!code) throw invalid('the callback carries neither a code nor an errorcode');
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
  const hashAt = url.indexOf('#');
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = base.indexOf('?');
  if (queryAt === -1) return url;
  const kept = base
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => {
      if (pair === '') return false;
      const name = pair.split('=', 1)[0]!;
      return !(CALLBACK_FIELDS as readonly string[]).includes(safeDecode(name));
    });
  return `${base.slice(0, queryAt)}${kept.length ? `?${kept.join('&')}` : ''}${hash}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
