/** The default store: one process's memory, honouring the same contract as Redis. */
import type { InvalidateOutcome, SignerStore, TokenRecord } from './store.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Milliseconds since the epoch, for expiries. Default `Date.now`; pass the signer's `clock` in tests. */
  readonly clock?: (() => number) | undefined;
}

interface Entry<T> {
  readonly value: T;
  readonly expiresAt: number;
}

/**
 * Create an in-memory {@link SignerStore}. Enough for one process; use
 * {@link createRedisStore} when several instances share an appId.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * const signer = createSigner({ appId, secret, allowedOrigins: ['example.com'], store });
 * ```
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): SignerStore {
  const clock = options.clock ?? Date.now;
  const records = new Map<string, Entry<TokenRecord>>();
  const locks = new Map<string, Entry<string>>();
  const windows = new Map<string, number[]>();

  const live = <T>(map: Map<string, Entry<T>>, key: string): T | undefined => {
    const entry = map.get(key);
    if (entry && entry.expiresAt > clock()) return entry.value;
    map.delete(key);
    return undefined;
  };
  const lock = (key: string, owner: string, ttlMs: number): boolean => {
    if (live(locks, key) !== undefined) return false;
    locks.set(key, { value: owner, expiresAt: clock() + ttlMs });
    return true;
  };

  // The store interface is asynchronous (Redis); in memory the methods are async so a throw still arrives as a rejection.
  /* eslint-disable @typescript-eslint/require-await */
  return {
    read: async (key) => live(records, key),
    async write(key, record, ttlMs) {
      const current = live(records, key);
      if (current && current.version >= record.version) return false;
      records.set(key, { value: { ...record }, expiresAt: clock() + ttlMs });
      return true;
    },
    async invalidate(key, tokenId, gateKey, gateMs): Promise<InvalidateOutcome> {
      const entry = records.get(key);
      const current = live(records, key);
      if (!entry || !current || current.token === '' || current.tokenId !== tokenId) return 'stale';
      if (!lock(gateKey, tokenId, gateMs)) return 'limited';
      records.set(key, {
        value: { ...current, token: '', version: current.version + 1 },
        expiresAt: entry.expiresAt,
      });
      return 'invalidated';
    },
    lock: async (key, owner, ttlMs) => lock(key, owner, ttlMs),
    async unlock(key, owner) {
      if (live(locks, key) === owner) locks.delete(key);
    },
    async extend(key, owner, ttlMs) {
      if (live(locks, key) !== owner) return false;
      locks.set(key, { value: owner, expiresAt: clock() + ttlMs });
      return true;
    },
    async remaining(key) {
      return live(locks, key) === undefined ? 0 : Math.max(0, (locks.get(key)?.expiresAt ?? 0) - clock());
    },
    async take(key, limit, windowMs) {
      const now = clock();
      const recent = (windows.get(key) ?? []).filter((at) => at > now - windowMs);
      windows.set(key, recent);
      if (recent.length >= limit) return Math.max(1, (recent[0] ?? now) + windowMs - now);
      recent.push(now);
      return 0;
    },
  };
  /* eslint-enable @typescript-eslint/require-await */
}
