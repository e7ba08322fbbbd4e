/**
 * The notifications the open platform sends (spec §5.2.3, §5.3.2, §5.4.3),
 * as data: the fields that identify each kind and the key that makes two
 * deliveries "the same notification". A verified message becomes one typed
 * {@link PlatformNotification}.
 */

/** Fields every notification carries (signed, §7.5). */
interface NotificationBase {
  readonly appId: string;
  /** Seconds since the epoch, as the platform stamped it. */
  readonly timestamp: string;
  readonly nonceStr: string;
  /** Every signed field as received (keys trimmed), `signature` excluded. */
  readonly fields: Readonly<Record<string, string>>;
}

/** §5.2.3: the user revoked the app's authorization (App → Security → Authorizations). */
export interface AuthorizationRevoked extends NotificationBase {
  readonly kind: 'authorization_revoked';
  readonly openId: string;
}

/**
 * §5.3.2: the user went through the pay-password check started with a
 * `verifyPwdSeqId` (§5.3.1); the spec lists no result field, so any the
 * platform adds is in `fields`.
 */
export interface PayPasswordVerified extends NotificationBase {
  readonly kind: 'pay_password_verified';
  readonly openId: string;
  readonly bizOrderId: string;
  readonly merchantId: string;
  readonly bizType: string;
  /** The sequence number `verifyPwdSeqId` answered. */
  readonly transNo: string;
}

/** §5.4.3: the user relieved a no-sense payment contract in the app. */
export interface ContractRelieved extends NotificationBase {
  readonly kind: 'contract_relieved';
  readonly openId: string;
  readonly contractId: string;
  /** As sent, e.g. `2019-11-05 10:45:55`. */
  readonly operateTime: string;
  readonly trid: string;
}

/** A correctly signed notification of a shape the spec does not describe. */
export interface UnknownNotification extends NotificationBase {
  readonly kind: 'unknown';
}

/** Every notification, told apart by `kind`. */
export type PlatformNotification =
  AuthorizationRevoked | PayPasswordVerified | ContractRelieved | UnknownNotification;

/** The kinds of {@link PlatformNotification}. */
export type NotificationKind = PlatformNotification['kind'];

interface KindSpec {
  readonly kind: Exclude<NotificationKind, 'unknown'>;
  /** All of them present (non-empty) makes a message this kind. */
  readonly fields: readonly string[];
  /** What stays the same across the platform's re-deliveries of one event. */
  readonly key: readonly string[];
}

/** Most specific first: a relieve or a verification also carries an openId. */
const KINDS: readonly KindSpec[] = [
  {
    kind: 'pay_password_verified',
    fields: ['openId', 'bizOrderId', 'merchantId', 'bizType', 'transNo'],
    key: ['transNo'],
  },
  {
    kind: 'contract_relieved',
    fields: ['openId', 'contractId', 'operateTime', 'trid'],
    key: ['contractId', 'operateTime'],
  },
  { kind: 'authorization_revoked', fields: ['openId'], key: ['openId', 'timestamp', 'nonceStr'] },
];

/**
 * Read verified fields as a typed notification, and the key that identifies
 * it across re-deliveries. Keys are trimmed: §5.3.2's sample sends `" transNo"`.
 */
export function readNotification(signed: Readonly<Record<string, string>>): {
  readonly notification: PlatformNotification;
  readonly key: string;
} {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed)) fields[name.trim()] = value;
  const spec = KINDS.find((candidate) => candidate.fields.every((name) => (fields[name] ?? '') !== ''));
  const base = {
    appId: fields.appId ?? '',
    timestamp: fields.timestamp ?? '',
    nonceStr: fields.nonceStr ?? '',
    fields,
  };
  if (!spec) {
    return { notification: { kind: 'unknown', ...base }, key: `unknown:${base.timestamp}:${base.nonceStr}` };
  }
  const picked = Object.fromEntries(spec.fields.map((name) => [name, fields[name]!]));
  return {
    notification: { kind: spec.kind, ...base, ...picked } as PlatformNotification,
    key: `${spec.kind}:${spec.key.map((name) => fields[name]).join(':')}`,
  };
}
