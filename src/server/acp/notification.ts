/**
 * UnionPay's notification to `backUrl`: a signed form POST, repeated until
 * the answer is the plain text `success`. The handler verifies it exactly as
 * a reply (chain, dates, owner, signature), hands the merchant one typed
 * event per message — repeats recognised through a store by the hash of the
 * verified signed text — and answers `success` only once the merchant's
 * code has finished, so a failure is retried by UnionPay.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createMemoryStore } from '../memory-store.js';
import type { SignerStore } from '../store.js';
import { AcpError } from './errors.js';
import { EVENT_OF_TXN_TYPE, type AcpEventType } from './fields.js';
import { readNotification } from './intake.js';
import { certificateOption, createVerifier } from './trust.js';
import type { AcpFields } from './wire.js';

/** One transaction result, as notified. Amounts in fen. */
export interface AcpNotification {
  /** What happened, from `txnType` (01 paid, 04 refunded, 31 cancelled, 02/03/32/33 pre-authorisation). */
  readonly type: AcpEventType;
  /** `respCode` is 00; a notified failure has `succeeded: false`. */
  readonly succeeded: boolean;
  readonly merId: string;
  /** Your order id: check it is yours. */
  readonly orderId: string;
  /** UnionPay's id of this transaction (refunds and cancels name it as `origQryId`). */
  readonly queryId: string;
  /** Amount in fen: check it is the order's. */
  readonly txnAmt: number;
  /** The order's `txnTime` (Beijing time). */
  readonly txnTime: string;
  readonly txnType: string;
  readonly respCode: string;
  readonly respMsg: string | undefined;
  /** The earlier transaction's `queryId`, for refunds, cancels and pre-auth follow-ups. */
  readonly origQryId: string | undefined;
  readonly settleAmt: number | undefined;
  readonly settleDate: string | undefined;
  readonly traceNo: string | undefined;
  readonly reqReserved: string | undefined;
  /** Every field as notified, `signature` included. */
  readonly raw: AcpFields;
}

/** Options of {@link createAcpNotificationHandler}. */
export interface AcpNotificationOptions {
  /** Only notifications for this merchant are accepted. */
  readonly merId: string;
  /** UnionPay's root certificate (as {@link AcpClientOptions.rootCert}). */
  readonly rootCert: string | Uint8Array;
  /** UnionPay's middle certificate. */
  readonly middleCert: string | Uint8Array;
  /** Check the CN owner `中国银联股份有限公司`. Default true (pass false for the test environment's certificates). */
  readonly checkOwner?: boolean | undefined;
  /** Called once per notification; resolve when recorded. Throwing answers `fail`, and UnionPay tries again. */
  readonly onNotification: (event: AcpNotification) => void | Promise<void>;
  /** Where handled notifications are remembered (Redis for several instances). Default in memory. */
  readonly store?: SignerStore | undefined;
  /** Milliseconds a handled notification is remembered; older ones (by `txnTime`) are refused. Default 7 days. */
  readonly retentionMs?: number | undefined;
  /** Milliseconds one instance may spend in `onNotification` before another may take over. Default 30 000. */
  readonly processingMs?: number | undefined;
  /** Prefix of the store keys. Default `"acp-notify:"`. */
  readonly keyPrefix?: string | undefined;
  /** Largest body read. Default 64 KiB. */
  readonly maxBodyBytes?: number | undefined;
  /** Told of every refused or failed notification, for logging. */
  readonly onError?: ((error: unknown) => void) | undefined;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
}

const answer = (text: 'success' | 'fail', status: number): Response =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

const numberOf = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined;

/** Milliseconds since the epoch of a Beijing `yyyyMMddHHmmss`. */
const beijingMs = (time: string): number =>
  Date.UTC(
    +time.slice(0, 4),
    +time.slice(4, 6) - 1,
    +time.slice(6, 8),
    +time.slice(8, 10),
    +time.slice(10, 12),
    +time.slice(12, 14),
  ) -
  8 * 3600_000;

function eventOf(fields: AcpFields): AcpNotification | undefined {
  const type = EVENT_OF_TXN_TYPE[fields.txnType ?? ''];
  const txnAmt = numberOf(fields.txnAmt);
  const { merId, orderId, queryId, txnTime, respCode } = fields;
  if (
    !type ||
    txnAmt === undefined ||
    !merId ||
    !orderId ||
    !queryId ||
    !respCode ||
    !/^\d{14}$/.test(txnTime ?? '')
  )
    return undefined;
  return {
    type,
    succeeded: respCode === '00',
    merId,
    orderId,
    queryId,
    txnAmt,
    txnTime: txnTime!,
    txnType: fields.txnType!,
    respCode,
    respMsg: fields.respMsg,
    origQryId: fields.origQryId,
    settleAmt: numberOf(fields.settleAmt),
    settleDate: fields.settleDate,
    traceNo: fields.traceNo,
    reqReserved: fields.reqReserved,
    raw: fields,
  };
}

/**
 * A web-standard handler for ACP notifications (serve it with `toNodeHandler`
 * or `createNodeServer`). Answers `success` (200) once the event is handled —
 * or was before; `fail` with 400 for anything unverified or malformed, 409
 * while another instance handles the same one, 500 when `onNotification` or
 * the store failed.
 *
 * @example
 * ```ts
 * const notify = createAcpNotificationHandler({
 *   merId, rootCert, middleCert, store: createRedisStore(redis),
 *   onNotification: async (event) => {
 *     if (event.type === 'paid' && event.succeeded) await orders.markPaid(event.orderId, event.txnAmt, event.queryId);
 *   },
 * });
 * ```
 */
export function createAcpNotificationHandler(
  options: AcpNotificationOptions,
): (request: Request) => Promise<Response> {
  const clock = options.clock ?? Date.now;
  const verify = createVerifier({
    root: certificateOption('rootCert', options.rootCert),
    middle: certificateOption('middleCert', options.middleCert),
    checkOwner: options.checkOwner ?? true,
    clock,
  });
  const store = options.store ?? createMemoryStore();
  const retentionMs = options.retentionMs ?? 7 * 86_400_000;
  const processingMs = options.processingMs ?? 30_000;
  const prefix = options.keyPrefix ?? 'acp-notify:';
  const maxBytes = options.maxBodyBytes ?? 64 * 1024;
  const refuse = (msg: string, cause?: unknown): Response => {
    options.onError?.(cause ?? new AcpError({ code: 'bad_notification', msg, operation: 'notification' }));
    return answer('fail', 400);
  };

  return async (request) => {
    const read = await readNotification(request, maxBytes);
    if ('refused' in read) return refuse(`notification refused: ${read.refused}`);
    const { fields } = read;
    let signedText: string;
    try {
      signedText = verify('notification', fields);
    } catch (error) {
      return refuse('notification not verified', error);
    }
    const event = eventOf(fields);
    if (!event || event.merId !== options.merId)
      return refuse('notification fields missing or for another merchant');
    if (clock() - beijingMs(event.txnTime) > retentionMs)
      return refuse('notification older than the retention window');
    // The identity is the verified signed text: a copy with any field changed does not verify.
    const id = createHash('sha256').update(signedText).digest('hex');
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
      options.onError?.(error);
      return answer('fail', 500);
    } finally {
      if (locked) await store.unlock(busyKey, owner).catch(() => undefined);
    }
  };
}
