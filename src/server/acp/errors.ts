/**
 * The one error type of the ACP client and notification handler. Kept on
 * the server side (no browser import); the shared server layer of issue 20
 * may later give it a common base.
 */

/** Fields of an {@link AcpError}. */
export interface AcpErrorInit {
  readonly code: string;
  readonly msg: string;
  /** The operation: `consume`, `query`, `notification`, `createAcpClient`, … */
  readonly operation: string;
  /** The gateway's `respCode`, when it answered one. */
  readonly respCode?: string | undefined;
  /** The gateway's `respMsg`, when it answered one. */
  readonly respMsg?: string | undefined;
  /** Whether trying again may succeed (timeouts, 5xx, unreachable). */
  readonly retryable?: boolean | undefined;
  readonly cause?: unknown;
}

/**
 * An ACP call or notification failed. `code` is one of: `invalid_param`
 * (our checks, before any request), `invalid_pfx` (unreadable `.pfx` or
 * wrong password), `invalid_certificate` (an option's PEM),
 * `missing_dependency` (a `.pfx` without node-forge installed),
 * `gateway_refused` (any `respCode` other than 00/03/04/05),
 * `not_found` (respCode 34, no such transaction), `file_not_found`
 * (respCode 98), `untrusted_certificate` (the reply's `signPubKeyCert` does
 * not chain to your middle and root), `certificate_expired`,
 * `certificate_owner` (CN owner is not UnionPay), `bad_signature`,
 * `unsigned_reply`, `upstream_timeout`, `upstream_unreachable`,
 * `upstream_http_<status>`, `upstream_interrupted`, `upstream_redirected`,
 * `upstream_too_large`, `bad_reply`, `bad_notification`.
 *
 * @example
 * ```ts
 * try {
 *   await acp.refund({ orderId, origQryId, txnAmt: 100 });
 * } catch (error) {
 *   if (error instanceof AcpError && error.code === 'gateway_refused') console.warn(error.respCode, error.respMsg);
 * }
 * ```
 */
export class AcpError extends Error {
  override name = 'AcpError';
  readonly code: string;
  readonly msg: string;
  readonly operation: string;
  readonly respCode: string | undefined;
  readonly respMsg: string | undefined;
  readonly retryable: boolean;

  constructor(init: AcpErrorInit) {
    super(`${init.operation}: ${init.msg} (${init.code})`, { cause: init.cause });
    this.code = init.code;
    this.msg = init.msg;
    this.operation = init.operation;
    this.respCode = init.respCode;
    this.respMsg = init.respMsg;
    this.retryable = init.retryable ?? false;
  }
}

/** `invalid_param` with the project's message shape: "Expected `x` to be …, got …". */
export function invalidParam(operation: string, name: string, expected: string, got: unknown): AcpError {
  const shown =
    typeof got === 'string'
      ? JSON.stringify(got)
      : typeof got === 'bigint'
        ? `${got}n (a bigint)`
        : String(got);
  return new AcpError({
    code: 'invalid_param',
    msg: `Expected \`${name}\` to be ${expected}, got ${shown}`,
    operation,
  });
}
