/**
 * Refunds and refund queries (seed 002, "交易退款" / "退款查询", both
 * `POST /UnifiedPay/Gateway`): inputs in natural types turned into wire
 * fields, and the answers read into typed results. Amounts are integer fen.
 */
import { fail, matching, oneOf, optional, record, text } from '../../shared/validate.js';
import { PreOrderError } from './errors.js';
import { checked, fen, type WireFields } from './orders.js';
import { fenOf } from './order-status.js';
import type { ProviderAnswer } from './transport.js';

/** Which wallet an order was paid with (`paytype`). */
export type OrderWallet = 'wechat' | 'alipay';

/** Input of `refund`: the order by your number or the provider's, and the refund's own number. */
export interface RefundInput {
  readonly wallet: OrderWallet;
  /** Your order number; give it or `transactionId` (the provider prefers `transactionId`). */
  readonly outTradeNo?: string | undefined;
  /** The provider's order number (`transaction_id`). */
  readonly transactionId?: string | undefined;
  /**
   * Your refund number, at most 32 characters, unique in your system. The
   * provider refunds once per number: to retry a refund, send the same one.
   */
  readonly outRefundNo: string;
  /** The order's amount due (`total_fee`), in fen. */
  readonly totalFee: number;
  /** The amount to refund (`refund_fee`), in fen, at most `totalFee`. */
  readonly refundFee: number;
  /** Operator (`op_user_id`). Default the merchant number. */
  readonly operator?: string | undefined;
}

/** A refund the provider accepted. Amounts in fen. */
export interface Refund {
  readonly outTradeNo: string | undefined;
  readonly transactionId: string | undefined;
  readonly outRefundNo: string;
  /** The provider's refund number (`refund_id`). */
  readonly refundId: string;
  /** Asked for (`base_refund_fee`). */
  readonly baseRefundFee: number | undefined;
  /** Actually refunded (`refund_fee`). */
  readonly refundFee: number | undefined;
  /** Of which vouchers (`coupon_refund_fee`). */
  readonly couponRefundFee: number | undefined;
  readonly raw: ProviderAnswer;
}

/** Input of `queryRefund`: one refund by the provider's number or yours. */
export interface RefundQueryInput {
  readonly wallet: OrderWallet;
  /** Your refund number. */
  readonly outRefundNo?: string | undefined;
  /** The provider's refund number; preferred when both are given. */
  readonly refundId?: string | undefined;
}

/** Where a refund stands (`refund_status`, lower-cased). */
export type RefundState = 'success' | 'failed' | 'processing' | 'not_sure' | 'change';

/** One refund of an order. Amounts in fen. */
export interface RefundEntry {
  readonly refundId: string | undefined;
  readonly outRefundNo: string | undefined;
  /**
   * `success`; `failed`; `processing`; `not_sure` (send the refund again with
   * the same `outRefundNo`); `change` (the card was closed: the money went to
   * the merchant's account and must be refunded by hand).
   */
  readonly status: RefundState;
  readonly baseRefundFee: number | undefined;
  readonly refundFee: number | undefined;
  readonly couponRefundFee: number | undefined;
  /** As sent: the table says `yyyyMMddHHmmss`, the sample shows `2019-05-24 11:11:33`. */
  readonly refundTime: string | undefined;
}

/** What a refund query tells. */
export interface RefundQuery {
  readonly outTradeNo: string | undefined;
  readonly transactionId: string | undefined;
  /** Refunds of the order, in the order they were asked for. */
  readonly refunds: readonly RefundEntry[];
  /** Sum asked for (`base_refund_fee_summary`) and refunded (`refund_fee_summary`). */
  readonly baseRefundFeeSummary: number | undefined;
  readonly refundFeeSummary: number | undefined;
  readonly raw: ProviderAnswer;
}

const PAYTYPES = { wechat: 'WECHAT', alipay: 'ALIPAY' } as const;
const REFUND_STATES: Readonly<Record<string, RefundState>> = {
  SUCCESS: 'success',
  FAIL: 'failed',
  PROCESSING: 'processing',
  NOTSURE: 'not_sure',
  CHANGE: 'change',
};
const paytype = (value: unknown): string => PAYTYPES[oneOf('wallet', value, ['wechat', 'alipay'] as const)];
// "32个字符内、可包含字母"; the samples also use `-`.
const refundNo = (field: string, value: unknown): string =>
  matching(field, value, /^[\w-]{1,32}$/, '1–32 letters, digits, _ or -');

