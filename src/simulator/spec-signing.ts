/**
 * The open platform's SHA-256 signatures as the fakes compute them, written
 * from the spec and deliberately not shared with the signer
 * (`shared/signature.ts`): if either side built the string wrongly, the
 * other would now refuse it instead of agreeing. See WIRE-FACTS.md.
 *
 * - §2.4.1 / §5.1.1 / §5.1.2: token request signature = sha256 hex of
 *   `appId=…&nonceStr=…&secret=…&timestamp=…` (keys in ASCII order, values raw).
 * - §7.1 / §7.2: `upsdk.config` signature = sha256 hex of
 *   `appId=…&frontToken=…&nonceStr=…&timestamp=…&url=…`, url cut at `#`.
 * - §7.3: nonceStr of letters and digits, timestamp in seconds.
 */
import { sha256Hex } from '../shared/sha256.js';

/** `k1=v1&k2=v2…`, keys in ASCII order, values as they are (§2.4.1 "按照字段名的ASCII码从小到大排序"). */
export function specSigningString(fields: Readonly<Record<string, string>>): string {
  const pairs: string[] = [];
  for (const name of Object.keys(fields).sort()) pairs.push(name + '=' + fields[name]);
  return pairs.join('&');
}

/** sha256 hex (lower case) of {@link specSigningString}. */
export const specSha256 = (fields: Readonly<Record<string, string>>): string =>
  sha256Hex(specSigningString(fields));

/** §7.2: the signed url is the page URL "不包含#及其后面部分". */
export const urlBeforeHash = (url: string): string => url.split('#', 1)[0]!;

const LETTERS_AND_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A nonce of `length` letters and digits. The fakes need no uniformity (they
 * are never a security boundary), so a plain modulo over random bytes is enough.
 */
export function fakeNonce(length = 16): string {
  return Array.from(
    globalThis.crypto.getRandomValues(new Uint8Array(length)),
    (byte) => LETTERS_AND_DIGITS[byte % 62],
  ).join('');
}

/** §7.1: "timestamp … 时间戳（秒）". */
export const epochSeconds = (ms: number): string => String(Math.trunc(ms / 1000));
