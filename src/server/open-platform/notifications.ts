/**
 * The notifications the open platform sends (spec §5.2.3, §5.3.2, §5.4.3),
 * as data: the fields that identify each kind. A verified message becomes
 * one typed {@link PlatformNotification}.
 */

/** Fields every notification carries (signed, §7.5). */
interface NotificationBase {
  readonly appId: string;
  /** Seconds since the epoch, as the platform stamped it. */
  readonly timestamp: string;
  readonly nonceStr: string;
  /** Every signed field (names trimmed); `signature`, `symmetricKey` and blank fields are not signed and not here. */
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
}

/** Most specific first: a relieve or a verification also carries an openId. */
const KINDS: readonly KindSpec[] = [
  { kind: 'pay_password_verified', fields: ['openId', 'bizOrderId', 'merchantId', 'bizType', 'transNo'] },
  { kind: 'contract_relieved', fields: ['openId', 'contractId', 'operateTime', 'trid'] },
  { kind: 'authorization_revoked', fields: ['openId'] },
];

/**
 * Read verified fields as a typed notification. Names are trimmed:
 * §5.3.2's sample sends `" transNo"` (signed as such); the receiver has
 * already refused names that collide once trimmed.
 */
export function readNotification(signed: Readonly<Record<string, string>>): PlatformNotification {
  // fromEntries defines properties, so even a field named `__proto__` stays a field.
  const fields: Record<string, string> = Object.fromEntries(
    Object.entries(signed).map(([name, value]) => [name.trim(), value]),
  );
  const spec = KINDS.find((candidate) => candidate.fields.every((name) => (fields[name] ?? '') !== ''));
  const base = {
    appId: fields.appId ?? '',
    timestamp: fields.timestamp ?? '',
    nonceStr: fields.nonceStr ?? '',
    fields,
  };
  if (!spec) return { kind: 'unknown', ...base };
  const picked = Object.fromEntries(spec.fields.map((name) => [name, fields[name]!]));
  return { kind: spec.kind, ...base, ...picked } as PlatformNotification;
}
