/**
 * The user-login part of the fake open platform: the authorize pages
 * (spec §4.1, §4.3), `token` (code → openId + accessToken), `user.mobile`
 * and `user.auth` (§5.2.1–§5.2.2) with every user field 3DES-encrypted
 * under the app's `symmetricKey` (§2.4.2). `createFakeOpenPlatform` routes
 * these paths here; the backendToken checks use its token state.
 *
 * Codes and openIds are base64-like and contain `+` and `/` on purpose, so
 * every flow through the fake meets the `+` → space trap of FAQ 13.
 */
import { sha256 } from '../shared/sha256.js';
import { encodeBase64 } from '../streams/base64.js';
import { createNonce } from '../shared/signature.js';
import { encrypt3des } from './triple-des.js';
import { authenticate as authenticateWith, reply, type PlatformState } from './open-platform-wire.js';
import {
  grantsMobile,
  grantsRealName,
  readAuthorizeRequest,
  refusalParams,
  type GrantedScope,
} from './authorize-page.js';

/** The symmetricKey (48 hex digits) the fake platform encrypts with by default. */
export const SIMULATED_SYMMETRIC_KEY = '0123456789abcdeffedcba987654321089abcdef01234567';

/** A user of the fake platform. Leave `mobile` out to simulate N62136 (the user has no mobile number). */
export interface SimulatedUser {
  /** Your handle for the user; the platform derives a per-app openId from it. */
  readonly id: string;
  readonly mobile?: string | undefined;
  readonly realName?: string | undefined;
  /** 01 ID card, 03 passport, 04 home-return permit, 05 Taiwan compatriot permit. */
  readonly certType?: string | undefined;
  readonly certId?: string | undefined;
}

/** The user who signs in unless told otherwise. */
export const SIMULATED_USER: SimulatedUser = {
  id: 'simulated-user',
  mobile: '13800138000',
  realName: '张三',
  certType: '01',
  certId: '11010119900307123X',
};

/**
 * Codes the simulator's `appletAuth` hands out start with this; the fake
 * platform accepts each such code once, for its first user, scope
 * `upapi_base` — so a mini-program flow works across a browser simulator
 * and a server-side fake platform without shared state.
 */
export const APPLET_CODE_PREFIX = 'applet+';

/** A fresh `appletAuth` code the fake platform will accept once. */
export const simulatedAppletCode = (): string => `${APPLET_CODE_PREFIX}${createNonce(16)}`;

/** The user interfaces of the fake platform. */
export type UserApi = 'token' | 'user.mobile' | 'user.auth';

/** Options for the user-login part of `createFakeOpenPlatform`. */
export interface FakeUserPlatformOptions {
  /** Key user fields are encrypted with. Default {@link SIMULATED_SYMMETRIC_KEY}. */
  readonly symmetricKey?: string | undefined;
  /** Known users; the first one signs in on the authorize pages. Default `[SIMULATED_USER]`. */
  readonly users?: readonly SimulatedUser[] | undefined;
  /** Seconds a code stays valid (FAQ 6: five minutes). Default 300. */
  readonly codeLifetime?: number | undefined;
  /** Seconds an accessToken stays valid (§4.3). Default 3600. */
  readonly accessTokenLifetime?: number | undefined;
}

/** Controls of the user-login part, available on the fake platform. */
export interface FakeUserPlatform {
  /**
   * Mint a code as the authorize page does after the user consented.
   *
   * @example
   * ```ts
   * const fake = createFakeOpenPlatform();
   * const code = fake.issueCode({ scope: 'upapi_mobile' });
   * ```
   */
  issueCode(options?: {
    readonly scope?: GrantedScope | undefined;
    readonly userId?: string | undefined;
    readonly appId?: string | undefined;
  }): string;
  /** Whether users consent on the authorize pages (default true); refusal answers `user0001` (FAQ 24). */
  setConsent(consent: boolean): void;
  /** The openId the platform gives a user under an appId. */
  openIdOf(userId?: string, appId?: string): string;
  /** How many requests each user interface received. */
  readonly userRequests: Readonly<Record<UserApi, number>>;
}

export type { PlatformState } from './open-platform-wire.js';

interface Grant {
  readonly appId: string;
  readonly userId: string;
  readonly scope: GrantedScope;
  readonly expiresAt: number;
}

const API_PATHS: Readonly<Record<string, UserApi>> = {
  '/open/access/1.0/token': 'token',
  '/open/access/1.0/user.mobile': 'user.mobile',
  '/open/access/1.0/user.auth': 'user.auth',
};
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
// Base64-like like the real ones, with a '+' and a '/' always in.
const mintCode = (): string => `${createNonce(7)}+${createNonce(8)}`;
const mintAccessToken = (): string => `${createNonce(30)}+${createNonce(30)}/${createNonce(10)}`;

