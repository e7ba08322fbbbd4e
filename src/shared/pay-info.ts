/**
 * The payment parameters each wallet takes, and how they are read from what
 * the merchant's server hands the page: typed fields, or the aggregated
 * provider's `pay_info` JSON string as it comes (seed 002: `WECHAT_PreOrder`
 * / `ALIPAY_PreOrder` with `trade_type=JSPAY`). Checks fail through
 * validate.ts: an `invalid_param` error naming the operation being validated.
 */
import { fail, matching, oneOf, record, text } from './validate.js';

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

/** A JSON string parsed to an object, or the object itself. */
function objectFrom(field: string, value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'string') return record(field, value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return fail(field, 'a JSON object string (pay_info)', value);
  }
  return record(field, parsed);
}

/** Each WeChat field and its check, in the order they are checked (and sent). */
const WECHAT_FIELDS: { readonly [K in keyof WeChatPayParams]: (field: string, value: unknown) => string } = {
  appId: text,
  // Digits, also accepted as a number: WeChat wants the string, pages often hold a number.
  timeStamp: (field, value) =>
    matching(
      field,
      typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value,
      /^\d{1,13}$/,
      'a timestamp of 1–13 digits',
    ),
  nonceStr: text,
  package: (field, value) => matching(field, value, /^prepay_id=\S+$/, 'a string "prepay_id=…"'),
  signType: (field, value) => oneOf<WeChatSignType>(field, value, ['MD5', 'HMAC-SHA256', 'RSA']),
  paySign: text,
};

/**
 * Read WeChat pay parameters from typed fields or from the provider's
 * `pay_info` string (extra keys such as `status` and `callback_url` are dropped).
 *
 * @throws `invalid_param` naming the first bad field (`wechat.package`, …).
 */
export function readWeChatParams(field: string, value: unknown): WeChatPayParams {
  const source = objectFrom(field, value);
  const params: Record<string, string> = {};
  for (const [key, read] of Object.entries(WECHAT_FIELDS)) params[key] = read(`${field}.${key}`, source[key]);
  return params as unknown as WeChatPayParams;
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
