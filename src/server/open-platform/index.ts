/**
 * `upsdk-kit/server/open-platform`: the UnionPay open platform's backend
 * interfaces (§4.3, §5.2–§5.8), its notifications (§5.2.3, §5.3.2, §5.4.3)
 * and the web login built on them (code exchange, user info, mobile, real name).
 */
export { createLoginService } from '../login/service.js';
export type {
  BackendTokenSource,
  LoginServiceOptions,
  LoginService,
  LoginCallOptions,
  UserCredentials,
  CodeExchange,
  RealName,
  CertType,
} from '../login/service.js';
export { createLoginHandler } from '../login/handler.js';
export type { LoginHandlerOptions, LoginResult, DefaultLoginAnswer, ProfileField } from '../login/handler.js';
export { LoginError, OpenApiError, InvalidCodeError } from '../login/errors.js';
export type { LoginErrorInit, OpenApiErrorInit, OpenApiName } from '../login/errors.js';
export { decrypt3des } from '../login/triple-des.js';
export { verifyUpSignature, verifyUpNotification, upSignatureString } from '../login/verify.js';
export type { SignedParams } from '../login/verify.js';
export { LOGIN_API_PATHS, OPEN_PLATFORM_ORIGIN } from '../login/open-api.js';
// The open platform's backend interfaces (§4.3, §5.2–§5.8) and its notifications (§5.2.3, §5.3.2, §5.4.3).
export { createOpenPlatform } from './client.js';
export type { OpenPlatform, OpenPlatformOptions, OpenPlatformEvent } from './client.js';
export type * from './api-types.js';
export { OPEN_PLATFORM_CODES } from './codes.js';
export type { OpenPlatformCode } from './codes.js';
export { INTERFACES as OPEN_PLATFORM_INTERFACES } from './interfaces.js';
export type { InterfaceSpec, RequestField, ReplyField, ReplyKind } from './interfaces.js';
export { encrypt3des } from '../login/triple-des.js';
export { createNotificationHandler } from './notification-handler.js';
export type { NotificationHandlerOptions, NotificationEvent } from './notification-handler.js';
export type {
  PlatformNotification,
  NotificationKind,
  AuthorizationRevoked,
  PayPasswordVerified,
  ContractRelieved,
  UnknownNotification,
} from './notifications.js';
