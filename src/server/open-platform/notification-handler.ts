/**
 * `createNotificationHandler`: the endpoint the open platform notifies
 * (spec §5.2.3, §5.3.2, §5.4.3). Verifies UnionPay's signature (§7.5),
 * reads the message as a typed notification, hands it to your callback once
 * — across retries, replays and instances when the store is shared — and
 * answers what the platform expects: `{"resp":"00"}` once handled.
 */
import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import { parseQuery } from '../../login/query.js';
import { createMemoryStore } from '../memory-store.js';
import type { FetchHandler } from '../node-handler.js';
import type { SignerStore } from '../store.js';
import { invalidArgument } from '../login/errors.js';
import { verifyUpSignature } from '../login/verify.js';
import { readNotification, type NotificationKind, type PlatformNotification } from './notifications.js';

/** What happened to one incoming request, for logs and metrics (no field values). */
export interface NotificationEvent {
  readonly type: 'notification';
  readonly kind?: NotificationKind | undefined;
  readonly outcome:
    | 'processed'
    | 'duplicate'
    | 'forged'
    | 'stale'
    | 'wrong_app'
    | 'malformed'
    | 'in_progress'
    | 'failed'
    | 'store_unavailable';
}

/** Options of {@link createNotificationHandler}. */
export interface NotificationHandlerOptions {
  /** UnionPay's public key as issued (base64 X.509), a PEM, or a KeyObject. */
  readonly upPublicKey: string | KeyObject;
  /** Handle one notification; a rejection answers failure, so the platform sends it again. */
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
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
  readonly log?: ((event: NotificationEvent) => void) | undefined;
}

const MAX_BODY_CHARS = 16 * 1024;

/** Longest a callback may hold a notification before another delivery may take it over. */
const PROCESSING_MS = 60_000;

const answer = (status: number, resp: '00' | '01', msg?: string): Response =>
  new Response(JSON.stringify(msg ? { resp, msg } : { resp }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

/** The message's fields: a GET query (§5.4.3's sample), a JSON body (§5.3.2's) or a form body. */
async function readFields(request: Request): Promise<Record<string, string> | undefined> {
  try {
    if (request.method === 'GET') return Object.fromEntries(parseQuery(new URL(request.url).search));
    const body = await request.text();
    // Notifications are a dozen short fields; anything large is not one (toNodeHandler also caps bodies).
    if (body.length > MAX_BODY_CHARS) return undefined;
    const type = request.headers.get('content-type') ?? '';
    if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(parseQuery(body));
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value === 'string') fields[name] = value;
      else if (typeof value === 'number') fields[name] = String(value);
      else return undefined;
    }
    return fields;
  } catch {
    return undefined;
  }
}

/**
 * Create the notification endpoint.
 *
 * @example
 * ```ts
 * import { createNotificationHandler, createRedisStore, toNodeHandler } from 'upsdk-kit/server';
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
 * app.post('/upsdk/notifications', toNodeHandler(notifications));
 * ```
 */
export function createNotificationHandler(options: NotificationHandlerOptions): FetchHandler {
  const clock = options.clock ?? Date.now;
  const store = options.store ?? createMemoryStore({ clock });
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
  const rememberMs = Math.max(options.rememberSeconds ?? 86_400, 2 * maxAge) * 1000;
  if (typeof options.onNotification !== 'function') {
    throw invalidArgument(
      'createNotificationHandler',
      'onNotification',
      'a function',
      typeof options.onNotification,
      500,
    );
  }
  // Checked now, so a bad key fails at start-up rather than on the first notification.
  verifyUpSignature({ probe: 'x' }, '', options.upPublicKey);

  return async (request) => {
    /** Log what happened and answer `response`. */
    const settle = (
      outcome: NotificationEvent['outcome'],
      kind: NotificationKind | undefined,
      response: Response,
    ): Response => {
      options.log?.({ type: 'notification', outcome, ...(kind ? { kind } : {}) });
      return response;
    };
    if (request.method !== 'GET' && request.method !== 'POST') return answer(405, '01', 'GET or POST');
    const received = await readFields(request);
    if (!received) return settle('malformed', undefined, answer(400, '01', 'unreadable notification'));
    const { signature = '', ...signed } = received;
    if (!verifyUpSignature(signed, signature, options.upPublicKey)) {
      return settle('forged', undefined, answer(401, '01', 'signature check failed'));
    }
    const { notification, key } = readNotification(signed);
    const { kind } = notification;
    if (options.appId !== undefined && notification.appId !== options.appId) {
      return settle('wrong_app', kind, answer(400, '01', 'not for this appId'));
    }
    const id = createHash('sha256').update(`${notification.appId}\n${key}`).digest('hex').slice(0, 40);
    const done = `{notify}:done:${id}`;
    const lock = `{notify}:lock:${id}`;
    const owner = randomUUID();
    try {
      // A re-delivery of what was handled is acknowledged whatever its age, so the platform stops.
      if ((await store.remaining(done)) > 0) return settle('duplicate', kind, answer(200, '00'));
      const age = Math.abs(clock() / 1000 - Number(notification.timestamp));
      if (!(age <= maxAge))
        return settle('stale', kind, answer(401, '01', 'timestamp outside the accepted window'));
      if (!(await store.lock(lock, owner, PROCESSING_MS))) {
        return settle('in_progress', kind, answer(409, '01', 'being handled'));
      }
    } catch {
      return settle('store_unavailable', kind, answer(503, '01', 'store unavailable'));
    }
    try {
      // Checked again under the lock: another instance may have finished in between.
      if ((await store.remaining(done)) > 0) return settle('duplicate', kind, answer(200, '00'));
      try {
        await options.onNotification(notification);
      } catch {
        return settle('failed', kind, answer(500, '01', 'handler failed'));
      }
      await store.lock(done, 'done', rememberMs);
      return settle('processed', kind, answer(200, '00'));
    } catch {
      return settle('store_unavailable', kind, answer(503, '01', 'store unavailable'));
    } finally {
      await store.unlock(lock, owner).catch(() => undefined);
    }
  };
}
