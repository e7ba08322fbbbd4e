/**
 * The partner's own RSA signature (spec §3.1 "partnerKey", §5.3.1, §5.8.1,
 * §5.8.4, §5.8.5): SHA256withRSA over `k1=v1&k2=v2…` of every request field
 * but `signature`, keys sorted, plaintext values, base64 out — the mirror of
 * the platform's own signature (§7.5) that notifications carry.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { canonicalString } from '../../shared/signature.js';
import { invalidArgument } from '../login/errors.js';
import { describeSecret } from '../login/triple-des.js';

/**
 * Read the partner's private key: a PEM, base64 PKCS#8 DER (the form
 * `openssl` prints without headers), or a `KeyObject`.
 *
 * @throws {@link LoginError} `invalid_param` (status 500) unless an RSA private key.
 */
export function parsePartnerKey(key: unknown, operation = 'createOpenPlatform'): KeyObject {
  let parsed: KeyObject | undefined;
  try {
    if (typeof key === 'string') {
      parsed = key.includes('-----BEGIN')
        ? createPrivateKey(key)
        : createPrivateKey({
            key: Buffer.from(key.replace(/\s+/g, ''), 'base64'),
            format: 'der',
            type: 'pkcs8',
          });
    } else if (typeof key === 'object' && key !== null && (key as KeyObject).type === 'private') {
      parsed = key as KeyObject;
    }
  } catch {
    parsed = undefined;
  }
  if (parsed?.asymmetricKeyType === 'rsa') return parsed;
  throw invalidArgument(
    operation,
    'partnerKey',
    'an RSA private key (PEM, base64 PKCS#8 DER or a KeyObject)',
    describeSecret(key),
    500,
  );
}

/** Sign `fields` (without `signature`) with the partner key; base64. */
export function partnerSignature(fields: Readonly<Record<string, string>>, key: KeyObject): string {
  return sign('sha256', Buffer.from(canonicalString(fields), 'utf8'), key).toString('base64');
}
