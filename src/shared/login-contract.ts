/**
 * The login's contract between the page (upsdk-kit/login) and the server's
 * login handler (upsdk-kit/server/open-platform): the scopes (spec §4.1,
 * §4.3) and what the default login endpoint answers.
 */
/** Scopes of the in-app authorize page (§4.1): openId only, + mobile, + real name. */
export type InAppScope = 'upapi_base' | 'upapi_mobile' | 'upapi_auth';
/** Scopes of the out-of-app page (§4.3): `upapi_login` works like `upapi_base`, `upapi_user` like `upapi_auth`. */
export type OutOfAppScope = 'upapi_login' | 'upapi_user';
/** Every login scope, including `upapi_contract` (password-free payment signing, with a `planId`). */
export type LoginScope = InAppScope | 'upapi_contract' | OutOfAppScope;
/** Where the page runs: inside the UnionPay app, or elsewhere (e.g. a WeChat official account). */
export type LoginContext = 'in-app' | 'out-of-app';

/** Scopes each context accepts. */
export const LOGIN_SCOPES: Readonly<Record<LoginContext, readonly LoginScope[]>> = {
  'in-app': ['upapi_base', 'upapi_mobile', 'upapi_auth', 'upapi_contract'],
  'out-of-app': ['upapi_login', 'upapi_user'],
};

/** Scopes whose accessToken may read the mobile number (`user.mobile`, §5.2.1). */
export const MOBILE_SCOPES: readonly LoginScope[] = ['upapi_mobile', 'upapi_auth', 'upapi_user'];
/** Scopes whose accessToken may read the real name (`user.auth`, §5.2.2). */
export const REAL_NAME_SCOPES: readonly LoginScope[] = ['upapi_auth', 'upapi_user'];

/** What the default login endpoint answers (see `createLoginHandler`). */
export interface LoginSession {
  readonly openId: string;
  /** The scope the user granted. */
  readonly scope: string;
  /** Present when the endpoint was asked to fetch it and the scope allows. */
  readonly mobile?: string | undefined;
  readonly realName?: string | undefined;
  readonly certType?: string | undefined;
  readonly certId?: string | undefined;
}
