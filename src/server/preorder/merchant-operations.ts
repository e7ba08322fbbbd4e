/**
 * The rest of what a merchant needs from the provider besides JSPAY
 * pre-orders (seed 002): NATIVE (QR) pre-orders, refunds, refund queries
 * and the mini-program login. Same transport, same signing; the client
 * (`createPreOrderClient`) spreads these methods into itself.
 */
import type { RetryPolicy } from '../shared/retry.js';
import type { PreOrderCallOptions } from './client.js';
import { withRetries } from '../shared/retry.js';
import { PreOrderError } from './errors.js';
import {
  code2SessionFields,
  readSession,
  type Code2SessionInput,
  type MiniProgramSession,
} from './mini-program-session.js';
import { nativeFields, readNativePreOrder, type NativePreOrder, type NativePreOrderInput } from './native.js';
import {
  readRefund,
  readRefundQuery,
  refundFields,
  refundQueryFields,
  type Refund,
  type RefundInput,
  type RefundQuery,
  type RefundQueryInput,
} from './refunds.js';
import { providerRequest, type TransportSettings } from './transport.js';

// Type-only: the client imports this module's values, this module only the client's option type.
type CallOptions = PreOrderCallOptions;

/** NATIVE pre-orders, refunds and the mini-program login. */
export interface MerchantOperations {
  /**
   * Pre-order a QR-code payment (`trade_type=NATIVE`) for a desktop checkout:
   * show `codeUrl` as a QR code; the result comes as a notification (or query).
   *
   * @throws {@link PreOrderError} as the JSPAY pre-orders (never retried).
   * @example
   * ```ts
   * const { codeUrl } = await provider.nativePreOrder({ wallet: 'wechat', outTradeNo, body: 'Coffee', totalFee: 1200, productId: 'coffee' });
   * ```
   */
  nativePreOrder(input: NativePreOrderInput, options?: CallOptions): Promise<NativePreOrder>;
  /**
   * Refund (part of) a paid order (`method=refund`). Retried on passing
   * failures: the provider refunds once per `outRefundNo`, so a repeat is safe.
   *
   * @throws {@link PreOrderError} `invalid_param` (e.g. `refundFee` above `totalFee`), `refund_refused` (20008), …
   * @example
   * ```ts
   * const { refundId } = await provider.refund({ wallet: 'wechat', outTradeNo, outRefundNo: `${outTradeNo}-R1`, totalFee: 1200, refundFee: 200 });
   * ```
   */
  refund(input: RefundInput, options?: CallOptions): Promise<Refund>;
  /**
   * Where a refund stands (`method=refundquery`), with the order's other refunds; retried on passing failures.
   *
   * @example
   * ```ts
   * const { refunds } = await provider.queryRefund({ wallet: 'wechat', outRefundNo });
   * if (refunds.some((r) => r.status === 'not_sure')) await provider.refund(sameRefundAgain);
   * ```
   */
  queryRefund(input: RefundQueryInput, options?: CallOptions): Promise<RefundQuery>;
  /**
   * Turn a mini-program's `wx.login()` code into the buyer's openid
   * (`/Open/WXA_Code2Session`), for `wechatPreOrder({ miniProgram: true, openId })`.
   *
   * @example
   * ```ts
   * const { openId } = await provider.code2Session({ appId: 'wx4da448cd29920000', jsCode });
   * ```
   */
  code2Session(input: Code2SessionInput, options?: CallOptions): Promise<MiniProgramSession>;
}

/** The operations over `settings`; queries and refunds retried per `policy`. */
export function createMerchantOperations(
  settings: TransportSettings,
  notifyUrl: string | undefined,
  policy: RetryPolicy,
): MerchantOperations {
  const retried = <T>(call: CallOptions, attempt: () => Promise<T>): Promise<T> =>
    withRetries(
      attempt,
      policy,
      (error) => error instanceof PreOrderError && error.retryable && !call.signal?.aborted,
    );
  const gateway = '/UnifiedPay/Gateway';
  return {
    async nativePreOrder(input, call = {}) {
      const { path, operation, fields } = nativeFields(input, notifyUrl);
      const answer = await providerRequest(settings, operation, path, fields, call.signal);
      return readNativePreOrder(operation, answer, fields.out_trade_no!);
    },
    async refund(input, call = {}) {
      const fields = refundFields(input, settings.mchId);
      const answer = await retried(call, () =>
        providerRequest(settings, 'refund', gateway, fields, call.signal),
      );
      return readRefund(answer, input);
    },
    async queryRefund(input, call = {}) {
      const fields = refundQueryFields(input);
      const answer = await retried(call, () =>
        providerRequest(settings, 'refundquery', gateway, fields, call.signal),
      );
      return readRefundQuery(answer);
    },
    async code2Session(input, call = {}) {
      const fields = code2SessionFields(input);
      const answer = await providerRequest(
        settings,
        'WXA_Code2Session',
        '/Open/WXA_Code2Session',
        fields,
        call.signal,
      );
      return readSession(answer);
    },
  };
}
