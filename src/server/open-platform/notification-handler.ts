/**
 * `createNotificationHandler`: the endpoint the open platform notifies
 * (spec §5.2.3, §5.3.2, §5.4.3). Served by the shared receiver: it verifies
 * UnionPay's signature (§7.5) over fields that cannot be regrouped, reads
 * the message as a typed notification, hands it to your callback once per
 * signed message — across retries, replays and instances when the store is
 * shared — and answers what the platform expects: `{"resp":"00"}` once handled.
 */
import { verify, type KeyObject } from 'node:crypto';
import { createMemoryStore } from '../shared/memory-store.js';
import type { FetchHandler, PlainResponse } from '../shared/plain-http.js';
import {
  createReceiver,
  type NotificationFamily,
  type ReceiverOutcome,
} from '../shared/receiver/receiver.js';
import type { SignerStore } from '../shared/store.js';
import { invalidArgument } from '../login/errors.js';
import { publicKey, verifyUpSignature } from '../login/verify.js';
import { readNotification, type NotificationKind, type PlatformNotification } from './notifications.js';

/** What happened to one incoming request, for logs and metrics (no field values). */
export interface NotificationEvent {
  readonly type: 'notification';
  readonly kind?: NotificationKind | undefined;
  /** The receiver's outcome; `wrong_app` for a notification to another appId. */
  readonly outcome: Exclude<ReceiverOutcome, 'wrong_recipient'> | 'wrong_app';
}

/** Options of {@link createNotificationHandler}. */
export interface NotificationHandlerOptions {
  /** UnionPay's public key as issued (base64 X.509), a PEM, or a KeyObject. */
  readonly upPublicKey: string | KeyObject;
  /**
   * Handle one notification; a rejection (or outrunning `callbackTimeoutMs`) answers failure, so
   * the platform sends it again. Called once per signed message: a re-signed re-delivery (new
   * `timestamp`/`nonceStr`) is a new message, so make it idempotent on `transNo`/`contractId`/`openId`.
   */
  readonly onNotification: (notification: PlatformNotification) => void | Promise<void>;
  /** Only notifications for this appId are accepted. */
  readonly appId?: string | undefined;
  /**
   * Where handled notifications are remembered: the signer's store kinds
   * (`createMemoryStore()`, `createRedisStore(client)`). Share one Redis
   * between instances. Default an in-process memory store.
   */
  readonly store?: SignerStore | undefined;
  /** Notifications stamped longer ago (or ahead) than this are refused as replays, unless already handled. Default 900. */
  readonly maxAgeSeconds?: number | undefined;
  /** How long a handled notification is remembered; at least twice `maxAgeSeconds`. Default 86400. */
  readonly rememberSeconds?: number | undefined;
  /**
   * Milliseconds one instance holds a notification's lease before another may take it over; renewed
   * while the callback runs. Default 30 000.
   */
  readonly processingMs?: number | undefined;
  /** Milliseconds to wait for `onNotification` before answering a failure. Default 5000. */
  readonly callbackTimeoutMs?: number | undefined;
  /** Bound on each store operation, ms. Default 1000. */
  readonly storeTimeoutMs?: number | undefined;
  /** Largest body read, in bytes (larger: 413). Default 16 KiB: a notification is a dozen short fields. */
  readonly maxBodyBytes?: number | undefined;
  /** Milliseconds allowed for reading the body (a trickling one gets 408). Default 10 000. */
  readonly bodyTimeoutMs?: number | undefined;
  /** Prefix of the store keys (to keep two handlers, or two apps, apart in one Redis). Default `"{notify}:"`. */
  readonly keyPrefix?: string | undefined;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
  readonly log?: ((event: NotificationEvent) => void) | undefined;
}

const ANSWERS: Partial<Record<ReceiverOutcome, readonly [status: number, msg: string]>> = {
  method_not_allowed: [405, 'GET or POST'],
  unsupported_type: [415, 'form or JSON body expected'],
  too_large: [413, 'body too large for a notification'],
  too_slow: [408, 'body too slow'],
  forged: [401, 'signature check failed'],
  no_signature: [401, 'signature missing'],
  stale: [401, 'timestamp outside the accepted window'],
  wrong_recipient: [400, 'not for this appId'],
  in_progress: [409, 'being handled'],
  failed: [500, 'handler failed'],
  timed_out: [503, 'handler still running'],
  store_unavailable: [503, 'store unavailable'],
};

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' } as const;