/** The user-login endpoints of a fake platform. */
export function createUserEndpoints(options: FakeUserPlatformOptions, platform: PlatformState) {
  const key = options.symmetricKey ?? SIMULATED_SYMMETRIC_KEY;
  const users = options.users ?? [SIMULATED_USER];
  const codeLifetime = (options.codeLifetime ?? 300) * 1000;
  const tokenLifetime = options.accessTokenLifetime ?? 3600;
  const codes = new Map<string, Grant>();
  const usedAppletCodes = new Set<string>();
  const accessTokens = new Map<string, Grant>();
  const userRequests: Record<UserApi, number> = { token: 0, 'user.mobile': 0, 'user.auth': 0 };
  let consent = true;

  const openIdOf = (userId = users[0]!.id, appId = platform.defaultApp): string => {
    const a = sha256(bytesOf(`${appId}:${userId}`));
    const b = sha256(bytesOf(`${userId}:${appId}`));
    return encodeBase64(new Uint8Array([...a, ...b]).subarray(0, 48));
  };

  function issueCode(grant: { scope?: GrantedScope; userId?: string; appId?: string } = {}): string {
    const code = mintCode();
    codes.set(code, {
      appId: grant.appId ?? platform.defaultApp,
      userId: grant.userId ?? users[0]!.id,
      scope: grant.scope ?? 'upapi_base',
      expiresAt: platform.clock() + codeLifetime,
    });
    return code;
  }

  /** The grant behind `code`, consumed: a code works once. */
  function redeem(code: string, appId: string): Grant | undefined {
    if (code.startsWith(APPLET_CODE_PREFIX) && !usedAppletCodes.has(code)) {
      usedAppletCodes.add(code);
      return { appId, userId: users[0]!.id, scope: 'upapi_base', expiresAt: Infinity };
    }
    const grant = codes.get(code);
    codes.delete(code);
    return grant && grant.appId === appId && grant.expiresAt > platform.clock() ? grant : undefined;
  }

  const authenticate = <K extends string>(
    body: Record<string, unknown>,
    names: Readonly<Record<K, string>>,
  ) => authenticateWith(platform, body, names);

  function exchange(body: Record<string, unknown>): Response {
    const fields = authenticate(body, { code: 'N62112', grantType: 'N62106' });
    if (fields instanceof Response) return fields;
    const { appId, code, grantType } = fields;
    if (grantType !== 'authorization_code') return reply('N62106', 'grantType应为固定值authorization_code');
    const grant = redeem(code, appId);
    if (!grant) return reply('a31', '不合法的授权code，或已过期');
    const accessToken = mintAccessToken();
    accessTokens.set(accessToken, { ...grant, expiresAt: platform.clock() + tokenLifetime * 1000 });
    return reply('00', '', {
      accessToken,
      expiresIn: String(tokenLifetime),
      refreshToken: createNonce(16),
      openId: openIdOf(grant.userId, appId),
      scope: grant.scope,
    });
  }

  function userInfo(api: 'user.mobile' | 'user.auth', body: Record<string, unknown>): Response {
    const fields = authenticate(body, { accessToken: 'N62109', openId: 'N62110' });
    if (fields instanceof Response) return fields;
    const { appId, accessToken, openId } = fields;
    const grant = accessTokens.get(accessToken);
    if (
      !grant ||
      grant.appId !== appId ||
      grant.expiresAt <= platform.clock() ||
      openIdOf(grant.userId, appId) !== openId
    ) {
      // The spec documents no code for this; the fake's own code says so.
      return reply('simulated_invalid_access_token', "accessToken invalid, expired or not this openId's");
    }
    const user = users.find((candidate) => candidate.id === grant.userId)!;
    const allowed = api === 'user.mobile' ? grantsMobile(grant.scope) : grantsRealName(grant.scope);
    if (!allowed) return reply('N62131', '无权限访问此接口');
    if (api === 'user.mobile') {
      return user.mobile
        ? reply('00', '', { mobile: encrypt3des(user.mobile, key) })
        : reply('N62136', '用户没有手机号');
    }
    return reply('00', '', {
      certId: encrypt3des(user.certId ?? '', key),
      certTp: encrypt3des(user.certType ?? '', key),
      realName: encrypt3des(user.realName ?? '', key),
    });
  }

  function authorize(url: URL): Response {
    const request = readAuthorizeRequest(url, platform.apps);
    if ('error' in request) {
      return new Response(`<!doctype html><title>授权失败</title><p>${request.error}</p>`, {
        status: 400,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    }
    const params = request.prompts && !consent ? refusalParams(request.state) : undefined;
    const query =
      params ??
      `code=${encodeURIComponent(issueCode({ scope: request.scope, appId: request.appId }))}` +
        (request.state ? `&state=${request.state}` : '');
    const separator = request.redirectUri.includes('?') ? '&' : '?';
    return new Response(null, {
      status: 302,
      headers: { location: `${request.redirectUri}${separator}${query}` },
    });
  }

  return {
    /** Whether `request` is for this part. */
    handles: (request: Request): boolean => {
      const { pathname } = new URL(request.url);
      return pathname in API_PATHS || (request.method === 'GET' && pathname.startsWith('/s/open/'));
    },
    async handle(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const api = API_PATHS[url.pathname];
      if (!api) return authorize(url);
      if (request.method !== 'POST') return reply('405', 'POST only');
      userRequests[api] += 1;
      const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
      return api === 'token' ? exchange(body ?? {}) : userInfo(api, body ?? {});
    },
    controls: {
      issueCode,
      setConsent: (value: boolean) => void (consent = value),
      openIdOf,
      userRequests,
    } satisfies FakeUserPlatform,
  };
}
