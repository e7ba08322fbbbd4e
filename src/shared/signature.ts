/**
 * The open platform's signing rules (spec §2.4.1, §7.1–§7.3), shared by the
 * signer and the simulator so both sides compute exactly the same strings.
 */
import { sha256Hex } from './sha256.js';

/** `k1=v1&k2=v2…` with keys in ascending order and raw (unencoded) values. */
export function canonicalString(fields: Readonly<Record<string, string>>): string {
  return Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&');
}

/** sha256 hex of the canonical string of `fields`. */
export function signFields(fields: Readonly<Record<string, string>>): string {
  return sha256Hex(canonicalString(fields));
}

/** The page URL as signed: everything before `#`. */
export function signableUrl(url: string): string {
  return url.split('#', 1)[0]!;
}

/** The five factors of an `upsdk.config` signature (§7.1). */
export interface ConfigSignatureFactors {
  readonly appId: string;
  readonly frontToken: string;
  readonly nonceStr: string;
  readonly timestamp: string;
  readonly url: string;
}

/** Signature for `upsdk.config` (§7.1): sha256 of the five sorted factors, url without `#…`. */
export function configSignature(factors: ConfigSignatureFactors): string {
  return signFields({ ...factors, url: signableUrl(factors.url) });
}

/** The four factors signing a frontToken/backendToken request (§2.4.1, §5.1). */
export interface TokenRequestFactors {
  readonly appId: string;
  readonly nonceStr: string;
  readonly timestamp: string;
  readonly secret: string;
}

/** Signature of a token request: sha256 of appId, nonceStr, secret, timestamp sorted. The secret is only hashed. */
export function tokenRequestSignature(factors: TokenRequestFactors): string {
  return signFields({ ...factors });
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A nonce of `length` characters of [A-Za-z0-9] drawn from `nextByte`
 * (uniform random bytes) without modulo bias: 248 = 4 × 62, so dropping the
 * top 8 byte values keeps every character equally likely.
 */
export function nonceFromBytes(nextByte: () => number, length = 16): string {
  let nonce = '';
  while (nonce.length < length) {
    const byte = nextByte();
    if (byte < 248) nonce += NONCE_ALPHABET[byte % 62];
  }
  return nonce;
}

/** 16 characters of [A-Za-z0-9] from a cryptographic RNG (§7.3), without modulo bias. */
export function createNonce(length = 16): string {
  const bytes = new Uint8Array(length * 2);
  let next = bytes.length;
  return nonceFromBytes(() => {
    if (next === bytes.length) {
      globalThis.crypto.getRandomValues(bytes);
      next = 0;
    }
    return bytes[next++]!;
  }, length);
}

/** Seconds since the epoch, as the spec's `timestamp` (a string of digits). */
export function unixTimestamp(nowMs: number = Date.now()): string {
  return String(Math.floor(nowMs / 1000));
}
