/**
 * An order query's answer as a typed status. The provider's `code` says it
 * first (10000 paid … 10006 failed); `trade_state` decides when the code
 * is missing or generic.
 */
import type { ProviderAnswer } from './transport.js';

/** Where an order stands. */
export type OrderState = 'paid' | 'pending' | 'unpaid' | 'closed' | 'revoked' | 'refunded' | 'failed';

/** What an order query tells. Amounts in fen. */
export interface OrderStatus {
  readonly status: OrderState;
  readonly outTradeNo: string | undefined;
  /** The provider's number (`transaction_id`). */
  readonly transactionId: string | undefined;
  /** The wallet's own number (`out_transaction_id`). */
  readonly outTransactionId: string | undefined;
  /** Paid amount (`total_fee`), in fen. */
  readonly totalFee: number | undefined;
  /** Amount due (`base_fee`), in fen. */
  readonly baseFee: number | undefined;
  /** `yyyyMMddHHmmss`, GMT+8. */
  readonly timeEnd: string | undefined;
  readonly raw: ProviderAnswer;
}

const BY_CODE: Readonly<Record<string, OrderState>> = {
  '10001': 'pending',
  '10002': 'refunded',
  '10003': 'unpaid',
  '10004': 'closed',
  '10005': 'revoked',
  '10006': 'failed',
};

const BY_TRADE_STATE: Readonly<Record<string, OrderState>> = {
  SUCCESS: 'paid',
  FAIL: 'failed',
  PROCESSING: 'pending',
  NEED_QUERY: 'pending',
  REFUND: 'refunded',
};

/** An amount field as a number of fen; undefined unless it is digits. */
export const fenOf = (value: string | undefined): number | undefined =>
  value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;

/** Read a successful query answer. */
export function readOrderStatus(answer: ProviderAnswer): OrderStatus {
  const status =
    BY_CODE[answer.code ?? ''] ??
    BY_TRADE_STATE[answer.trade_state ?? ''] ??
    // 10000 without a trade_state: the call succeeded but says nothing of the trade.
    'pending';
  return {
    status,
    outTradeNo: answer.out_trade_no,
    transactionId: answer.transaction_id,
    outTransactionId: answer.out_transaction_id,
    totalFee: fenOf(answer.total_fee),
    baseFee: fenOf(answer.base_fee),
    timeEnd: answer.time_end,
    raw: answer,
  };
}
