/**
 * Decryption of the platform's sensitive user fields (spec §2.4.2):
 * 3DES-EDE, ECB, PKCS#5 padding, base64 ciphertext, the key (`symmetricKey`)
 * given as hex. A wrong key must fail loudly: the padding check catches
 * almost every wrong key, and the rest is caught by requiring valid UTF-8
 * text without control characters — the fields are names, numbers and codes.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { LoginError, invalidArgument } from './errors.js';

const KEY_PATTERN = /^[0-9a-fA-F]{48}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// C0 controls and DEL: never in a phone number, a name or a certificate id.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Describe a secret without showing it. */
export const describeSecret = (value: unknown): string =>
  typeof value === 'string'
    ? `a string of ${value.length} characters`
    : String(value === null ? null : typeof value);

/**
 * Check a `symmetricKey` option and turn it into key bytes.
 *
 * @throws {@link LoginError} `invalid_param` (status 500: a configuration error) unless 48 hex digits.
 */
export function parseSymmetricKey(keyHex: unknown, operation = 'symmetricKey'): Buffer {
  if (typeof keyHex !== 'string' || !KEY_PATTERN.test(keyHex)) {
    throw invalidArgument(
      operation,
      'symmetricKey',
      '48 hex digits (a 24-byte 3DES key)',
      describeSecret(keyHex),
      500,
    );
  }
  return Buffer.from(keyHex, 'hex');
}

const decryptFailed = (field: string, why: string): LoginError =>
  new LoginError({
    code: 'decrypt_failed',
    msg: `could not decrypt \`${field}\` with the symmetricKey: ${why}. Check that symmetricKey is the key UnionPay issued for this appId`,
    plugin: 'decrypt3des',
    status: 502,
  });

/**
 * Decrypt one field the platform sent encrypted. An empty value decrypts to
 * `''`, as in the vendor's reference code.
 *
 * @param value - base64 ciphertext from `user.mobile` / `user.auth`.
 * @param symmetricKey - the hex key UnionPay issued (48 hex digits).
 * @param field - the field's name, for the error message.
 * @returns the UTF-8 plaintext.
 * @throws {@link LoginError} `decrypt_failed` for a wrong key or a damaged value; `invalid_param` for a malformed key.
 * @example
 * ```ts
 * decrypt3des('lst7/3YbD5ojqDEH0uSHKg==', '0123456789abcdeffedcba987654321089abcdef01234567'); // '13800138000'
 * ```
 */
export function decrypt3des(value: string, symmetricKey: string | Buffer, field = 'value'): string {
  const key = typeof symmetricKey === 'string' ? parseSymmetricKey(symmetricKey) : symmetricKey;
  if (value === '') return '';
  const compact = value.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw decryptFailed(field, 'the value is not base64');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length === 0 || bytes.length % 8 !== 0) {
    throw decryptFailed(field, `${bytes.length} bytes is not a whole number of 8-byte blocks`);
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('des-ede3', key, null);
    plain = Buffer.concat([decipher.update(bytes), decipher.final()]);
  } catch {
    throw decryptFailed(field, 'the padding is wrong (most likely the wrong key)');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw decryptFailed(field, 'the result is not UTF-8 text (most likely the wrong key)');
  }
  if (CONTROL.test(text))
    throw decryptFailed(field, 'the result contains control characters (most likely the wrong key)');
  return text;
}

/**
 * Encrypt one field for the platform (spec §5.7.1, §5.8): 3DES-EDE, ECB,
 * PKCS#5 padding, base64 out — the inverse of {@link decrypt3des}.
 *
 * @example
 * ```ts
 * encrypt3des('13800138000', '0123456789abcdeffedcba987654321089abcdef01234567'); // 'lst7/3YbD5ojqDEH0uSHKg=='
 * ```
 */
export function encrypt3des(value: string, symmetricKey: string | Buffer): string {
  const key = typeof symmetricKey === 'string' ? parseSymmetricKey(symmetricKey) : symmetricKey;
  const cipher = createCipheriv('des-ede3', key, null);
  return Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]).toString('base64');
}
