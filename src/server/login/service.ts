/**
 * `createLoginService`: the server half of the user login (spec §4.3 step 2,
 * §5.2.1, §5.2.2). Exchanges the page's code for the user's openId and
 * reads the mobile number and real name, decrypting them with the
 * `symmetricKey`. Backend tokens come from a {@link BackendTokenSource} —
 * the signer (`createSigner`) is one — and a token the platform rejects is
 * replaced and the call retried once.
 */
import type { LoginScope } from '../../login/authorize-url.js';
import { LoginError, OpenApiError, invalidArgument, type OpenApiName } from './errors.js';
import { callOpenApi, OPEN_PLATFORM_ORIGIN, type OpenApiTransport } from './open-api.js';
import { decrypt3des, parseSymmetricKey } from './triple-des.js';

/**
 * Where backendTokens come from: cached, shared between instances and
 * refreshed once when reported bad. `createSigner(...)` satisfies it as is.
 */
export interface BackendTokenSource {
  /** The appId the tokens belong to. */
  readonly appId: string;
  /** The current backendToken and an id to report it by. */
  backendToken(): Promise<{ readonly token: string; readonly tokenId: string }>;
  /** The platform rejected the token with this id (`a10`): the next `backendToken()` should be a fresh one. */
  invalidate(tokenId: string, kind: 'backendToken'): Promise<unknown>;
}

/** Options of {@link createLoginService}. */
export interface LoginServiceOptions {
  /** Source of backendTokens, e.g. the signer. */
  readonly tokens: BackendTokenSource;
  /** The hex 3DES key UnionPay issued; needed by `getMobile` and `getRealName`. */
  readonly symmetricKey?: string;
  /** Default the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Origin of the open platform. Default `https://open.95516.com`. */
  readonly baseUrl?: string;
  /** Milliseconds per platform request, 100…120000. Default 10000. */
  readonly timeout?: number;
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
  readonly refreshToken?: string;
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
  readonly signal?: AbortSignal;
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

/** Replies meaning "this backendToken is not (or no longer) valid": a10, and "not in the cache" (§7.7). */
const TOKEN_REJECTED: ReadonlySet<string> = new Set(['a10', 'BC2127', 'N62127']);
// Codes, openIds and accessTokens are base64-like; a space can only be a '+' that was form-decoded (FAQ 13–14).
const CREDENTIAL = /^[A-Za-z0-9+/=_.-]{1,1024}$/;

function credential(operation: string, field: string, value: unknown): string {
  if (typeof value !== 'string') return failCredential(operation, field, typeof value);
  // Only line breaks and tabs are dropped: a trailing space is a trailing '+' that was form-decoded.
  const restored = value.replace(/[\t\r\n]/g, '').replace(/ /g, '+');
  if (CREDENTIAL.test(restored)) return restored;
  const got =
    restored === ''
      ? 'an empty string'
      : restored.includes('%')
        ? 'a percent-encoded string'
        : 'other characters';
  return failCredential(operation, field, got);
}

function failCredential(operation: string, field: string, got: string): never {
  throw invalidArgument(
    operation,
    field,
    `the ${field} exactly as the platform issued it (1…1024 of A-Z a-z 0-9 + / = _ . -, decoded once)`,
    got,
  );
}

const stringField = (params: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const value = params[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};

/**
 * Create the login service.
 *
 * @example
 * ```ts
 * import { createSigner, createLoginService } from 'upsdk-kit/server';
 *
 * const signer = createSigner({ appId, secret, allowedOrigins: ['m.example.com'] });
 * const login = createLoginService({ tokens: signer, symmetricKey: process.env.UPSDK_SYMMETRIC_KEY });
 * const { openId, accessToken, scope } = await login.exchangeCode(code);
 * ```
 */
export function createLoginService(options: LoginServiceOptions): LoginService {
  const { tokens } = options;
  const key = options.symmetricKey === undefined ? undefined : parseSymmetricKey(options.symmetricKey);
  const timeout = options.timeout ?? 10_000;
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 120_000) {
    throw invalidArgument('createLoginService', 'timeout', 'an integer in 100…120000', String(timeout), 500);
  }
  const transport: OpenApiTransport = {
    fetch: options.fetch ?? globalThis.fetch,
    baseUrl: options.baseUrl ?? OPEN_PLATFORM_ORIGIN,
    timeout,
  };

  /** Call `api` with the current backendToken; on a rejected token, replace it and try once more. */
  async function withToken(
    api: OpenApiName,
    body: Readonly<Record<string, string>>,
    signal: AbortSignal | undefined,
  ): Promise<Readonly<Record<string, unknown>>> {
    const first = await tokens.backendToken();
    try {
      return await callOpenApi(
        transport,
        api,
        { appId: tokens.appId, backendToken: first.token, ...body },
        signal,
      );
    } catch (error) {
      if (!(error instanceof OpenApiError && TOKEN_REJECTED.has(error.code))) throw error;
      await tokens.invalidate(first.tokenId, 'backendToken');
      const second = await tokens.backendToken();
      return callOpenApi(
        transport,
        api,
        { appId: tokens.appId, backendToken: second.token, ...body },
        signal,
      );
    }
  }

  function decryptor(
    operation: string,
  ): (params: Readonly<Record<string, unknown>>, field: string) => string {
    if (!key) {
      throw new LoginError({
        code: 'invalid_param',
        msg: 'the `symmetricKey` option is needed to decrypt user information',
        plugin: operation,
        status: 500,
      });
    }
    return (params, field) => decrypt3des(stringField(params, field) ?? '', key, field);
  }

  const userBody = (operation: string, user: UserCredentials): Record<string, string> => ({
    accessToken: credential(operation, 'accessToken', user?.accessToken),
    openId: credential(operation, 'openId', user?.openId),
  });

  return {
    appId: tokens.appId,

    async exchangeCode(code, callOptions = {}) {
      const body = { code: credential('exchangeCode', 'code', code), grantType: 'authorization_code' };
      const params = await withToken('token', body, callOptions.signal);
      const openId = stringField(params, 'openId')?.trim();
      const accessToken = stringField(params, 'accessToken')?.trim();
      if (!openId || !accessToken) {
        throw new OpenApiError({
          code: 'upstream_bad_reply',
          msg: 'the reply lacks openId or accessToken',
          api: 'token',
        });
      }
      const expiresIn = Number(stringField(params, 'expiresIn'));
      const refreshToken = stringField(params, 'refreshToken')?.trim();
      return {
        openId,
        accessToken,
        // §4.3: "currently 3600 seconds"; used when the reply omits it.
        expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600,
        scope: stringField(params, 'scope')?.trim() ?? '',
        ...(refreshToken ? { refreshToken } : {}),
      };
    },

    async getMobile(user, callOptions = {}) {
      const decrypt = decryptor('getMobile');
      const params = await withToken('user.mobile', userBody('getMobile', user), callOptions.signal);
      return decrypt(params, 'mobile');
    },

    async getRealName(user, callOptions = {}) {
      const decrypt = decryptor('getRealName');
      const params = await withToken('user.auth', userBody('getRealName', user), callOptions.signal);
      return {
        realName: decrypt(params, 'realName'),
        certType: decrypt(params, 'certTp'),
        certId: decrypt(params, 'certId'),
      };
    },
  };
}