/** Wire fields of a refund. */
export function refundFields(input: RefundInput, mchId: string): WireFields {
  return checked('refund', () => {
    const given = record('input', input);
    const outTradeNo = optional('outTradeNo', given.outTradeNo, (f, v) =>
      matching(f, v, /^\w{5,32}$/, '5–32 letters, digits or _'),
    );
    const transactionId = optional('transactionId', given.transactionId, text);
    if (outTradeNo === undefined && transactionId === undefined) text('outTradeNo', given.outTradeNo);
    const totalFee = fen('totalFee', given.totalFee);
    const refundFee = fen('refundFee', given.refundFee);
    if (Number(refundFee) > Number(totalFee)) {
      fail('refundFee', `at most totalFee (${totalFee})`, given.refundFee);
    }
    return {
      method: 'refund',
      paytype: paytype(given.wallet),
      out_trade_no: outTradeNo,
      transaction_id: transactionId,
      out_refund_no: refundNo('outRefundNo', given.outRefundNo),
      total_fee: totalFee,
      refund_fee: refundFee,
      op_user_id: optional('operator', given.operator, text) ?? mchId,
    };
  });
}

const badReply = (operation: string, msg: string, answer: ProviderAnswer): PreOrderError =>
  new PreOrderError({ code: 'upstream_bad_reply', msg, plugin: operation, raw: answer, retryable: true });

/** Read an accepted refund; one without `refund_id` is a bad reply. */
export function readRefund(answer: ProviderAnswer, input: RefundInput): Refund {
  if (!answer.refund_id) throw badReply('refund', 'the answer has no refund_id', answer);
  return {
    outTradeNo: answer.out_trade_no,
    transactionId: answer.transaction_id,
    outRefundNo: answer.out_refund_no ?? input.outRefundNo,
    refundId: answer.refund_id,
    baseRefundFee: fenOf(answer.base_refund_fee),
    refundFee: fenOf(answer.refund_fee),
    couponRefundFee: fenOf(answer.coupon_refund_fee),
    raw: answer,
  };
}

/** Wire fields of a refund query. */
export function refundQueryFields(input: RefundQueryInput): WireFields {
  return checked('refundquery', () => {
    const given = record('input', input);
    const refundId = optional('refundId', given.refundId, text);
    const outRefundNo = optional('outRefundNo', given.outRefundNo, refundNo);
    if (refundId === undefined && outRefundNo === undefined) refundNo('outRefundNo', given.outRefundNo);
    return {
      method: 'refundquery',
      paytype: paytype(given.wallet),
      refund_id: refundId,
      out_refund_no: outRefundNo,
    };
  });
}

/** `refund_list`: a JSON string in the seed's sample; an array is taken as well. */
function refundList(answer: ProviderAnswer): unknown[] {
  try {
    const list: unknown = JSON.parse(answer.refund_list ?? '');
    if (Array.isArray(list)) return list;
  } catch {
    // reported below
  }
  throw badReply('refundquery', 'refund_list is not a JSON array', answer);
}

const textField = (entry: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const value = entry[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};

/** Read a refund query's answer. */
export function readRefundQuery(answer: ProviderAnswer): RefundQuery {
  const refunds = refundList(answer).map((item, index): RefundEntry => {
    const entry = checked('refundquery', () => record(`refund_list[${index}]`, item));
    const said = textField(entry, 'refund_status') ?? '';
    const status = REFUND_STATES[said];
    if (!status) throw badReply('refundquery', `unknown refund_status ${JSON.stringify(said)}`, answer);
    return {
      refundId: textField(entry, 'refund_id'),
      outRefundNo: textField(entry, 'out_refund_no'),
      status,
      baseRefundFee: fenOf(textField(entry, 'base_refund_fee')),
      refundFee: fenOf(textField(entry, 'refund_fee')),
      couponRefundFee: fenOf(textField(entry, 'coupon_refund_fee')),
      refundTime: textField(entry, 'refund_time'),
    };
  });
  return {
    outTradeNo: answer.out_trade_no,
    transactionId: answer.transaction_id,
    refunds,
    baseRefundFeeSummary: fenOf(answer.base_refund_fee_summary),
    refundFeeSummary: fenOf(answer.refund_fee_summary),
    raw: answer,
  };
}
