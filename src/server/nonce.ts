/**
 * nonceStr for the hot path (§7.3): the shared bias-free nonce, drawn from a
 * pooled buffer — one `randomFillSync` per ~250 nonces instead of one per request.
 */
import { randomFillSync } from 'node:crypto';
import { nonceFromBytes } from '../shared/signature.js';

const pool = Buffer.allocUnsafe(4096);
let offset = pool.length;

const nextPooledByte = (): number => {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  return pool[offset++]!;
};

/** A fresh 16-character nonce. */
export function pooledNonce(): string {
  return nonceFromBytes(nextPooledByte);
}