const json = (status: number, body: object): PlainResponse => ({
  status,
  headers: JSON_HEADERS,
  body: JSON.stringify(body),
});

function family(key: KeyObject, appId: string | undefined): NotificationFamily<PlatformNotification> {
  return {
    methods: ['GET', 'POST'],
    json: true,
    rule: {
      signatureField: 'signature',
      // §7.5 sortMap: symmetricKey and values blank after trim() are not signed.
      isUnsigned: (name, value) => name === 'symmetricKey' || value.trim() === '',
    },
    verify: (signing, signature) =>
      verify(
        'sha256',
        Buffer.from(signing, 'utf8'),
        key,
        Buffer.from(signature.replace(/\s+/g, ''), 'base64'),
      ),
    read(fields) {
      const notification = readNotification(fields);
      if (appId !== undefined && notification.appId !== appId) return { refused: 'wrong_recipient' };
      if (!/^\d{1,12}$/.test(notification.timestamp)) return { refused: 'malformed' };
      return { event: notification, issuedAtMs: Number(notification.timestamp) * 1000 };
    },
    answer(outcome) {
      if (outcome === 'processed' || outcome === 'duplicate') return json(200, { resp: '00' });
      const [status, msg] = ANSWERS[outcome] ?? [400, 'unreadable notification'];
      return json(status, { resp: '01', msg });
    },
  };
}

/**
 * Create the notification endpoint.
 *
 * @example
 * ```ts
 * import { createRedisStore, createNodeServer } from 'upsdk-kit/server';
 * import { createNotificationHandler } from 'upsdk-kit/server/open-platform';
 *
 * const notifications = createNotificationHandler({
 *   upPublicKey: process.env.UP_PUBLIC_KEY!,
 *   appId,
 *   store: createRedisStore(redis),
 *   async onNotification(event) {
 *     if (event.kind === 'pay_password_verified') await orders.passwordVerified(event.bizOrderId, event.transNo);
 *     if (event.kind === 'contract_relieved') await contracts.relieved(event.contractId);
 *     if (event.kind === 'authorization_revoked') await users.forget(event.openId);
 *   },
 * });
 * createNodeServer({ '/upsdk/notifications': notifications }).listen(8080, '127.0.0.1');
 * ```
 */
export function createNotificationHandler(options: NotificationHandlerOptions): FetchHandler {
  const clock = options.clock ?? Date.now;
  const maxAge = options.maxAgeSeconds ?? 900;
  if (!Number.isInteger(maxAge) || maxAge < 1 || maxAge > 86_400) {
    throw invalidArgument(
      'createNotificationHandler',
      'maxAgeSeconds',
      'an integer in 1…86400',
      String(maxAge),
      500,
    );
  }
  if (typeof options.onNotification !== 'function') {
    throw invalidArgument(
      'createNotificationHandler',
      'onNotification',
      'a function',
      typeof options.onNotification,
      500,
    );
  }
  // Checked now, so a bad key fails at start-up rather than on the first notification; parsed once.
  verifyUpSignature({ probe: 'x' }, '', options.upPublicKey);
  const key = publicKey(options.upPublicKey);
  const { log } = options;
  return createReceiver(family(key, options.appId), {
    onEvent: options.onNotification,
    store: options.store ?? createMemoryStore({ clock }),
    prefix: options.keyPrefix ?? '{notify}:',
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    maxAgeMs: maxAge * 1000,
    retentionMs: Math.max(options.rememberSeconds ?? 86_400, 2 * maxAge) * 1000,
    leaseMs: options.processingMs ?? 30_000,
    callbackTimeoutMs: options.callbackTimeoutMs ?? 5_000,
    storeTimeoutMs: options.storeTimeoutMs ?? 1_000,
    clock,
    report:
      log &&
      ((outcome, event) =>
        log({
          type: 'notification',
          outcome: outcome === 'wrong_recipient' ? 'wrong_app' : outcome,
          ...(event ? { kind: event.kind } : {}),
        })),
  });
}
