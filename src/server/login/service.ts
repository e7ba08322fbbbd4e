/**
 * `createLoginService`: the server half of the user login (spec §4.3 step 2,
 * §5.2.1, §5.2.2). Exchanges the page's code for the user's openId and
 * reads the mobile number and real name, decrypting them with the
 * `symmetricKey`. Backend tokens come from a {@link BackendTokenSource} —
 * the signer (`createSigner`) is one — and a token the platform rejects is
 * replaced and the call retried once.
 */
import type { LoginScope } from '../../shared/login-contract.js';
import { createOpenPlatform, type BackendTokenSource } from '../open-platform/client.js';
import { invalidArgument } from './errors.js';

export type { BackendTokenSource } from '../open-platform/client.js';

/** Options of {@link createLoginService}. */
export interface LoginServiceOptions {
  /** Source of backendTokens, e.g. the signer. */
  readonly tokens: BackendTokenSource;
  /** The hex 3DES key UnionPay issued; needed by `getMobile` and `getRealName`. */
  readonly symmetricKey?: string | undefined;
  /** Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** Origin of the open platform. Default `https://open.95516.com`. */
  readonly baseUrl?: string | undefined;
  /** Milliseconds per platform request, 100…120000. Default 10000. */
  readonly timeout?: number | undefined;
}

/** Who the user is, as far as the platform's user APIs are concerned. */
export interface UserCredentials {
  /** The user's id for this appId. */
  readonly openId: string;
  /** Proof of the user's consent, valid `expiresIn` seconds (3600 today). */
  readonly accessToken: string;
}

/** The outcome of {@link LoginService.exchangeCode}. */
export interface CodeExchange extends UserCredentials {
  /** Lifetime of `accessToken` in seconds. */
  readonly expiresIn: number;
  /** The scope the user granted (`upapi_base`, `upapi_mobile`, …). */
  readonly scope: LoginScope | (string & {});
  /** Reserved by the platform; present when it sends one. */
  readonly refreshToken?: string | undefined;
}

/** Certificate types of `user.auth`: 01 ID card, 03 passport, 04 home-return permit, 05 Taiwan compatriot permit. */
export type CertType = '01' | '03' | '04' | '05' | (string & {});

/** The outcome of {@link LoginService.getRealName}. */
export interface RealName {
  readonly realName: string;
  readonly certType: CertType;
  readonly certId: string;
}

/** Per-call options. */
export interface LoginCallOptions {
  /** Aborts the platform request; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** See {@link createLoginService}. */
export interface LoginService {
  /** The appId logins are for. */
  readonly appId: string;
  /**
   * Exchange the page's authorization code for the user's openId and accessToken (§4.3 step 2).
   *
   * @throws {@link InvalidCodeError} (`a31`) for an unknown, used or expired code; {@link OpenApiError};
   *   {@link LoginError} `invalid_param` for a malformed code.
   * @example
   * ```ts
   * const { openId, scope } = await login.exchangeCode(code);
   * ```
   */
  exchangeCode(code: string, options?: LoginCallOptions): Promise<CodeExchange>;
  /**
   * The user's mobile number (§5.2.1; scope `upapi_mobile`, `upapi_auth` or `upapi_user`).
   *
   * @throws {@link OpenApiError} (`N62131` no permission, `N62136` no mobile, …); {@link LoginError} `decrypt_failed`.
   * @example
   * ```ts
   * const mobile = await login.getMobile({ openId, accessToken });
   * ```
   */
  getMobile(user: UserCredentials, options?: LoginCallOptions): Promise<string>;
  /**
   * The user's name and certificate (§5.2.2; scope `upapi_auth` or `upapi_user`, specific industries only).
   *
   * @example
   * ```ts
   * const { realName, certType, certId } = await login.getRealName({ openId, accessToken });
   * ```
   */
  getRealName(user: UserCredentials, options?: LoginCallOptions): Promise<RealName>;
}

/**
 * Create the login service.
 *
 * @example
 * ```ts
 * import { createSigner } from 'upsdk-kit/server';
 * import { createLoginService } from 'upsdk-kit/server/open-platform';
 *
 * const signer = createSigner({ appId, secret, allowedOrigins: ['m.example.com'] });
 * const login = createLoginService({ tokens: signer, symmetricKey: process.env.UPSDK_SYMMETRIC_KEY });
 * const { openId, accessToken, scope } = await login.exchangeCode(code);
 * ```
 */
export function createLoginService(options: LoginServiceOptions): LoginService {
  const timeout = options.timeout ?? 10_000;
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 120_000) {
    throw invalidArgument('createLoginService', 'timeout', 'an integer in 100…120000', String(timeout), 500);
  }
  // Login is one user of the open-platform client: token handling, a10, 3DES and errors live there.
  const platform = createOpenPlatform({ ...options, timeout });
  const tokens: BackendTokenSource = options.tokens;

  return {
    appId: tokens.appId,

    async exchangeCode(code, callOptions = {}) {
      const reply = await platform.token({ code, grantType: 'authorization_code' }, callOptions);
      const expiresIn = Number(reply.expiresIn);
      return {
        openId: reply.openId,
        accessToken: reply.accessToken,
        // §4.3: "currently 3600 seconds"; used when the reply omits it.
        expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600,
        scope: reply.scope,
        ...(reply.refreshToken ? { refreshToken: reply.refreshToken } : {}),
      };
    },

    async getMobile(user, callOptions = {}) {
      return (await platform.userMobile(userFields(user), callOptions)).mobile;
    },

    async getRealName(user, callOptions = {}) {
      const reply = await platform.userAuth(userFields(user), callOptions);
      return { realName: reply.realName, certType: reply.certTp, certId: reply.certId };
    },
  };
}

/** The two credentials of a user, read off whatever the caller passed (checked by the client). */
const userFields = (user: UserCredentials): UserCredentials => ({
  openId: user?.openId,
  accessToken: user?.accessToken,
});
