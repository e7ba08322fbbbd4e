/**
 * The fake pre-order gateway's public shapes: its options, the orders it
 * holds and its controls (the handler itself is preorder-gateway.ts).
 */
import type { Delivery, NotificationAttempt } from './gateway-notifier.js';
import type { FormDecoding, GatewayFault, PayType, TradeType } from './gateway-orders.js';
import type { GatewayRefund, GatewayRefundStatus } from './gateway-refunds.js';
/** Options of {@link createFakePreOrderGateway}. */
export interface FakePreOrderGatewayOptions {
  /** Known merchants, mch_id → key. Default one: {@link SIMULATED_MCH_ID}. */
  readonly merchants?: Readonly<Record<string, string>> | undefined;
  /** The agent requests must name. Default {@link SIMULATED_AGENT_ID}. */
  readonly agentId?: string | undefined;
  /** Pauses before each notification attempt, in ms. Default the seed's (0, 15 s, 15 s, 30 s, …). */
  readonly notifySchedule?: readonly number[] | undefined;
  /** Milliseconds to wait for the merchant's answer. Default 3000, as the seed. */
  readonly answerTimeout?: number | undefined;
  /** How notifications are sent. Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /**
   * The unit of `timeStamp` in WeChat's `pay_info`. Default `seconds`, as
   * WeChat's JSAPI document requires ("该处必需传秒级时间戳"); seed 002's
   * sample shows milliseconds (`1511947589427`).
   */
  readonly weChatTimeStamp?: 'seconds' | 'milliseconds' | undefined;
  /**
   * What Alipay's `pay_info` JSON carries: `{"tradeNO": …}` (what the H5
   * `tradePay` takes) or `{"orderStr": …}` (the app/mini-program form). The
   * seed prints no Alipay `pay_info`; default `tradeNO` (a guess).
   */
  readonly alipayPayInfo?: 'tradeNO' | 'orderStr' | undefined;
  /** How request bodies are decoded: `+` as a space (`form`, default) or as a plus (`percent-only`). */
  readonly formDecoding?: FormDecoding | undefined;
}

/** An order the fake holds. */
export interface GatewayOrder {
  readonly paytype: PayType;
  readonly tradeType: TradeType;
  readonly mchId: string;
  readonly outTradeNo: string;
  readonly totalFee: number;
  readonly notifyUrl: string | undefined;
  readonly transactionId: string;
  readonly payInfo: string;
  /** Fields as requested, for a repeat with the same ones. */
  readonly request: Readonly<Record<string, string>>;
  status: 'unpaid' | 'paid' | 'failed';
  timeEnd: string | undefined;
}

/** A running fake gateway. */
export interface FakePreOrderGateway {
  /** Handle one HTTP request. */
  handle(request: Request): Promise<Response>;
  /** A `fetch` answering from this gateway whatever the host. */
  readonly fetch: typeof fetch;
  /** The order with `outTradeNo`, if any. */
  order(outTradeNo: string): GatewayOrder | undefined;
  /** Every notification attempt, oldest first. */
  readonly notifications: readonly NotificationAttempt[];
  /** How many requests arrived per path, rejected ones included. */
  readonly requests: Readonly<Record<string, number>>;
  /**
   * The buyer paid (or failed to): the order changes and its notification is
   * delivered on the schedule. Resolves when the merchant answered `success` or the schedule ran out.
   */
  settle(outTradeNo: string, outcome?: 'paid' | 'failed'): Promise<Delivery>;
  /** Send a settled order's notification once more, as the provider's repeats do. */
  renotify(outTradeNo: string): Promise<NotificationAttempt>;
  /** Make the next `times` requests meet `fault`. */
  fault(fault: GatewayFault, times?: number): void;
  /** Refunds made, oldest first. */
  readonly refunds: readonly GatewayRefund[];
  /** Change a refund's `refund_status` (the bank refused: `FAIL`; a closed card: `CHANGE`; …). */
  setRefundStatus(outRefundNo: string, status: GatewayRefundStatus): void;
  /** A code as the mini-program's `wx.login()` would get it, for `WXA_Code2Session`. */
  issueJsCode(appId: string, openId?: string): { readonly jsCode: string; readonly openId: string };
  /** Stop pending notification retries. */
  close(): void;
}
