export { createSigner } from './signer.js';
export type { Signer, SignatureResult, SignReport, IssuedToken } from './signer.js';
export type { SignerOptions } from './options.js';
export { createSignatureHandler } from './handler.js';
export type { SignatureHandlerOptions, CorsOptions } from './handler.js';
export { toNodeHandler } from './node-handler.js';
export { createNodeServer } from './node-server.js';
export type { NodeServerOptions, NodeRoutes } from './node-server.js';
export {
  createUploadSink,
  type UploadSink,
  type UploadSinkOptions,
  type UploadState,
} from './upload-sink.js';
export type { FetchHandler, NodeHandler, NodeHandlerOptions } from './node-handler.js';
export { createMemoryStore } from './memory-store.js';
export type { MemoryStoreOptions } from './memory-store.js';
export { createRedisStore } from './redis-store.js';
export type { RedisClientLike, RedisScriptArguments, RedisStoreOptions } from './redis-store.js';
export type { SignerStore, TokenRecord, InvalidateOutcome } from './store.js';
export { SignerError, UpstreamError } from './errors.js';
export type { SignerErrorInit, UpstreamErrorInit } from './errors.js';
export type { SignerEvent, SignerLogger } from './events.js';
export type { ProblemDetails } from './problem.js';
export { OPEN_PLATFORM_URL, TOKEN_PATHS } from './upstream.js';
export type { TokenKind } from './upstream.js';
export {
  canonicalString,
  configSignature,
  tokenRequestSignature,
  signableUrl,
  createNonce,
  unixTimestamp,
} from '../shared/signature.js';
export type { ConfigSignatureFactors, TokenRequestFactors } from '../shared/signature.js';
export { createLoginService } from './login/service.js';
export type {
  BackendTokenSource,
  LoginServiceOptions,
  LoginService,
  LoginCallOptions,
  UserCredentials,
  CodeExchange,
  RealName,
  CertType,
} from './login/service.js';
export { createLoginHandler } from './login/handler.js';
export type { LoginHandlerOptions, LoginResult, DefaultLoginAnswer, ProfileField } from './login/handler.js';
export { LoginError, OpenApiError, InvalidCodeError } from './login/errors.js';
export type { LoginErrorInit, OpenApiErrorInit, OpenApiName } from './login/errors.js';
export { decrypt3des } from './login/triple-des.js';
export { verifyUpSignature, verifyUpNotification, upSignatureString } from './login/verify.js';
export type { SignedParams } from './login/verify.js';
export { LOGIN_API_PATHS, OPEN_PLATFORM_ORIGIN } from './login/open-api.js';
export { createPreOrderClient } from './preorder/client.js';
export type {
  AlipayPreOrder,
  OrderQueryInput,
  PreOrder,
  PreOrderCallOptions,
  PreOrderClient,
  PreOrderClientOptions,
  WeChatPreOrder,
} from './preorder/client.js';
export type {
  AlipayPreOrderInput,
  GoodsLine,
  PreOrderCommon,
  WeChatPreOrderInput,
} from './preorder/orders.js';
export type { OrderState, OrderStatus } from './preorder/order-status.js';
export type { MerchantOperations } from './preorder/merchant-operations.js';
export type { NativePreOrder, NativePreOrderInput } from './preorder/native.js';
export type {
  OrderWallet,
  Refund,
  RefundEntry,
  RefundInput,
  RefundQuery,
  RefundQueryInput,
  RefundState,
} from './preorder/refunds.js';
export type { Code2SessionInput, MiniProgramSession } from './preorder/mini-program-session.js';
export { createPreOrderNotificationHandler } from './preorder/notification.js';
export type { PaymentNotification, PreOrderNotificationOptions } from './preorder/notification.js';
export { signPreOrderParams, verifyPreOrderParams } from './preorder/signature.js';
export type { PreOrderSignAlgorithm } from './preorder/signature.js';
export { PreOrderError } from './preorder/errors.js';
export type { PreOrderErrorInit } from './preorder/errors.js';
export { aggregatorSignString } from '../shared/aggregator-signature.js';
export type { AggregatorParams } from '../shared/aggregator-signature.js';
export type { ProviderAnswer } from './preorder/transport.js';
// The open platform's backend interfaces (§4.3, §5.2–§5.8) and its notifications (§5.2.3, §5.3.2, §5.4.3).
export { createOpenPlatform } from './open-platform/client.js';
export type { OpenPlatform, OpenPlatformOptions, OpenPlatformEvent } from './open-platform/client.js';
export type * from './open-platform/api-types.js';
export { OPEN_PLATFORM_CODES } from './open-platform/codes.js';
export type { OpenPlatformCode } from './open-platform/codes.js';
export { INTERFACES as OPEN_PLATFORM_INTERFACES } from './open-platform/interfaces.js';
export type { InterfaceSpec, RequestField, ReplyField, ReplyKind } from './open-platform/interfaces.js';
export { encrypt3des } from './login/triple-des.js';
export { createNotificationHandler } from './open-platform/notification-handler.js';
export type { NotificationHandlerOptions, NotificationEvent } from './open-platform/notification-handler.js';
export type {
  PlatformNotification,
  NotificationKind,
  AuthorizationRevoked,
  PayPasswordVerified,
  ContractRelieved,
  UnknownNotification,
} from './open-platform/notifications.js';
