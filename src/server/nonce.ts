/**
 * nonceStr for the hot path (§7.3): 16 characters of [A-Za-z0-9] from a
 * cryptographic RNG, drawn from a pooled buffer. One `randomFillSync` per
 * ~250 nonces instead of one per request; same alphabet and the same
 * bias-free rejection as the shared `createNonce`.
 */
import { randomFillSync } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pool = Buffer.allocUnsafe(4096);
let offset = pool.length;

/** A fresh 16-character nonce. */
export function pooledNonce(): string {
  let nonce = '';
  while (nonce.length < 16) {
    if (offset === pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const byte = pool[offset++]!;
    // 248 = 4 × 62: dropping the top 8 values keeps every character equally likely.
    if (byte < 248) nonce += ALPHABET[byte % 62];
  }
  return nonce;
}
