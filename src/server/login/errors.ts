/**
 * Errors of the server-side login helpers. Each carries the HTTP status the
 * login handler answers with, so the mapping lives with the error.
 */
import { UpsdkError, type UpsdkErrorInit } from '../../shared/error.js';
import type { OpenPlatformCode } from '../open-platform/codes.js';
import type { TransportCode } from '../shared/transport-error.js';

/** Fields of a {@link LoginError}. */
export interface LoginErrorInit extends UpsdkErrorInit {
  /** HTTP status the login handler answers with. */
  readonly status: number;
}

/**
 * A login step failed on the server. `code` is `invalid_param` (a bad
 * argument or option), `decrypt_failed` (a user field did not decrypt with
 * the `symmetricKey`), or one of the {@link OpenApiError} codes.
 *
 * @example
 * ```ts
 * try {
 *   await login.getMobile(user);
 * } catch (error) {
 *   if (error instanceof LoginError && error.code === 'decrypt_failed') alertOps('check symmetricKey');
 * }
 * ```
 */
export class LoginError extends UpsdkError {
  override name = 'LoginError';
  /** HTTP status the login handler answers with. */
  readonly status: number;

  constructor(init: LoginErrorInit) {
    super(init);
    this.status = init.status;
  }
}

/** The open-platform backend interfaces (spec §4.3, §5.2–§5.8), named as in their paths. */
export type OpenApiName =
  | 'token'
  | 'user.mobile'
  | 'user.auth'
  | 'verifyPwdSeqId'
  | 'contract.apply'
  | 'contract.relieve'
  | 'contract.status'
  | 'contract.info'
  | 'new.msg.push'
  | 'return.tax'
  | 'putIndustryCard'
  | 'red.packet.give'
  | 'red.packet.select'
  | 'qual.select'
  | 'qual.send'
  | 'qual.reduce';

/** Fields of an {@link OpenApiError}. */
export interface OpenApiErrorInit extends Omit<LoginErrorInit, 'plugin' | 'status'> {
  /** The interface that failed. */
  readonly api: OpenApiName;
  /** HTTP status for the login handler. Default 502. */
  readonly status?: number | undefined;
}

/**
 * The open platform refused a request or could not be reached. `code` is the
 * platform's `resp` (`a10`, `N62131`, `N62136`, …) or one of the upstream
 * transport's codes: `upstream_timeout`, `upstream_unreachable`,
 * `upstream_interrupted`, `upstream_redirected`, `upstream_too_large`,
 * `upstream_http_<status>`, `upstream_bad_reply` (also a 200 without `resp`).
 * Answered as 502 unless the request itself was bad. Tokens, keys and user
 * credentials the platform echoes are redacted from `msg` and `raw`.
 *
 * @example
 * ```ts
 * login.getRealName(user).catch((error: unknown) => {
 *   if (error instanceof OpenApiError && error.code === 'N62131') showNoPermission();
 * });
 * ```
 */
export class OpenApiError extends LoginError {
  override name = 'OpenApiError';
  /** A §7.7 code (typed, so `error.code === 'N62131'` is checked), another platform code, or one of ours. */
  declare readonly code: OpenPlatformCode | TransportCode | (string & {});
  /** The interface that failed. */
  readonly api: OpenApiName;

  constructor(init: OpenApiErrorInit) {
    super({ ...init, plugin: init.api, status: init.status ?? 502 });
    this.api = init.api;
  }
}

/**
 * The platform rejected the authorization code (`a31`: unknown, used or
 * older than five minutes). The page should start the login again. Answered
 * as 400 by the login handler.
 *
 * @example
 * ```ts
 * async function finish(code: string): Promise<Response> {
 *   try {
 *     return Response.json(await login.exchangeCode(code));
 *   } catch (error) {
 *     if (error instanceof InvalidCodeError) return redirectToAuthorize();
 *     throw error;
 *   }
 * }
 * ```
 */
export class InvalidCodeError extends OpenApiError {
  override name = 'InvalidCodeError';

  constructor(msg: string, raw?: unknown) {
    super({ code: 'a31', msg, api: 'token', status: 400, raw });
  }
}

/**
 * A bad argument or option: code `invalid_param`, message "Expected `x` to
 * be …, got …". `got` is a description, never the value of a secret. Status
 * 400 for request data, 500 for the server's own configuration.
 */
export function invalidArgument(
  operation: string,
  field: string,
  expected: string,
  got: string,
  status = 400,
): LoginError {
  return new LoginError({
    code: 'invalid_param',
    msg: `Expected \`${field}\` to be ${expected}, got ${got}`,
    plugin: operation,
    status,
  });
}
