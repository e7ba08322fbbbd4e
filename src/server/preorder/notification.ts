/**
 * The provider's result notification (seed 002, "预下单结果通知"): a form
 * POST to `notify_url`, repeated (0/15/15/30/180/1800… s) until the answer
 * is the plain text `success`, given within 3 seconds. Served by the shared
 * receiver: body cap, both form readings, fields that cannot be regrouped,
 * constant-time `sign` check, an age window on `time_end`, and the
 * merchant's callback run once per signed message within a deadline.
 */
import { createMemoryStore } from '../shared/memory-store.js';
import {
  createReceiver,
  successOrFail,
  type NotificationFamily,
  type ReceiverOutcome,
} from '../shared/receiver/receiver.js';
import type { SignerStore } from '../shared/store.js';
import { readPayment, type PaymentNotification } from './payment-notification.js';
import { sameSignature, signatureOfString, type PreOrderSignAlgorithm } from './signature.js';

export type { PaymentNotification } from './payment-notification.js';

/** Options of {@link createPreOrderNotificationHandler}. */
export interface PreOrderNotificationOptions {
  /** The merchant key that verifies `sign`. */
  readonly key: string;
  /** Default `MD5`. */
  readonly algorithm?: PreOrderSignAlgorithm | undefined;
  /**
   * Called once per signed notification; resolve when it is recorded. Throwing
   * (or rejecting, or taking longer than `callbackTimeoutMs`) answers `fail`,
   * and the provider tries again later.
   */
  readonly onNotification: (event: PaymentNotification) => void | Promise<void>;
  /** Where handled notifications are remembered (shared by instances: Redis). Default in memory. */
  readonly store?: SignerStore | undefined;
  /** Milliseconds a handled notification is remembered; at least twice `maxAgeSeconds`. Default 48 h. */
  readonly retentionMs?: number | undefined;
  /**
   * Notifications whose `time_end` lies further than this from now are refused unless handled before
   * (the provider's retries span about 3 h). A message without `time_end` (a minimal failure) has no
   * age; it is deduplicated for `retentionMs`. Default 86 400.
   */
  readonly maxAgeSeconds?: number | undefined;
  /** Milliseconds one instance holds a notification's lease; renewed while the callback runs. Default 30 000. */
  readonly processingMs?: number | undefined;
  /** Milliseconds to wait for `onNotification` before answering `fail` (the provider waits 3 s in all). Default 1800. */
  readonly callbackTimeoutMs?: number | undefined;
  /** Bound on each store operation, ms. Default 250. */
  readonly storeTimeoutMs?: number | undefined;
  /** Largest body read, in bytes; larger ones get 413. Default 64 KiB. */
  readonly maxBodyBytes?: number | undefined;
  /** Milliseconds allowed for reading the body (a trickling one gets 408). Default 2000. */
  readonly bodyTimeoutMs?: number | undefined;
  /** Prefix of the store keys. Default `"preorder-notify:"`. */
  readonly keyPrefix?: string | undefined;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /** Told of every failure of `onNotification` (answered `fail`), for logging. */
  readonly onError?: ((error: unknown, event: PaymentNotification) => void) | undefined;
  /** Told the outcome of every request (no field values). */
  readonly log?: ((outcome: ReceiverOutcome) => void) | undefined;
}

const STATUS: Partial<Record<ReceiverOutcome, number>> = {
  processed: 200,
  duplicate: 200,
  method_not_allowed: 405,
  unsupported_type: 415,
  too_large: 413,
  too_slow: 408,
  in_progress: 409,
  failed: 500,
  timed_out: 503,
  store_unavailable: 503,
};

function family(key: string, algorithm: PreOrderSignAlgorithm): NotificationFamily<PaymentNotification> {
  return {
    methods: ['POST'],
    json: true,
    rule: { signatureField: 'sign', isUnsigned: (_name, value) => value === '' },
    // Every other signed field (order, amount, result, time_end) stays in the identity.
    volatileFields: ['nonce_str'],
    verify: (signing, sign) => sameSignature(signatureOfString(signing, key, algorithm), sign),
    read(fields, sign) {
      return readPayment(fields, sign) ?? { refused: 'malformed' };
    },
    answer: (outcome) => successOrFail(STATUS[outcome] ?? 400),
  };
}

/**
 * A web-standard handler for the provider's notifications (serve it with
 * `createNodeServer` or `toNodeHandler`). Answers `success` (200) once the
 * event is handled — or was before; `fail` with 400 for an unsigned,
 * regrouped or malformed notification or one older than `maxAgeSeconds`,
 * 409 while another instance handles it, 500 when `onNotification` failed,
 * 503 when it outran its deadline or the store could not be asked.
 *
 * @example
 * ```ts
 * const notify = createPreOrderNotificationHandler({
 *   key: process.env.PROVIDER_KEY!,
 *   store: createRedisStore(redis),
 *   onNotification: async (event) => {
 *     if (event.paid) await orders.markPaid(event.outTradeNo!, event.totalFee!);
 *   },
 * });
 * createNodeServer({ '/pay/notify': notify }).listen(8080, '127.0.0.1');
 * ```
 */
export function createPreOrderNotificationHandler(
  options: PreOrderNotificationOptions,
): (request: Request) => Promise<Response> {
  const clock = options.clock ?? Date.now;
  const maxAgeMs = (options.maxAgeSeconds ?? 86_400) * 1000;
  const { onNotification, onError } = options;
  return createReceiver(family(options.key, options.algorithm ?? 'MD5'), {
    async onEvent(event) {
      try {
        await onNotification(event);
      } catch (error) {
        onError?.(error, event);
        throw error;
      }
    },
    store: options.store ?? createMemoryStore({ clock }),
    prefix: options.keyPrefix ?? 'preorder-notify:',
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 2_000,
    maxAgeMs,
    retentionMs: Math.max(options.retentionMs ?? 48 * 3600_000, 2 * maxAgeMs),
    leaseMs: options.processingMs ?? 30_000,
    callbackTimeoutMs: options.callbackTimeoutMs ?? 1_800,
    storeTimeoutMs: options.storeTimeoutMs ?? 250,
    clock,
    report: options.log && ((outcome) => options.log?.(outcome)),
  });
}
