/** `upsdk-kit/login`: the browser side of UnionPay login (OAuth2, spec §4): authorize URL, callback, sign-in. */
export {
  buildAuthorizeUrl,
  AUTHORIZE_PAGES,
  LOGIN_SCOPES,
  MOBILE_SCOPES,
  REAL_NAME_SCOPES,
  OPEN_PLATFORM_URL,
} from './login/authorize-url.js';
export type {
  AuthorizeOptions,
  AuthorizeUrl,
  InAppScope,
  OutOfAppScope,
  LoginScope,
  LoginContext,
} from './login/authorize-url.js';
export { parseAuthorizeCallback, isAuthorizeCallback, stripCallback } from './login/callback.js';
export type { AuthorizeCallback, ParseCallbackOptions } from './login/callback.js';
export { UpsdkLoginError, USER_REFUSED } from './login/errors.js';
export type { UpsdkLoginErrorInit } from './login/errors.js';
export { signIn, startLogin, completeLogin, STATE_STORAGE_KEY } from './login/sign-in.js';
export { exchangeAtEndpoint } from './login/endpoint.js';
export type { LoginEndpointOptions, LoginSession } from './login/endpoint.js';
export type {
  SignInOptions,
  SignInOutcome,
  StartLoginOptions,
  CompleteLoginOptions,
  AppletAuthSource,
  BrowserHost,
} from './login/sign-in.js';
