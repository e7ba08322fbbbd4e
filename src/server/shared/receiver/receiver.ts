/**
 * One notification receiver for every server family (open platform,
 * pre-order provider, ACP): a web-standard handler that reads the message
 * within a size cap and a deadline, tries the spec's raw and the standard
 * form reading against the signature, accepts only a field map its signing
 * string cannot be regrouped into another, refuses stale messages, and runs
 * the family's callback exactly once per signed message (deduplicated on a
 * hash of the verified signing string), answering within a deadline.
 */
import { createHash } from 'node:crypto';
import type { SignerStore } from '../store.js';
import {
  toFetchHandler,
  type FetchHandler,
  type PlainHead,
  type PlainRequest,
  type PlainResponse,
} from '../plain-http.js';
import { createExactlyOnce, type Attempt } from './exactly-once.js';
import { readForm, readingsOf, readJson, type FieldPair } from './form.js';
import { parseSigned, signingString, type FieldRefusal, type SigningRule } from './signed-fields.js';
import { createTurnGate } from './turns.js';

/** Everything that can happen to one request. */
export type ReceiverOutcome =
  | Attempt
  | FieldRefusal
  | 'method_not_allowed'
  | 'unsupported_type'
  | 'too_large'
  | 'too_slow'
  | 'malformed'
  | 'forged'
  | 'wrong_recipient';

/** What a family makes of verified fields. */
export type FamilyReading<E> =
  | {
      readonly event: E;
      /** When the message was issued, ms since the epoch; `undefined` when it carries no signed time. */
      readonly issuedAtMs: number | undefined;
    }
  | { readonly refused: 'malformed' | 'wrong_recipient' };

/** A server family's part: how its messages travel, are signed, read and answered. */
export interface NotificationFamily<E> {
  /** `GET` reads the query (open platform §5.4.3), `POST` the body. */
  readonly methods: readonly ('GET' | 'POST')[];
  /** Whether a JSON object body is read (§5.3.2's sample) besides form bodies. */
  readonly json: boolean;
  readonly rule: SigningRule;
  /**
   * Signed fields a provider may draw anew for each delivery of one event (a nonce), left out
   * of its identity so a re-signed re-delivery is still a duplicate. Default none.
   */
  readonly volatileFields?: readonly string[] | undefined;
  /**
   * Whether `signature` signs `signing` (a string comparison must be constant-time). `fields` are
   * the signed fields `signing` was built from, for a family whose key travels in the message (ACP's
   * `signPubKeyCert`).
   */
  verify(signing: string, signature: string, fields: Readonly<Record<string, string>>): boolean;
  /** The typed event of verified fields, or why they are refused. */
  read(fields: Readonly<Record<string, string>>, signature: string): FamilyReading<E>;
  /** The answer the platform expects for `outcome` (its own success text, failure status). */
  answer(outcome: ReceiverOutcome): PlainResponse;
}

/** Limits and records of one receiver; durations in ms. */
export interface ReceiverOptions<E> {
  readonly onEvent: (event: E) => void | Promise<void>;
  readonly store: SignerStore;
  /** Prefix of its store keys. */
  readonly prefix: string;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  /** Messages issued longer ago (or ahead) than this are refused unless already handled. */
  readonly maxAgeMs: number;
  readonly retentionMs: number;
  readonly leaseMs: number;
  readonly callbackTimeoutMs: number;
  readonly storeTimeoutMs: number;
  readonly clock: () => number;
  /** Told the outcome of every request (and the event once verified); never field values. */
  readonly report?: ((outcome: ReceiverOutcome, event: E | undefined) => void) | undefined;
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * One gate for every receiver in the process (they share its event loop). Two per turn: in the
 * notifications benchmark (200 new connections at once) the worst p99 fell from ≈ 930 ms to 200–420 ms,
 * with the same CPU per notification and the same p99 on connections already open.
 */
export const NOTIFICATIONS_PER_TURN = 2;
const nextTurn = createTurnGate(NOTIFICATIONS_PER_TURN);

const TEXT_HEADERS = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } as const;

/** The payment platforms' plain-text answer (pre-order provider, ACP): `success` with 200, `fail` otherwise. */
export const successOrFail = (status: number): PlainResponse => ({
  status,
  headers: TEXT_HEADERS,
  body: status === 200 ? 'success' : 'fail',
});

