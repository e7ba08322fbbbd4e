/**
 * Errors the signer raises. Each carries the HTTP status the signature
 * handler answers with, so the mapping lives with the error and not in a
 * switch somewhere else.
 */
import { UpsdkError, type UpsdkErrorInit } from '../shared/error.js';

/** Fields of a {@link SignerError}. */
export interface SignerErrorInit extends UpsdkErrorInit {
  /** HTTP status the handler answers with. */
  readonly status: number;
  /** Seconds after which trying again may succeed (sent as `Retry-After`). */
  readonly retryAfter?: number | undefined;
}

/**
 * A request the signer refused or could not serve. `code` is one of
 * `invalid_url`, `invalid_request`, `origin_not_allowed`, `rate_limited`,
 * `store_unavailable`, `invalid_param`, or an {@link UpstreamError} code.
 *
 * @example
 * ```ts
 * try {
 *   await signer.sign(url);
 * } catch (error) {
 *   if (error instanceof SignerError && error.status === 403) console.warn(error.msg);
 * }
 * ```
 */
export class SignerError extends UpsdkError {
  override name = 'SignerError';
  /** HTTP status the signature handler answers with. */
  readonly status: number;
  /** Seconds after which trying again may succeed. */
  readonly retryAfter: number | undefined;

  constructor(init: SignerErrorInit) {
    super(init);
    this.status = init.status;
    this.retryAfter = init.retryAfter;
  }
}

/** Fields of an {@link UpstreamError}. */
export interface UpstreamErrorInit extends Omit<SignerErrorInit, 'status'> {
  /** Whether another attempt may succeed (timeouts, 5xx, unparseable replies, transient codes). */
  readonly retryable: boolean;
}

/**
 * The open platform failed to issue a token. `code` is the platform's `resp`
 * code (`a20`, `N62131`, …), one of the upstream transport's codes
 * (`upstream_timeout`, `upstream_unreachable`, `upstream_interrupted`,
 * `upstream_redirected`, `upstream_too_large`, `upstream_http_<status>`,
 * `upstream_bad_reply`), or `upstream_cooldown`, `refresh_wait_timeout`.
 * Answered as 502; the message never holds the secret, even when the
 * platform echoes it.
 *
 * @example
 * ```ts
 * signer.frontToken().catch((error: unknown) => {
 *   if (error instanceof UpstreamError) console.error(error.code, error.retryable);
 * });
 * ```
 */
export class UpstreamError extends SignerError {
  override name = 'UpstreamError';
  /** Whether another attempt may succeed. */
  readonly retryable: boolean;

  constructor(init: UpstreamErrorInit) {
    super({ ...init, status: 502 });
    this.retryable = init.retryable;
  }
}

/** A bad option passed to a factory: code `invalid_param`, message "Expected `x` to be …, got …". */
export function invalidOption(name: string, expected: string, got: unknown): SignerError {
  const shown = typeof got === 'string' ? JSON.stringify(got) : Array.isArray(got) ? 'an array' : String(got);
  return new SignerError({
    code: 'invalid_param',
    msg: `Expected \`${name}\` to be ${expected}, got ${shown}`,
    status: 500,
  });
}

/** Check that `value` is a finite number in `min…max`; return it. */
export function checkRange(name: string, value: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidOption(name, `a number in ${min}…${max}`, value);
  }
  return value;
}
