/**
 * The provider's result notification (seed 002, "预下单结果通知"): a form
 * POST to `notify_url`, repeated (0/15/15/30/180/1800… s) until the answer
 * is the plain text `success`. The handler verifies the signature, hands
 * the merchant one typed event per payment — duplicates and concurrent
 * repeats are recognised through a store — and answers `success` only once
 * the merchant's code has finished, so a failure is retried by the provider.
 */
import { randomUUID } from 'node:crypto';
import { createMemoryStore } from '../memory-store.js';
import type { SignerStore } from '../store.js';
import { fenOf } from './order-status.js';
import { verifyPreOrderParams, type PreOrderSignAlgorithm } from './signature.js';

/** One payment result, as the provider notified it. Amounts in fen. */
export interface PaymentNotification {
  /** `state` and `result_code` are SUCCESS and `pay_result` is 0. */
  readonly paid: boolean;
  /** From `trade_type` (`pay.weixin.jspay`, `pay.alipay.jspay`, …). */
  readonly wallet: 'wechat' | 'alipay' | undefined;
  readonly mchId: string;
  /** Your order number: check it is yours. */
  readonly outTradeNo: string;
  /** Paid amount: check it is the order's, as the seed insists (fake notifications exist). */
  readonly totalFee: number;
  readonly transactionId: string | undefined;
  readonly outTransactionId: string | undefined;
  /** `yyyyMMddHHmmss`, GMT+8. */
  readonly timeEnd: string | undefined;
  readonly tradeType: string | undefined;
  /** Every field as notified, `sign` included. */
  readonly raw: Readonly<Record<string, string>>;
}

/** Options of {@link createPreOrderNotificationHandler}. */
export interface PreOrderNotificationOptions {
  /** The merchant key that verifies `sign`. */
  readonly key: string;
  /** Default `MD5`. */
  readonly algorithm?: PreOrderSignAlgorithm | undefined;
  /**
   * Called once per payment result; resolve when it is recorded. Throwing
   * (or rejecting) answers `fail`, and the provider tries again later.
   */
  readonly onNotification: (event: PaymentNotification) => void | Promise<void>;
  /** Where handled notifications are remembered (shared by instances: Redis). Default in memory. */
  readonly store?: SignerStore | undefined;
  /** Milliseconds a handled notification is remembered. Default 24 h (the retries span about 3 h). */
  readonly retentionMs?: number | undefined;
  /** Milliseconds one instance may spend in `onNotification` before another may take over. Default 30 000. */
  readonly processingMs?: number | undefined;
  /** Prefix of the store keys. Default `"preorder-notify:"`. */
  readonly keyPrefix?: string | undefined;
  /** Told of every failure answered `fail` with 500 (your code or the store threw), for logging. */
  readonly onError?: ((error: unknown, event: PaymentNotification) => void) | undefined;
}

const answer = (text: 'success' | 'fail', status: number): Response =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

async function readFields(request: Request): Promise<Record<string, string> | undefined> {
  const text = await request.text();
  if ((request.headers.get('content-type') ?? '').includes('json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null) return undefined;
      return Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name, String(value)]));
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function eventOf(fields: Readonly<Record<string, string>>): PaymentNotification | undefined {
  const totalFee = fenOf(fields.total_fee);
  const { out_trade_no: outTradeNo, mch_id: mchId, trade_type: tradeType } = fields;
  if (!outTradeNo || mchId === undefined || totalFee === undefined) return undefined;
  return {
    paid: fields.state === 'SUCCESS' && fields.result_code === 'SUCCESS' && fields.pay_result === '0',
    wallet: /weixin|wechat/i.test(tradeType ?? '')
      ? 'wechat'
      : /alipay/i.test(tradeType ?? '')
        ? 'alipay'
        : undefined,
    mchId,
    outTradeNo,
    totalFee,
    transactionId: fields.transaction_id,
    outTransactionId: fields.out_transaction_id,
    timeEnd: fields.time_end,
    tradeType,
    raw: fields,
  };
}

/**
 * A web-standard handler for the provider's notifications (serve it with
 * `toNodeHandler` on `node:http`). Answers `success` (200) once the event
 * is handled — or was before; `fail` with 400 for an unsigned or malformed
 * notification, 409 while another instance handles the same one, 500 when
 * `onNotification` or the store failed.
 *
 * @example
 * ```ts
 * const notify = createPreOrderNotificationHandler({
 *   key: process.env.PROVIDER_KEY!,
 *   store: createRedisStore(redis),
 *   onNotification: async (event) => {
 *     if (event.paid) await orders.markPaid(event.outTradeNo, event.totalFee);
 *   },
 * });
 * http.createServer(toNodeHandler(notify)).listen(8080, '127.0.0.1');
 * ```
 */
export function createPreOrderNotificationHandler(
  options: PreOrderNotificationOptions,
): (request: Request) => Promise<Response> {
  const store = options.store ?? createMemoryStore();
  const retentionMs = options.retentionMs ?? 24 * 3600_000;
  const processingMs = options.processingMs ?? 30_000;
  const prefix = options.keyPrefix ?? 'preorder-notify:';

  return async (request) => {
    if (request.method !== 'POST') return answer('fail', 405);
    const fields = await readFields(request);
    if (!fields || !verifyPreOrderParams(fields, options.key, options.algorithm)) return answer('fail', 400);
    const event = eventOf(fields);
    if (!event) return answer('fail', 400);
    const id = [event.mchId, event.outTradeNo, event.transactionId ?? '', fields.pay_result ?? ''].join(':');
    const doneKey = `${prefix}done:${id}`;
    const busyKey = `${prefix}busy:${id}`;
    const owner = randomUUID();
    let locked = false;
    try {
      if ((await store.remaining(doneKey)) > 0) return answer('success', 200);
      locked = await store.lock(busyKey, owner, processingMs);
      if (!locked) return answer('fail', 409);
      // Checked again under the lock: another instance may have finished in between.
      if ((await store.remaining(doneKey)) > 0) return answer('success', 200);
      await options.onNotification(event);
      await store.lock(doneKey, owner, retentionMs);
      return answer('success', 200);
    } catch (error) {
      options.onError?.(error, event);
      return answer('fail', 500);
    } finally {
      if (locked) await store.unlock(busyKey, owner).catch(() => undefined);
    }
  };
}
