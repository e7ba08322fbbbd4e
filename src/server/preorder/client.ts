/**
 * `createPreOrderClient`: the aggregated provider's JSPAY flow (seed 002,
 * "预下单支付") — WeChat and Alipay pre-orders answering a typed `pay_info`
 * for `payInWallet`, and the order query — signed with the merchant key.
 */
import { readAlipayParams, readWeChatParams } from '../../shared/pay-info.js';
import type { AlipayPayParams, WeChatPayParams } from '../../shared/pay-info.js';
import { httpUrl, integerIn, matching, oneOf, optional, text } from '../../shared/validate.js';
import { withRetries } from '../shared/retry.js';
import { DEFAULT_MAX_REPLY_BYTES } from '../shared/transport.js';
import { PreOrderError } from './errors.js';
import {
  alipayFields,
  checked,
  weChatFields,
  type AlipayPreOrderInput,
  type WeChatPreOrderInput,
} from './orders.js';
import { readOrderStatus, type OrderStatus } from './order-status.js';
import { createMerchantOperations, type MerchantOperations } from './merchant-operations.js';
import type { PreOrderSignAlgorithm } from './signature.js';
import { providerRequest, type ProviderAnswer, type TransportSettings } from './transport.js';

/** Options of {@link createPreOrderClient}. */
export interface PreOrderClientOptions {
  /** The provider's origin (`https://{BaseURL}`). */
  readonly baseUrl: string;
  /** Your agent number (`agent_id`). */
  readonly agentId: string;
  /** Your merchant number at the provider (`mch_id`). */
  readonly mchId: string;
  /** The merchant key that signs requests and verifies answers. Never sent. */
  readonly key: string;
  /** Caller product name (`pid`). Default `"upsdk-kit"`. */
  readonly pid?: string | undefined;
  /** Caller version (`version`). Default `"1.0"`. */
  readonly version?: string | undefined;
  /** Signature digest. Default `MD5`. */
  readonly algorithm?: PreOrderSignAlgorithm | undefined;
  /** Default `notify_url` of pre-orders. */
  readonly notifyUrl?: string | undefined;
  /** Milliseconds per request, reading the answer included. Default 10 000. */
  readonly timeout?: number | undefined;
  /** Largest answer accepted, in bytes; a larger one is `upstream_too_large`. Default 1 MiB. */
  readonly maxReplyBytes?: number | undefined;
  /** Attempts of an order query when the failure may pass (timeouts, 5xx, provider network error). Default 3. */
  readonly queryAttempts?: number | undefined;
  /** Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
}

/** Per-request options. */
export interface PreOrderCallOptions {
  readonly signal?: AbortSignal | undefined;
}

/** What a pre-order answers, with `pay_info` parsed. */
export interface PreOrder<PayInfo> {
  /** Your order number, as the provider echoed it. */
  readonly outTradeNo: string;
  /** The parameters the page's wallet needs, checked. */
  readonly payInfo: PayInfo;
  /** `pay_info` as the provider sent it; hand it to `payInWallet` unchanged. */
  readonly payInfoText: string;
  /** The whole answer, every value a string. */
  readonly raw: ProviderAnswer;
}

/** A WeChat pre-order's answer. */
export type WeChatPreOrder = PreOrder<WeChatPayParams>;

/** An Alipay pre-order's answer; `payUrl` is the provider's reference cashier page. */
export interface AlipayPreOrder extends PreOrder<AlipayPayParams> {
  readonly payUrl: string | undefined;
}

/** Which order to query: yours (`outTradeNo`, preferred) or the provider's number. */
export interface OrderQueryInput {
  /** Which wallet the order was pre-ordered for (`paytype`). */
  readonly wallet: 'wechat' | 'alipay';
  /** Your order number; preferred when both are given. */
  readonly outTradeNo?: string | undefined;
  /** The provider's number (`transaction_id`). */
  readonly transactionId?: string | undefined;
}

/** The provider's API: JSPAY pre-orders and the order query, plus NATIVE, refunds and code2session. */
export interface PreOrderClient extends MerchantOperations {
  /**
   * Pre-order a WeChat JSAPI payment (`/Open/WECHAT_PreOrder`, `trade_type=JSPAY`).
   *
   * @throws {@link PreOrderError} (`invalid_param` before any request, provider refusals, transport failures).
   * @example
   * ```ts
   * const order = await provider.wechatPreOrder({ outTradeNo: 'A20261130001', body: 'Coffee', totalFee: 1200, subAppId, openId });
   * const answer = Response.json({ wechat: order.payInfoText }); // what the page hands WeixinJSBridge
   * ```
   */
  wechatPreOrder(input: WeChatPreOrderInput, options?: PreOrderCallOptions): Promise<WeChatPreOrder>;
  /**
   * Pre-order an Alipay payment (`/Open/ALIPAY_PreOrder`, `trade_type=JSPAY`).
   *
   * @example
   * ```ts
   * const order = await provider.alipayPreOrder({ outTradeNo, body: 'Coffee', totalFee: 1200, productId: 'coffee', buyerId });
   * ```
   */
  alipayPreOrder(input: AlipayPreOrderInput, options?: PreOrderCallOptions): Promise<AlipayPreOrder>;
  /**
   * Ask where an order stands (`method=orderquery`); retried on passing failures.
   *
   * @returns the typed status: `paid`, `pending`, `unpaid`, `closed`, `revoked`, `refunded` or `failed`.
   * @throws {@link PreOrderError} `not_found` for an unknown order, and the other codes.
   * @example
   * ```ts
   * const { status } = await provider.queryOrder({ wallet: 'wechat', outTradeNo });
   * ```
   */
  queryOrder(input: OrderQueryInput, options?: PreOrderCallOptions): Promise<OrderStatus>;
}

const PAYTYPES = { wechat: 'WECHAT', alipay: 'ALIPAY' } as const;

function settingsFrom(options: PreOrderClientOptions): TransportSettings {
  return checked('createPreOrderClient', () => ({
    baseUrl: httpUrl('baseUrl', options.baseUrl),
    agentId: text('agentId', options.agentId),
    mchId: text('mchId', options.mchId),
    key: text('key', options.key),
    pid: optional('pid', options.pid, text) ?? 'upsdk-kit',
    version: optional('version', options.version, text) ?? '1.0',
    algorithm: options.algorithm ?? 'MD5',
    timeout: optional('timeout', options.timeout, (f, v) => integerIn(f, v, 1, 600_000, 'ms')) ?? 10_000,
    maxReplyBytes:
      optional('maxReplyBytes', options.maxReplyBytes, (f, v) =>
        integerIn(f, v, 1024, 64 * 1024 * 1024, 'bytes'),
      ) ?? DEFAULT_MAX_REPLY_BYTES,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
  }));
}

const answerError = (operation: string, code: string, msg: string, answer: ProviderAnswer, cause?: unknown) =>
  new PreOrderError({
    code,
    msg,
    plugin: operation,
    raw: answer,
    state: answer.state,
    providerCode: answer.code,
    tradeState: answer.trade_state,
    cause,
  });

/** `pay_info` of a pre-order whose trade is SUCCESS, parsed; a missing or malformed one is a bad reply. */
function payInfoOf<T>(
  operation: string,
  answer: ProviderAnswer,
  read: (field: string, value: unknown) => T,
): { readonly payInfo: T; readonly payInfoText: string } {
  if (answer.trade_state !== undefined && answer.trade_state !== 'SUCCESS') {
    throw answerError(
      operation,
      'trade_failed',
      `trade_state ${answer.trade_state}: ${answer.msg ?? ''}`,
      answer,
    );
  }
  try {
    return {
      payInfo: checked(operation, () => read('pay_info', answer.pay_info)),
      payInfoText: answer.pay_info!,
    };
  } catch (error) {
    throw answerError(operation, 'upstream_bad_reply', (error as PreOrderError).msg, answer, error);
  }
}

/**
 * Create a client of the provider's JSPAY API.
 *
 * @throws {@link PreOrderError} `invalid_param` at once for a missing `baseUrl`, `agentId`, `mchId` or `key`.
 * @example
 * ```ts
 * const provider = createPreOrderClient({
 *   baseUrl: 'https://pay.example-provider.cn', agentId: '130000000000000000', mchId: '00000001',
 *   key: process.env.PROVIDER_KEY!, notifyUrl: 'https://shop.example.com/pay/notify',
 * });
 * ```
 */
export function createPreOrderClient(options: PreOrderClientOptions): PreOrderClient {
  const settings = settingsFrom(options);
  const attempts = options.queryAttempts ?? 3;
  const policy = { attempts, baseDelayMs: 200, maxDelayMs: 2000, random: Math.random };
  const notifyUrl = options.notifyUrl;

  return {
    ...createMerchantOperations(settings, notifyUrl, policy),
    async wechatPreOrder(input, call = {}) {
      const operation = 'WECHAT_PreOrder';
      const fields = weChatFields(input, notifyUrl);
      const answer = await providerRequest(settings, operation, '/Open/WECHAT_PreOrder', fields, call.signal);
      const outTradeNo = answer.out_trade_no ?? fields.out_trade_no!;
      return { outTradeNo, ...payInfoOf(operation, answer, readWeChatParams), raw: answer };
    },
    async alipayPreOrder(input, call = {}) {
      const operation = 'ALIPAY_PreOrder';
      const fields = alipayFields(input, notifyUrl);
      const answer = await providerRequest(settings, operation, '/Open/ALIPAY_PreOrder', fields, call.signal);
      const outTradeNo = answer.out_trade_no ?? fields.out_trade_no!;
      return {
        outTradeNo,
        ...payInfoOf(operation, answer, readAlipayParams),
        payUrl: answer.pay_url,
        raw: answer,
      };
    },
    async queryOrder(input, call = {}) {
      const operation = 'orderquery';
      const fields = checked(operation, () => {
        const outTradeNo = optional('outTradeNo', input.outTradeNo, (f, v) =>
          matching(f, v, /^\w{5,32}$/, '5–32 letters, digits or _'),
        );
        const transactionId = optional('transactionId', input.transactionId, text);
        if (outTradeNo === undefined && transactionId === undefined) text('outTradeNo', input.outTradeNo);
        return {
          method: 'orderquery',
          paytype: PAYTYPES[oneOf('wallet', input.wallet, ['wechat', 'alipay'] as const)],
          out_trade_no: outTradeNo,
          transaction_id: transactionId,
        };
      });
      const answer = await withRetries(
        () => providerRequest(settings, operation, '/UnifiedPay/Gateway', fields, call.signal),
        policy,
        (error) => error instanceof PreOrderError && error.retryable && !call.signal?.aborted,
      );
      return readOrderStatus(answer);
    },
  };
}
