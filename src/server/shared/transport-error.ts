/**
 * The one error of the upstream transport. Each server family (signer, open
 * platform, pre-order, ACP) turns it into its own error class, keeping the
 * code, the retry advice and the message, which never holds a secret.
 */

/**
 * Why an exchange with an upstream failed:
 * - `upstream_timeout`: the deadline passed (no headers, a stalled or dripping body);
 * - `upstream_unreachable`: no connection, or it failed before the reply's headers;
 * - `upstream_interrupted`: the connection failed while the reply's body was read;
 * - `upstream_redirected`: a 3xx (redirects are never followed: the body would be re-sent elsewhere);
 * - `upstream_too_large`: the reply exceeds the size cap;
 * - `upstream_http_<status>`: any other status the call does not accept (4xx, 5xx);
 * - `upstream_bad_reply`: the reply arrived but is not what the protocol says (raised by the families).
 */
export type TransportCode =
  | 'upstream_timeout'
  | 'upstream_unreachable'
  | 'upstream_interrupted'
  | 'upstream_redirected'
  | 'upstream_too_large'
  | 'upstream_bad_reply'
  | `upstream_http_${number}`;

/** Fields of a {@link TransportError}. */
export interface TransportErrorInit {
  readonly code: TransportCode;
  /** Names the call, e.g. `qual.send`. */
  readonly operation: string;
  /** What happened, without the call's name; never a secret, a token or reply content. */
  readonly detail: string;
  /** Whether the same request may succeed later (the transport retries only idempotent calls). */
  readonly retryable: boolean;
  /** The HTTP status, when a reply arrived. */
  readonly status?: number | undefined;
  /** A redacted copy of the underlying error. */
  readonly cause?: Error | undefined;
}

/**
 * An upstream exchange failed.
 *
 * @example
 * ```ts
 * try {
 *   await upstreamRequest({ operation: 'query', url, timeoutMs: 5_000 });
 * } catch (error) {
 *   if (error instanceof TransportError && error.code === 'upstream_timeout') retryLater();
 * }
 * ```
 */
export class TransportError extends Error {
  override name = 'TransportError';
  readonly code: TransportCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  /** The message without the call's name, for family errors that add it themselves. */
  readonly detail: string;

  constructor(init: TransportErrorInit) {
    super(`${init.operation}: ${init.detail}`, init.cause ? { cause: init.cause } : undefined);
    this.detail = init.detail;
    this.code = init.code;
    this.retryable = init.retryable;
    this.status = init.status;
  }
}

/** Statuses after which the same request may succeed: server errors, 408 and 429. */
export const isTransientStatus = (status: number): boolean =>
  status >= 500 || status === 429 || status === 408;
