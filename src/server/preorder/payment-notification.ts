/**
 * What a verified pre-order notification says (seed 002, "预下单结果通知"):
 * only `state`, `result_code` and `sign` are guaranteed; the payment group
 * (`mch_id`, `pay_result`, `out_trade_no`, `total_fee`, `time_end`, …) comes
 * when the payment went through. A message is "paid" only when it says so
 * and carries that whole group, so an amount and an order are always there
 * to check; a minimal failure message is still an event (and acknowledged).
 */
import { fenOf } from './order-status.js';

/** One payment result, as the provider notified it. Amounts in fen. */
export interface PaymentNotification {
  /** `state` and `result_code` are SUCCESS and `pay_result` is 0 (the order, amount and time are then present). */
  readonly paid: boolean;
  /** From `trade_type` (`pay.weixin.jspay`, `pay.alipay.jspay`, …). */
  readonly wallet: 'wechat' | 'alipay' | undefined;
  /** `state` as sent (communication status). */
  readonly state: string | undefined;
  /** `result_code` as sent (SUCCESS, or the failure). */
  readonly resultCode: string | undefined;
  /** Absent in a minimal failure notification. */
  readonly mchId: string | undefined;
  /** Your order number: check it is yours. Absent in a minimal failure notification. */
  readonly outTradeNo: string | undefined;
  /** Paid amount: check it is the order's, as the seed insists (fake notifications exist). */
  readonly totalFee: number | undefined;
  readonly transactionId: string | undefined;
  readonly outTransactionId: string | undefined;
  /** `yyyyMMddHHmmss`, GMT+8. */
  readonly timeEnd: string | undefined;
  readonly tradeType: string | undefined;
  /** Every signed field as notified, and `sign`. */
  readonly raw: Readonly<Record<string, string>>;
}

/** `yyyyMMddHHmmss` in GMT+8 as ms since the epoch, or undefined when it is not a real time. */
export function beijingMs(text: string): number | undefined {
  const parts = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour - 8, minute, second);
  // Date.UTC rolls 20191332 over into the next year: a real time reads back the same.
  const back = new Date(ms + 8 * 3600_000);
  return back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
    ? ms
    : undefined;
}

/**
 * The event of verified `fields` and when the payment completed, or `undefined`
 * when they contradict the seed (a paid message without its order, amount or time;
 * an amount or time that is not one).
 */
export function readPayment(
  fields: Readonly<Record<string, string>>,
  sign: string,
): { readonly event: PaymentNotification; readonly issuedAtMs: number | undefined } | undefined {
  const totalFee = fenOf(fields.total_fee);
  if (fields.total_fee !== undefined && totalFee === undefined) return undefined;
  const issuedAtMs = fields.time_end === undefined ? undefined : beijingMs(fields.time_end);
  if (fields.time_end !== undefined && issuedAtMs === undefined) return undefined;
  const { out_trade_no: outTradeNo, mch_id: mchId, trade_type: tradeType } = fields;
  const paid = fields.state === 'SUCCESS' && fields.result_code === 'SUCCESS' && fields.pay_result === '0';
  if (paid && (!outTradeNo || !mchId || totalFee === undefined || issuedAtMs === undefined)) return undefined;
  const event: PaymentNotification = {
    paid,
    wallet: /weixin|wechat/i.test(tradeType ?? '')
      ? 'wechat'
      : /alipay/i.test(tradeType ?? '')
        ? 'alipay'
        : undefined,
    state: fields.state,
    resultCode: fields.result_code,
    mchId,
    outTradeNo,
    totalFee,
    transactionId: fields.transaction_id,
    outTransactionId: fields.out_transaction_id,
    timeEnd: fields.time_end,
    tradeType,
    raw: { ...fields, sign },
  };
  return { event, issuedAtMs };
}
