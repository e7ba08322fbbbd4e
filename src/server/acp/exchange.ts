/**
 * The ACP client's one HTTP seam, over the shared upstream transport: one
 * deadline over the whole exchange (body included), no redirects, a reply
 * size cap, messages free of secrets. A transaction that moves money is
 * sent once; only a query or file download is marked idempotent.
 */
import { TransportError } from '../shared/transport-error.js';
import { upstreamRequest } from '../shared/transport.js';
import { AcpError } from './errors.js';

/** One request to the gateway. */
export interface ExchangeRequest {
  readonly operation: string;
  readonly url: string;
  /** `application/x-www-form-urlencoded` text. */
  readonly body: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetch: typeof fetch;
  readonly signal?: AbortSignal | undefined;
  /** Whether sending it twice is harmless (query, file); a money-moving call is not. */
  readonly idempotent: boolean;
  /** Attempts of an idempotent call on a transient failure. */
  readonly attempts: number;
  /** Values never to appear in an error message. */
  readonly secrets?: readonly (string | undefined)[] | undefined;
}

/**
 * The reply's text. Every transport failure is an {@link AcpError} with the
 * transport's code (`upstream_timeout`, `upstream_unreachable`,
 * `upstream_interrupted`, `upstream_redirected`, `upstream_too_large`,
 * `upstream_http_<status>`) and its retry advice.
 */
export async function exchange(request: ExchangeRequest): Promise<string> {
  const { operation } = request;
  try {
    const reply = await upstreamRequest({
      operation,
      url: request.url,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: request.body,
      timeoutMs: request.timeoutMs,
      maxReplyBytes: request.maxBytes,
      signal: request.signal,
      secrets: request.secrets,
      idempotent: request.idempotent,
      retry: { attempts: request.attempts, baseDelayMs: 200, maxDelayMs: 2_000, random: Math.random },
      fetch: request.fetch,
    });
    return reply.body;
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    throw new AcpError({
      code: error.code,
      msg: error.detail,
      operation,
      retryable: error.retryable,
      cause: error,
    });
  }
}
