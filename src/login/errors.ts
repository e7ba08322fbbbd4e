/** The browser-side login error. */
import { UpsdkError, type UpsdkErrorInit } from '../client/errors.js';

/** The code the platform sends when the user declines to authorize (FAQ 24, spec §7.8). */
export const USER_REFUSED = 'user0001';

/** Fields of an {@link UpsdkLoginError}. */
export interface UpsdkLoginErrorInit extends UpsdkErrorInit {
  /** HTTP status, when the login endpoint answered with this error. */
  readonly status?: number | undefined;
}

/**
 * The login did not produce a user. `code` is the platform's `errorcode`
 * from the callback (`user0001` when the user declined), `state_mismatch`
 * (the callback's state is not the one this tab stored), `invalid_callback`
 * (a malformed callback URL), or the `code` of the login endpoint's
 * problem answer (`a31`, `invalid_request`, …, with `status`).
 *
 * @example
 * ```ts
 * try {
 *   await signIn({ appId, scope: 'upapi_mobile', endpoint: '/upsdk/login' });
 * } catch (error) {
 *   if (error instanceof UpsdkLoginError && error.refused) showWhyWeAsk();
 * }
 * ```
 */
export class UpsdkLoginError extends UpsdkError {
  override name = 'UpsdkLoginError';
  /** HTTP status of the login endpoint's answer, if the error came from there. */
  readonly status: number | undefined;

  constructor(init: UpsdkLoginErrorInit) {
    super(init);
    this.status = init.status;
  }

  /** True when the user declined to authorize (`user0001`). */
  get refused(): boolean {
    return this.code === USER_REFUSED;
  }
}