/** The verified signing string, less the family's volatile fields. */
function identityOf(
  fields: Readonly<Record<string, string>>,
  signing: string,
  family: NotificationFamily<unknown>,
): string {
  const volatile = family.volatileFields ?? [];
  if (!volatile.some((name) => Object.hasOwn(fields, name))) return signing;
  const kept = Object.entries(fields).filter(([name]) => !volatile.includes(name));
  return signingString(Object.fromEntries(kept));
}

/** The media type of a request (lower case, no parameters), and whether it is JSON. */
function mediaType(head: PlainHead): { readonly type: string; readonly isJson: boolean } {
  const type = (head.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return { type, isJson: type === 'application/json' || type.endsWith('+json') };
}

/** Why a request is refused before its body is read: a method or content type the family never uses. */
function refusedHead(head: PlainHead, family: NotificationFamily<unknown>): ReceiverOutcome | undefined {
  if (!(family.methods as readonly string[]).includes(head.method)) return 'method_not_allowed';
  if (head.method === 'GET') return undefined;
  const { type, isJson } = mediaType(head);
  if (isJson) return family.json ? undefined : 'unsupported_type';
  return type === '' || type === FORM || type === 'text/plain' ? undefined : 'unsupported_type';
}

/** The candidate field lists of a request (one per reading), or why there are none. */
function candidates(request: PlainRequest, json: boolean): FieldPair[][] | ReceiverOutcome {
  const forms = (text: string): FieldPair[][] | 'malformed' => {
    const lists = readingsOf(text)
      .map((reading) => readForm(text, reading))
      .filter((pairs): pairs is FieldPair[] => pairs !== undefined);
    return lists.length > 0 ? lists : 'malformed';
  };
  if (request.method === 'GET') {
    const query = request.target.indexOf('?');
    return forms(query === -1 ? '' : request.target.slice(query + 1));
  }
  const { body } = request;
  if (typeof body !== 'string') return body.refused === 'unreadable' ? 'malformed' : body.refused;
  const { type, isJson } = mediaType(request);
  // Without a declared type, a body that opens like JSON is read as JSON.
  if (isJson || (json && type !== FORM && body.trimStart().startsWith('{'))) {
    const pairs = readJson(body);
    return pairs ? [pairs] : 'malformed';
  }
  return forms(body);
}

/**
 * Create a family's notification handler on the shared receiver.
 *
 * @example
 * ```ts
 * const handler = createReceiver(preOrderFamily(key, 'MD5'), { onEvent, store, prefix: 'preorder-notify:', ... });
 * createNodeServer({ '/pay/notify': handler }).listen(8080);
 * ```
 */
export function createReceiver<E>(family: NotificationFamily<E>, options: ReceiverOptions<E>): FetchHandler {
  const once = createExactlyOnce({ ...options });
  const settle = (outcome: ReceiverOutcome, event?: E): PlainResponse => {
    options.report?.(outcome, event);
    return family.answer(outcome);
  };

  const handle = async (request: PlainRequest): Promise<PlainResponse> => {
    await nextTurn();
    const found = candidates(request, family.json);
    if (typeof found === 'string') return settle(found);
    let refusal: ReceiverOutcome = 'malformed';
    for (const pairs of found) {
      const signed = parseSigned(pairs, family.rule);
      if ('refused' in signed) {
        refusal = refusal === 'forged' ? refusal : signed.refused;
        continue;
      }
      if (!family.verify(signed.signing, signed.signature, signed.fields)) {
        refusal = 'forged';
        continue;
      }
      const reading = family.read(signed.fields, signed.signature);
      if ('refused' in reading) return settle(reading.refused);
      const { event, issuedAtMs } = reading;
      const fresh = issuedAtMs === undefined || Math.abs(options.clock() - issuedAtMs) <= options.maxAgeMs;
      // The identity is what the signature covers (less a per-delivery nonce): fields that cannot be regrouped.
      const id = createHash('sha256')
        .update(identityOf(signed.fields, signed.signing, family))
        .digest('hex');
      return settle(await once.run(id, fresh, () => options.onEvent(event)), event);
    }
    return settle(refusal);
  };
  return toFetchHandler({
    handle,
    maxBodyBytes: options.maxBodyBytes,
    bodyTimeoutMs: options.bodyTimeoutMs,
    refuseUnread(head) {
      const refused = refusedHead(head, family);
      return refused === undefined ? undefined : settle(refused);
    },
  });
}
