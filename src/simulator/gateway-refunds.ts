/**
 * The fake gateway's refunds (seed 002, "交易退款" `method=refund` and
 * "退款查询" `method=refundquery`): refunds of paid orders up to what was
 * paid, one refund per `out_refund_no` however often it is sent, and the
 * query's `refund_list` as the JSON string the seed's sample shows. Guesses
 * (WIRE-FACTS.md): an unknown order or refund answers 20007; a refund of an
 * unpaid order, or beyond what is left, answers 20008; a repeated
 * `out_refund_no` with another amount, or a `total_fee` that is not the
 * order's, answers 20004.
 */
import type { GatewayOrder } from './gateway-api.js';
import { fakeNonce } from './spec-signing.js';

/** `refund_status` values (seed 002 退款查询 refund_list). */
export type GatewayRefundStatus = 'SUCCESS' | 'FAIL' | 'PROCESSING' | 'NOTSURE' | 'CHANGE';

/** A refund the fake holds. */
export interface GatewayRefund {
  readonly outTradeNo: string;
  readonly outRefundNo: string;
  readonly refundId: string;
  readonly refundFee: number;
  status: GatewayRefundStatus;
  /** Milliseconds since the epoch. */
  readonly time: number;
}

/** What the refunds need from the gateway around them. */
export interface RefundContext {
  readonly orders: () => Iterable<GatewayOrder>;
  readonly reply: (mchId: string, fields: Record<string, string>) => Response;
  readonly refuse: (code: string, msg: string) => Response;
  readonly clock: () => number;
}

/** `yyyy-MM-dd HH:mm:ss` in GMT+8, as the query sample writes `refund_time` (its table says yyyyMMddHHmmss). */
const sampleTime = (ms: number): string =>
  new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** The head of every successful answer (seed 002 响应结果示例). */
const succeeded = (mchId: string) =>
  ({ state: 'SUCCESS', code: '10000', trade_state: 'SUCCESS', msg: 'SUCCESS', mch_id: mchId }) as const;

/** The refund part of a fake gateway. */
export function createGatewayRefunds(context: RefundContext) {
  const refunds: GatewayRefund[] = [];
  let serial = 0;

  const orderOf = (fields: Readonly<Record<string, string>>): GatewayOrder | undefined =>
    [...context.orders()].find(
      (order) =>
        order.mchId === fields.mch_id &&
        order.paytype === fields.paytype &&
        // "同时存在时transaction_id优先"
        (fields.transaction_id
          ? order.transactionId === fields.transaction_id
          : order.outTradeNo === fields.out_trade_no),
    );
  const ofOrder = (order: GatewayOrder): GatewayRefund[] =>
    refunds.filter((r) => r.outTradeNo === order.outTradeNo);

  function refund(fields: Readonly<Record<string, string>>): Response {
    const order = orderOf(fields);
    if (!order) return context.refuse('20007', '订单不存在');
    if (order.status !== 'paid') return context.refuse('20008', '退款错误: 订单未支付');
    if (fields.total_fee !== String(order.totalFee)) return context.refuse('20004', '参数错误: total_fee');
    const amount = Number(fields.refund_fee);
    if (!/^[1-9]\d{0,9}$/.test(fields.refund_fee ?? ''))
      return context.refuse('20004', '参数错误: refund_fee');
    if (!fields.out_refund_no || !fields.op_user_id)
      return context.refuse('20004', '参数错误: out_refund_no');
    let made = refunds.find(
      (r) => r.outRefundNo === fields.out_refund_no && r.outTradeNo === order.outTradeNo,
    );
    if (made && made.refundFee !== amount) return context.refuse('20004', '参数错误: out_refund_no 已使用');
    if (!made) {
      const refunded = ofOrder(order).reduce((sum, r) => sum + (r.status === 'FAIL' ? 0 : r.refundFee), 0);
      if (refunded + amount > order.totalFee)
        return context.refuse('20008', '退款错误: 退款金额超过可退金额');
      made = {
        outTradeNo: order.outTradeNo,
        outRefundNo: fields.out_refund_no,
        refundId: `5000${order.transactionId.slice(-16)}${String(++serial).padStart(6, '0')}`,
        refundFee: amount,
        status: 'SUCCESS',
        time: context.clock(),
      };
      refunds.push(made);
    }
    return context.reply(order.mchId, {
      ...succeeded(order.mchId),
      out_trade_no: order.outTradeNo,
      transaction_id: order.transactionId,
      out_transaction_id: `4200${made.refundId}`,
      out_refund_no: made.outRefundNo,
      refund_id: made.refundId,
      refund_channel: 'ORIGINAL',
      base_fee: String(order.totalFee),
      total_fee: String(order.totalFee),
      base_refund_fee: String(made.refundFee),
      refund_fee: String(made.refundFee),
      coupon_refund_fee: '0',
      nonce_str: fakeNonce(16),
    });
  }

  function query(fields: Readonly<Record<string, string>>): Response {
    // "refund_id > out_refund_no"
    const found = refunds.find((r) =>
      fields.refund_id ? r.refundId === fields.refund_id : r.outRefundNo === fields.out_refund_no,
    );
    const order = found && [...context.orders()].find((o) => o.outTradeNo === found.outTradeNo);
    if (!found || !order || order.mchId !== fields.mch_id || order.paytype !== fields.paytype) {
      return context.refuse('20007', '订单不存在');
    }
    const list = ofOrder(order);
    const sum = list.reduce((total, r) => total + r.refundFee, 0);
    const done = list.reduce((total, r) => total + (r.status === 'SUCCESS' ? r.refundFee : 0), 0);
    return context.reply(order.mchId, {
      ...succeeded(order.mchId),
      transaction_id: order.transactionId,
      out_transaction_id: `4200${order.transactionId}`,
      out_trade_no: order.outTradeNo,
      refund_count: String(list.length),
      base_refund_fee_summary: String(sum),
      refund_fee_summary: String(done),
      refund_list: JSON.stringify(
        list.map((r, index) => ({
          serial_no: String(index),
          refund_id: r.refundId,
          out_refund_id: r.refundId,
          out_refund_no: r.outRefundNo,
          base_refund_fee: String(r.refundFee),
          refund_fee: r.status === 'SUCCESS' ? String(r.refundFee) : '0',
          coupon_refund_fee: '0',
          refund_status: r.status,
          refund_channel: 'ORIGINAL',
          refund_time: sampleTime(r.time),
        })),
      ),
      nonce_str: fakeNonce(16),
    });
  }

  return {
    refund,
    query,
    refunds: refunds as readonly GatewayRefund[],
    /** Change a refund's status (a bank refusing, a closed card: `FAIL`, `CHANGE`, …). */
    setStatus(outRefundNo: string, status: GatewayRefundStatus): void {
      const found = refunds.find((r) => r.outRefundNo === outRefundNo);
      if (!found) throw new RangeError(`no refund ${outRefundNo}`);
      found.status = status;
    },
  };
}
