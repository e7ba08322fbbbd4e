/**
 * One token request to the open platform (spec §5.1.1, §5.1.2, §2.4.1):
 * POST JSON `{appId, nonceStr, timestamp, signature}` where the signature
 * hashes the secret in, and the secret itself is never sent.
 */
import { raceAbort } from '../shared/abort.js';
import { createNonce, tokenRequestSignature, unixTimestamp } from '../shared/signature.js';
import { UpstreamError } from './errors.js';

/** The two tokens the platform issues. */
export type TokenKind = 'frontToken' | 'backendToken';

/** Where each token is requested, below `baseUrl`. */
export const TOKEN_PATHS: Readonly<Record<TokenKind, string>> = {
  frontToken: '/open/access/1.0/frontToken',
  backendToken: '/open/access/1.0/backendToken',
};

/** The platform's production base URL. */
export const OPEN_PLATFORM_URL = 'https://open.95516.com';

/** What one request needs. */
export interface UpstreamConfig {
  readonly appId: string;
  readonly secret: string;
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  /** Bound on the whole request, body included, in ms. */
  readonly timeoutMs: number;
  readonly clock: () => number;
}

/** A token as issued. */
export interface FetchedToken {
  readonly token: string;
  /** Lifetime in seconds. */
  readonly expiresIn: number;
}

// `N62…` codes say the request or the app's rights are wrong (§7.7); BC0024/BC0025 are
// the fake platform's "illegal request" and "bad signature". Asking again cannot help.
const PERMANENT = /^(N62\d{3}|BC0024|BC0025)$/;

const fail = (code: string, msg: string, retryable: boolean, cause?: unknown): UpstreamError =>
  new UpstreamError({ code, msg, retryable, cause });

function parseReply(kind: TokenKind, text: string): FetchedToken {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail('upstream_bad_reply', `${kind}: the platform answered something that is not JSON`, true);
  }
  const reply = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (reply.resp !== '00') {
    const code =
      typeof reply.resp === 'string' && reply.resp !== '' ? reply.resp.slice(0, 32) : 'upstream_bad_reply';
    const msg = typeof reply.msg === 'string' ? reply.msg.slice(0, 200) : 'no message';
    throw fail(code, `${kind}: the platform answered ${code} (${msg})`, !PERMANENT.test(code));
  }
  const params = (typeof reply.params === 'object' && reply.params !== null ? reply.params : {}) as Record<
    string,
    unknown
  >;
  // §5.1.2's own sample names the frontToken field `backendToken`; accept either name.
  const token = params[kind] ?? params[kind === 'frontToken' ? 'backendToken' : 'frontToken'];
  const expiresIn = typeof params.expiresIn === 'string' ? Number(params.expiresIn) : params.expiresIn;
  if (
    typeof token !== 'string' ||
    token === '' ||
    typeof expiresIn !== 'number' ||
    !(expiresIn > 0) ||
    !isFinite(expiresIn)
  ) {
    throw fail(
      'upstream_bad_reply',
      `${kind}: the platform's reply lacks a token or a valid expiresIn`,
      true,
    );
  }
  return { token, expiresIn };
}

function transportError(
  kind: TokenKind,
  error: unknown,
  timedOut: boolean,
  timeoutMs: number,
): UpstreamError {
  if (timedOut)
    return fail('upstream_timeout', `${kind}: no answer from the platform within ${timeoutMs} ms`, true);
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const why =
    typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.name : 'network error';
  return fail('upstream_unreachable', `${kind}: could not reach the platform (${why})`, true, error);
}

/**
 * Request one token. Resolves with it or rejects with an
 * {@link UpstreamError} whose `retryable` says whether to try again.
 */
export async function requestToken(kind: TokenKind, config: UpstreamConfig): Promise<FetchedToken> {
  const { appId, secret } = config;
  const nonceStr = createNonce();
  const timestamp = unixTimestamp(config.clock());
  const body = JSON.stringify({
    appId,
    nonceStr,
    timestamp,
    signature: tokenRequestSignature({ appId, nonceStr, timestamp, secret }),
  });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const exchange = async (): Promise<{ status: number; text: string }> => {
      const response = await config.fetch(config.baseUrl + TOKEN_PATHS[kind], {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: controller.signal,
      });
      return { status: response.status, text: await response.text() };
    };
    // raceAbort bounds the exchange even when a custom fetch ignores the signal.
    const { status, text } = await raceAbort(exchange(), controller.signal).catch((error: unknown) => {
      throw transportError(kind, error, controller.signal.aborted, config.timeoutMs);
    });
    if (status >= 500 || status === 429 || status === 408) {
      throw fail(`upstream_http_${status}`, `${kind}: the platform answered HTTP ${status}`, true);
    }
    if (status < 200 || status >= 300) {
      throw fail(`upstream_http_${status}`, `${kind}: the platform answered HTTP ${status}`, false);
    }
    return parseReply(kind, text);
  } finally {
    clearTimeout(timer);
  }
}
