/**
 * The payment parameters each wallet takes, and how they are read from what
 * the merchant's server hands the page: typed fields, or the aggregated
 * provider's `pay_info` JSON string as it comes (seed 002: `WECHAT_PreOrder`
 * / `ALIPAY_PreOrder` with `trade_type=JSPAY`). Checks fail through
 * validate.ts: an `invalid_param` error naming the operation being validated.
 */
import { fail, matching, oneOf, record, text } from '../plugins/validate.js';

/** What WeChat's `getBrandWCPayRequest` takes: the six fields of the prepay's re-signed answer. */
export interface WeChatPayParams {
  /** The official account's (or app's) AppId the prepay was made for. */
  readonly appId: string;
  /** Seconds (or, from the aggregator, milliseconds) since the epoch, as a string of digits. */
  readonly timeStamp: string;
  readonly nonceStr: string;
  /** `prepay_id=…`. */
  readonly package: string;
  /** How `paySign` was made: `MD5`, `HMAC-SHA256` or `RSA`. */
  readonly signType: WeChatSignType;
  readonly paySign: string;
}

/** Signature types WeChat accepts for `paySign`. */
export type WeChatSignType = 'MD5' | 'HMAC-SHA256' | 'RSA';

/** What Alipay's `tradePay` takes: the trade number of a created trade, or a signed order string. */
export type AlipayPayParams = { readonly tradeNO: string } | { readonly orderStr: string };

const SIGN_TYPES: readonly WeChatSignType[] = ['MD5', 'HMAC-SHA256', 'RSA'];

/** A JSON string parsed to an object, or the object itself. */
function objectFrom(field: string, value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'string') return record(field, value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return fail(field, 'a JSON object string (the provider’s pay_info)', value);
  }
  return record(field, parsed);
}

/** digits, also accepted as a number: WeChat wants the string, pages often hold a number. */
function digits(field: string, value: unknown): string {
  const asText = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return matching(field, asText, /^\d{1,13}$/, 'a timestamp of 1–13 digits');
}

/**
 * Read WeChat pay parameters from typed fields or from the provider's
 * `pay_info` string (extra keys such as `status` and `callback_url` are dropped).
 *
 * @throws `invalid_param` naming the first bad field (`wechat.package`, …).
 */
export function readWeChatParams(field: string, value: unknown): WeChatPayParams {
  const source = objectFrom(field, value);
  return {
    appId: text(`${field}.appId`, source.appId),
    timeStamp: digits(`${field}.timeStamp`, source.timeStamp),
    nonceStr: text(`${field}.nonceStr`, source.nonceStr),
    package: matching(`${field}.package`, source.package, /^prepay_id=\S+$/, 'a string "prepay_id=…"'),
    signType: oneOf(`${field}.signType`, source.signType, SIGN_TYPES),
    paySign: text(`${field}.paySign`, source.paySign),
  };
}

/**
 * Read Alipay pay parameters: `{tradeNO}` or `{orderStr}`, from typed fields
 * or the provider's `pay_info` string. `trade_no` is accepted for `tradeNO`
 * (the seed does not print the Alipay `pay_info`; see the README).
 *
 * @throws `invalid_param` when neither is a non-empty string, or both are given.
 */
export function readAlipayParams(field: string, value: unknown): AlipayPayParams {
  const source = objectFrom(field, value);
  const tradeNO = source.tradeNO ?? source.trade_no;
  const { orderStr } = source;
  if (tradeNO !== undefined && orderStr !== undefined) {
    return fail(field, 'either `tradeNO` or `orderStr`, not both', value);
  }
  if (orderStr !== undefined) return { orderStr: text(`${field}.orderStr`, orderStr) };
  return { tradeNO: text(`${field}.tradeNO`, tradeNO) };
}
