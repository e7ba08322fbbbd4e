/**
 * Verification of messages UnionPay signs with its private key (spec §7.5):
 * SHA256withRSA over `k1=v1&k2=v2…` — keys sorted, `symmetricKey` and
 * empty (or blank) values left out, raw values — checked with the app's
 * `upPublicKey` (base64 X.509 SubjectPublicKeyInfo). Used by the platform's
 * notifications, e.g. a user revoking the login authorization (§5.2.3).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalString } from '../../shared/signature.js';
import { parseQuery } from '../../shared/query.js';
import { invalidArgument } from './errors.js';
import { describeSecret } from './triple-des.js';

/** Fields of a signed message; `null`/`undefined` count as empty. */
export type SignedParams = Readonly<Record<string, string | null | undefined>>;

/**
 * The exact string UnionPay signs for `params` (§7.5 `sortMap`), for logging
 * a failed verification.
 *
 * @example
 * ```ts
 * upSignatureString({ openId: 'A+2p', appId: 'x', symmetricKey: 'k', trid: ' ' }); // 'appId=x&openId=A+2p'
 * ```
 */
export function upSignatureString(params: SignedParams): string {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === 'symmetricKey' || value === null || value === undefined || value.trim() === '') continue;
    kept[key] = value;
  }
  return canonicalString(kept);
}

/** `upPublicKey` as a KeyObject, parsed once by callers that verify many messages. */
export function publicKey(upPublicKey: string | KeyObject): KeyObject {
  if (typeof upPublicKey !== 'string') return upPublicKey;
  try {
    return upPublicKey.includes('-----BEGIN')
      ? createPublicKey(upPublicKey)
      : createPublicKey({
          key: Buffer.from(upPublicKey.replace(/\s+/g, ''), 'base64'),
          format: 'der',
          type: 'spki',
        });
  } catch {
    throw invalidArgument(
      'verifyUpSignature',
      'upPublicKey',
      'a base64 X.509 (SubjectPublicKeyInfo) RSA public key or a PEM',
      describeSecret(upPublicKey),
      500,
    );
  }
}

/**
 * Check a signature UnionPay made over `params` (spec §7.5).
 *
 * @param params - the message's fields without `signature` (`symmetricKey` and empty values are skipped).
 * @param signature - base64 signature as received.
 * @param upPublicKey - UnionPay's public key as issued (base64 DER), a PEM, or a `KeyObject`.
 * @returns whether the signature is valid; a malformed signature is simply invalid.
 * @throws {@link LoginError} `invalid_param` (status 500) when `upPublicKey` is not an RSA public key.
 * @example
 * ```ts
 * const valid = verifyUpSignature({ appId, timestamp, nonceStr, openId }, signature, process.env.UP_PUBLIC_KEY!);
 * if (!valid) console.warn('not signed by UnionPay: answer resp 01');
 * ```
 */
export function verifyUpSignature(
  params: SignedParams,
  signature: string,
  upPublicKey: string | KeyObject,
): boolean {
  const key = publicKey(upPublicKey);
  if (key.asymmetricKeyType !== 'rsa') {
    throw invalidArgument(
      'verifyUpSignature',
      'upPublicKey',
      'an RSA public key',
      `a ${key.asymmetricKeyType} key`,
      500,
    );
  }
  if (typeof signature !== 'string' || signature.trim() === '') return false;
  const bytes = Buffer.from(signature.replace(/\s+/g, ''), 'base64');
  return verify('sha256', Buffer.from(upSignatureString(params), 'utf8'), key, bytes);
}

/**
 * Verify a notification UnionPay sent as a GET query (spec §5.2.3, §5.4.3):
 * the query is read so that a literal `+` in `openId` or `signature` stays
 * `+`, `signature` is taken out, the rest verified.
 *
 * @returns `{valid, params}` — the decoded fields without `signature`; `valid` false also for a malformed query.
 * @example
 * ```ts
 * export async function POST(request: Request): Promise<Response> {
 *   const { valid, params } = verifyUpNotification(request.url, upPublicKey);
 *   if (valid) await forgetUser(params.openId!);
 *   return Response.json({ resp: valid ? '00' : '01' });
 * }
 * ```
 */
export function verifyUpNotification(
  url: string | URL,
  upPublicKey: string | KeyObject,
): { readonly valid: boolean; readonly params: Readonly<Record<string, string>> } {
  const key = publicKey(upPublicKey);
  let fields: Map<string, string>;
  try {
    fields = parseQuery(new URL(String(url), 'http://localhost').search);
  } catch {
    return { valid: false, params: {} };
  }
  const signature = fields.get('signature') ?? '';
  fields.delete('signature');
  const params = Object.fromEntries(fields);
  return { valid: verifyUpSignature(params, signature, key), params };
}
