/**
 * The storage contract behind the token cache. Every method is one atomic
 * step, so the cache's coordination (one refresh per token lifetime across
 * instances) holds for any store that honours it: in memory, Redis, or
 * your own.
 */

/** A cached token, or the tombstone of an invalidated one (`token === ''`). */
export interface TokenRecord {
  /** The token itself; empty for a tombstone. Never logged, never answered. */
  readonly token: string;
  /** Random, public identifier of the token (sent to browsers, reported back on failure). */
  readonly tokenId: string;
  /** Grows by one with every write of the key; a write never replaces a record of equal or higher version. */
  readonly version: number;
  /** Milliseconds since the epoch when the token was fetched. */
  readonly issuedAt: number;
  /** Milliseconds since the epoch when the platform stops accepting it. */
  readonly expiresAt: number;
}

/** What {@link SignerStore.invalidate} did. */
export type InvalidateOutcome =
  /** The token was current and is now a tombstone. */
  | 'invalidated'
  /** The key holds another token (or none): the report is stale. */
  | 'stale'
  /** The token is current but the gate is closed: invalidated less than `gateMs` ago. */
  | 'limited';

/**
 * Storage for shared token state. Keys arrive fully formed from the cache
 * (they carry the appId); a store may add its own prefix.
 *
 * @example
 * ```ts
 * const signer = createSigner({ appId, secret, allowedOrigins, store: createMemoryStore() });
 * ```
 */
export interface SignerStore {
  /** The record under `key`, tombstones included. */
  read(key: string): Promise<TokenRecord | undefined>;
  /**
   * Store `record` for `ttlMs` unless the key holds a record of equal or
   * higher version. Resolves whether it was written.
   */
  write(key: string, record: TokenRecord, ttlMs: number): Promise<boolean>;
  /**
   * In one step: if `key` holds a live token with `tokenId` and `gateKey` is
   * free, take `gateKey` for `gateMs` and replace the token with a tombstone
   * of the next version.
   */
  invalidate(key: string, tokenId: string, gateKey: string, gateMs: number): Promise<InvalidateOutcome>;
  /** Take `key` for `owner` if free (SET NX PX). Resolves whether taken. */
  lock(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Free `key` if `owner` still holds it. */
  unlock(key: string, owner: string): Promise<void>;
  /**
   * Keep `key` for another `ttlMs` if `owner` still holds it (a lease renewed while its work
   * runs). Resolves whether it was extended.
   */
  extend(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Milliseconds until `key` (a lock or marker) expires; 0 when absent. */
  remaining(key: string): Promise<number>;
  /**
   * Sliding-window limiter: record one event under `key` if fewer than
   * `limit` happened in the last `windowMs`. Resolves 0 when recorded, else
   * the milliseconds until a slot frees.
   */
  take(key: string, limit: number, windowMs: number): Promise<number>;
}

/** Whether `record` is a token (not a tombstone) still accepted `atMs`. */
export function isLive(record: TokenRecord | undefined, atMs: number): record is TokenRecord {
  return record !== undefined && record.token !== '' && record.expiresAt > atMs;
}
