/**
 * One token request to the open platform (spec §5.1.1, §5.1.2, §2.4.1):
 * POST JSON `{appId, nonceStr, timestamp, signature}` where the signature
 * hashes the secret in, and the secret itself is never sent.
 */
import { createNonce, tokenRequestSignature, unixTimestamp } from '../shared/signature.js';
import { UpstreamError } from './errors.js';
import type { Redactor } from './shared/redact.js';
import { upstreamRequest } from './shared/transport.js';
import { TransportError } from './shared/transport-error.js';

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

function parseReply(kind: TokenKind, text: string, redact: Redactor): FetchedToken {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail('upstream_bad_reply', `${kind}: the platform answered something that is not JSON`, true);
  }
  const reply = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (reply.resp !== '00') {
    const code =
      typeof reply.resp === 'string' && reply.resp !== ''
        ? redact(reply.resp.slice(0, 32))
        : 'upstream_bad_reply';
    // The platform's msg may echo the request: only ever shown redacted.
    const msg = typeof reply.msg === 'string' ? redact(reply.msg.slice(0, 200)) : 'no message';
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
  // One attempt here: the signer retries around it, each attempt counted against the rate cap.
  const reply = await upstreamRequest({
    operation: kind,
    url: config.baseUrl + TOKEN_PATHS[kind],
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    timeoutMs: config.timeoutMs,
    secrets: [secret],
    fetch: config.fetch,
  }).catch((error: unknown) => {
    throw error instanceof TransportError
      ? fail(error.code, error.message, error.retryable, error)
      : fail('upstream_unreachable', `${kind}: the request failed`, true, error);
  });
  return parseReply(kind, reply.body, reply.redact);
}
