/**
 * UnionPay's notification to `backUrl`: a signed form POST, repeated until
 * the answer is the plain text `success`. Served by the shared receiver
 * (body cap and deadline, both form readings, fields that cannot be
 * regrouped, an age window on `txnTime`, the callback run once per signed
 * message within a deadline, a renewed lease); this module is ACP's part:
 * the signature is verified exactly as a reply's (chain, dates, owner,
 * RSA-SHA256), the event typed, and the answer `success` or `fail`.
 */
import { createMemoryStore } from '../shared/memory-store.js';
import {
  createReceiver,
  successOrFail,
  type NotificationFamily,
  type ReceiverOutcome,
} from '../shared/receiver/receiver.js';
import type { FieldPair } from '../shared/receiver/form.js';
import type { SignerStore } from '../shared/store.js';
import { AcpError } from './errors.js';
import { EVENT_OF_TXN_TYPE, type AcpEventType } from './fields.js';
import { certificateOption, createVerifier, type Verifier } from './trust.js';
import { parseReply, type AcpFields } from './wire.js';

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
  /**
   * Milliseconds a handled notification is remembered; notifications whose `txnTime` lies further
   * than this from now are refused unless handled before. Default 7 days.
   */
  readonly retentionMs?: number | undefined;
  /** Milliseconds one instance holds a notification's lease; renewed while the callback runs. Default 30 000. */
  readonly processingMs?: number | undefined;
  /** Milliseconds to wait for `onNotification` before answering `fail` (503; UnionPay tries again). Default 10 000. */
  readonly callbackTimeoutMs?: number | undefined;
  /** Bound on each store operation, ms. Default 250. */
  readonly storeTimeoutMs?: number | undefined;
  /** Prefix of the store keys. Default `"acp-notify:"`. */
  readonly keyPrefix?: string | undefined;
  /** Largest body read. Default 64 KiB. */
  readonly maxBodyBytes?: number | undefined;
  /** Milliseconds allowed for reading the body. Default 2000. */
  readonly bodyTimeoutMs?: number | undefined;
  /** Told of every refused notification (why, as an {@link AcpError}) and every error thrown by `onNotification`, for logging. */
  readonly onError?: ((error: unknown) => void) | undefined;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
}

/** Statuses of the outcomes that are not a plain refusal (400). */
const STATUS: Partial<Record<ReceiverOutcome, number>> = {
  processed: 200,
  duplicate: 200,
  in_progress: 409,
  failed: 500,
  timed_out: 503,
  store_unavailable: 503,
};

/** Outcomes that are not a refusal of the message: no `bad_notification` for them. */
const NOT_REFUSALS = new Set<ReceiverOutcome>([
  'processed',
  'duplicate',
  'in_progress',
  'failed',
  'timed_out',
  'store_unavailable',
  'forged',
]);

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

/** ACP's signed text splits at `&` outside `{…}`/`[…]`, as its messages are parsed. */
function resplit(signing: string): FieldPair[] | undefined {
  const fields = parseReply(signing);
  return fields && Object.entries(fields);
}

function family(
  options: AcpNotificationOptions,
  verifier: Verifier,
): NotificationFamily<AcpNotification> & { lastRefusal: unknown } {
  return {
    methods: ['POST'],
    json: false,
    // Every field but `signature` is signed, an empty one too (the signing string names it).
    rule: { signatureField: 'signature', isUnsigned: () => false, resplit },
    /**
     * Why the latest verification failed. The receiver verifies and settles a refusal without
     * awaiting in between, so the report that follows reads this request's reason.
     */
    lastRefusal: undefined,
    verify(signing, signature, fields) {
      try {
        verifier('notification', fields, { text: signing, signature });
        return true;
      } catch (error) {
        this.lastRefusal = error;
        return false;
      }
    },
    read(fields, signature) {
      const event = eventOf({ ...fields, signature });
      if (!event) return { refused: 'malformed' };
      if (event.merId !== options.merId) return { refused: 'wrong_recipient' };
      return { event, issuedAtMs: beijingMs(event.txnTime) };
    },
    answer: (outcome) => successOrFail(STATUS[outcome] ?? 400),
  };
}

/**
 * A web-standard handler for ACP notifications (serve it with `toNodeHandler`
 * or `createNodeServer`). Answers `success` (200) once the event is handled —
 * or was before; `fail` with 400 for anything unverified, malformed, for
 * another merchant or outside the `txnTime` window, 409 while another
 * instance handles the same one, 500 when `onNotification` failed, 503 when
 * it outran `callbackTimeoutMs` or the store could not be asked.
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
  const acp = family(
    options,
    createVerifier({
      root: certificateOption('rootCert', options.rootCert),
      middle: certificateOption('middleCert', options.middleCert),
      checkOwner: options.checkOwner ?? true,
      clock,
    }),
  );
  const retentionMs = options.retentionMs ?? 7 * 86_400_000;
  const { onNotification, onError } = options;
  return createReceiver(acp, {
    async onEvent(event) {
      try {
        await onNotification(event);
      } catch (error) {
        onError?.(error);
        throw error;
      }
    },
    store: options.store ?? createMemoryStore({ clock }),
    prefix: options.keyPrefix ?? 'acp-notify:',
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 2_000,
    maxAgeMs: retentionMs,
    retentionMs,
    leaseMs: options.processingMs ?? 30_000,
    callbackTimeoutMs: options.callbackTimeoutMs ?? 10_000,
    storeTimeoutMs: options.storeTimeoutMs ?? 250,
    clock,
    report: onError
      ? (outcome) => {
          if (outcome === 'forged') onError(acp.lastRefusal);
          else if (!NOT_REFUSALS.has(outcome))
            onError(
              new AcpError({
                code: 'bad_notification',
                msg: `notification refused: ${outcome}`,
                operation: 'notification',
              }),
            );
        }
      : undefined,
  });
}
