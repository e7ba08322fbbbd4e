/**
 * NATIVE (QR code) pre-orders for a desktop checkout (seed 002, "微信预下单"
 * / "支付宝预下单" with `trade_type=NATIVE`): the buyer scans `code_url`
 * with the wallet; the result arrives as the same notification as JSPAY's.
 */
import { optional, text } from '../../shared/validate.js';
import { PreOrderError } from './errors.js';
import { checked, common, type PreOrderCommon, type WireFields } from './orders.js';
import type { ProviderAnswer } from './transport.js';

/** Input of `nativePreOrder`. */
export interface NativePreOrderInput extends PreOrderCommon {
  /** Which wallet's QR code. */
  readonly wallet: 'wechat' | 'alipay';
  /** Your product id in the QR code (`product_id`); WeChat requires it with NATIVE. */
  readonly productId?: string | undefined;
}

/** A NATIVE pre-order's answer. */
export interface NativePreOrder {
  readonly outTradeNo: string;
  /** What to encode in the QR code (`code_url`). */
  readonly codeUrl: string;
  /** The provider's rendering of that QR code as an image URL (`code_img_url`), when given. */
  readonly codeImgUrl: string | undefined;
  readonly raw: ProviderAnswer;
}

/** The path and wire fields of a NATIVE pre-order. */
export function nativeFields(
  input: NativePreOrderInput,
  defaultNotifyUrl?: string,
): { readonly path: string; readonly operation: string; readonly fields: WireFields } {
  const wechat = input.wallet === 'wechat';
  const operation = wechat ? 'WECHAT_PreOrder' : 'ALIPAY_PreOrder';
  const fields = checked(operation, () => {
    if (input.wallet !== 'wechat' && input.wallet !== 'alipay') text('wallet', undefined);
    return {
      ...common(input, defaultNotifyUrl),
      trade_type: 'NATIVE',
      product_id: wechat ? text('productId', input.productId) : optional('productId', input.productId, text),
    };
  });
  return { path: `/Open/${operation}`, operation, fields };
}

/** Read the answer: a trade that is not SUCCESS, or one without `code_url`, is an error. */
export function readNativePreOrder(
  operation: string,
  answer: ProviderAnswer,
  outTradeNo: string,
): NativePreOrder {
  const failure = (code: string, msg: string, retryable = false): PreOrderError =>
    new PreOrderError({
      code,
      msg,
      plugin: operation,
      raw: answer,
      tradeState: answer.trade_state,
      retryable,
    });
  if (answer.trade_state !== undefined && answer.trade_state !== 'SUCCESS') {
    throw failure('trade_failed', `trade_state ${answer.trade_state}: ${answer.msg ?? ''}`);
  }
  if (!answer.code_url) throw failure('upstream_bad_reply', 'the answer has no code_url', true);
  return {
    outTradeNo: answer.out_trade_no ?? outTradeNo,
    codeUrl: answer.code_url,
    codeImgUrl: answer.code_img_url || undefined,
    raw: answer,
  };
}
