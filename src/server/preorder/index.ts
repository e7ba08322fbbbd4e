/**
 * `upsdk-kit/server/preorder`: the aggregated pre-order provider — WeChat Pay
 * and Alipay orders paid inside Quick Pass, refunds, merchant operations and
 * the payment notification handler.
 */
export { createPreOrderClient } from './client.js';
export type {
  AlipayPreOrder,
  OrderQueryInput,
  PreOrder,
  PreOrderCallOptions,
  PreOrderClient,
  PreOrderClientOptions,
  WeChatPreOrder,
} from './client.js';
export type { AlipayPreOrderInput, GoodsLine, PreOrderCommon, WeChatPreOrderInput } from './orders.js';
export type { OrderState, OrderStatus } from './order-status.js';
export type { MerchantOperations } from './merchant-operations.js';
export type { NativePreOrder, NativePreOrderInput } from './native.js';
export type {
  OrderWallet,
  Refund,
  RefundEntry,
  RefundInput,
  RefundQuery,
  RefundQueryInput,
  RefundState,
} from './refunds.js';
export type { Code2SessionInput, MiniProgramSession } from './mini-program-session.js';
export { createPreOrderNotificationHandler } from './notification.js';
export type { PaymentNotification, PreOrderNotificationOptions } from './notification.js';
export { signPreOrderParams, verifyPreOrderParams } from './signature.js';
export type { PreOrderSignAlgorithm } from './signature.js';
export { PreOrderError } from './errors.js';
export type { PreOrderErrorInit } from './errors.js';
export { aggregatorSignString } from '../../shared/aggregator-signature.js';
export type { AggregatorParams } from '../../shared/aggregator-signature.js';
export type { ProviderAnswer } from './transport.js';
