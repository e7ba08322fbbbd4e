/**
 * One token kind's cache for one appId. Requests are served from an
 * in-process copy; the shared store decides who refreshes: a lock with an
 * owner and an expiry, so across every instance there is one upstream
 * refresh per token lifetime, while the others wait and read its result.
 */
import { randomUUID } from 'node:crypto';
import { SignerError, UpstreamError } from './errors.js';
import type { SignerLogger } from './events.js';
import type { StoreHealth } from './store-health.js';
import { sleep } from './shared/retry.js';
import { isLive, type InvalidateOutcome, type SignerStore, type TokenRecord } from './shared/store.js';
import type { FetchedToken, TokenKind } from './upstream.js';

/** Everything a cache needs; durations in ms. */
export interface TokenCacheConfig {
  readonly kind: TokenKind;
  readonly appId: string;
  readonly store: SignerStore;
  /** Identifies this instance as lock owner. */
  readonly owner: string;
  readonly clock: () => number;
  readonly refreshMargin: number;
  /** How often the in-process copy is compared with the store. */
  readonly revalidateInterval: number;
  readonly lockTtl: number;
  /** How long a caller waits for another instance's refresh. */
  readonly waitTimeout: number;
  readonly pollInterval: number;
  readonly failureCooldown: number;
  readonly invalidateInterval: number;
  /** Guards every store operation (timeout, outage logging). */
  readonly health: StoreHealth;
  /** Longest pause between background store checks while they fail (doubling from `revalidateInterval`). */
  readonly maxRecheckInterval: number;
  /** Fetch a token upstream (with retries and the rate cap). */
  readonly fetchToken: (kind: TokenKind) => Promise<FetchedToken>;
  readonly log: SignerLogger;
}

/** A token cache; see the module comment. */
export class TokenCache {
  private memo: TokenRecord | undefined;
  private checkedAt = 0;
  /** Pause before the next background check: `revalidateInterval`, doubled after each failed check. */
  private recheckAfter: number;
  private refreshing: Promise<TokenRecord> | undefined;
  private revalidating: Promise<void> | undefined;
  private readonly key: string;

  constructor(private readonly config: TokenCacheConfig) {
    // The braces make a Redis Cluster hash tag: one app's keys share a slot.
    this.key = `{${config.appId}}:${config.kind}`;
    this.recheckAfter = config.revalidateInterval;
  }

  /** The in-process token if it is fresh, without waiting for anything; else undefined. */
  peek(): TokenRecord | undefined {
    const now = this.config.clock();
    const memo = this.memo;
    if (!memo || !this.isFresh(memo, now)) return undefined;
    if (now - this.checkedAt >= this.recheckAfter) this.background(this.revalidate());
    return memo;
  }

  /** A live token: the in-process copy when fresh, else after a (shared) refresh. */
  get(): Promise<TokenRecord> {
    const fresh = this.peek();
    if (fresh) return Promise.resolve(fresh);
    const memo = this.memo;
    if (!isLive(memo, this.config.clock())) return this.refresh();
    // Ahead of expiry: keep answering with the valid token while one refresh runs.
    this.background(this.refresh());
    return Promise.resolve(memo);
  }

  /**
   * Handle a report that `tokenId` failed: if it is still current, at most once per interval,
   * fetch a replacement and swap it in. The reported token keeps serving until the replacement
   * has actually been fetched, so a report (anonymous, during an outage) never leaves us worse off.
   */
  async report(tokenId: string): Promise<InvalidateOutcome> {
    const { kind, invalidateInterval } = this.config;
    const outcome = await this.op(
      'invalidate',
      this.config.store.invalidate(this.key, tokenId, `${this.key}:invalidated`, invalidateInterval),
    );
    if (outcome === 'invalidated') {
      this.config.log({ type: 'token_invalidated', kind, tokenId });
      await this.refresh();
    } else {
      this.config.log({ type: 'invalidation_refused', kind, tokenId, reason: outcome });
      if (outcome === 'stale') await this.catchUp(tokenId);
    }
    return outcome;
  }

  /** After a stale report: wait for a replacement another instance is fetching, else just re-read the store. */
  private async catchUp(tokenId: string): Promise<void> {
    const stored = await this.op('read', this.config.store.read(this.key));
    if (stored?.token === '' && stored.tokenId === tokenId) await this.refresh();
    else await this.revalidate();
  }

  /**
   * What may serve while a refresh runs or after it failed: the stored token while live, or our
   * copy of a reported token (its tombstone is in the store) until a replacement lands.
   */
  private fallbackFor(stored: TokenRecord | undefined): TokenRecord | undefined {
    const now = this.config.clock();
    const tombstone: TokenRecord | undefined = stored; // (isLive's guard would narrow `stored` to never below)
    if (isLive(stored, now)) return stored;
    const memo = this.memo;
    const reported = tombstone?.token === '' && memo?.tokenId === tombstone.tokenId;
    return reported && isLive(memo, now) ? memo : undefined;
  }

  private isFresh(record: TokenRecord, now: number): boolean {
    if (!isLive(record, now)) return false;
    // Never let the margin swallow a short lifetime, or every request would refresh.
    const margin = Math.min(this.config.refreshMargin, (record.expiresAt - record.issuedAt) / 2);
    return record.expiresAt - now > margin;
  }

  private adopt(record: TokenRecord): TokenRecord {
    this.memo = record;
    this.checkedAt = this.config.clock();
    return record;
  }

  private background(task: Promise<unknown>): void {
    // Failures were logged where they happened; the next request tries again.
    task.catch(() => undefined);
  }

  private op<T>(name: string, promise: Promise<T>): Promise<T> {
    return this.config.health.guard(name, promise);
  }

  private revalidate(): Promise<void> {
    this.revalidating ??= this.compareWithStore().finally(() => (this.revalidating = undefined));
    return this.revalidating;
  }

  private async compareWithStore(): Promise<void> {
    const { revalidateInterval, maxRecheckInterval } = this.config;
    // Counted from the attempt: a failing store is re-checked after a growing pause, not on every request.
    this.checkedAt = this.config.clock();
    let stored: TokenRecord | undefined;
    try {
      stored = await this.op('read', this.config.store.read(this.key));
      this.recheckAfter = revalidateInterval;
    } catch (error) {
      this.recheckAfter = Math.min(maxRecheckInterval, this.recheckAfter * 2);
      throw error;
    }
    const memo = this.memo;
    const now = this.config.clock();
    if (!memo) return;
    if (stored === undefined || stored.version < memo.version) {
      // The store lost our token (a restarted Redis without persistence): put it back rather than refetch.
      if (!isLive(memo, now)) return;
      await this.op('write', this.config.store.write(this.key, memo, memo.expiresAt - now));
      this.config.log({ type: 'token_reseeded', kind: this.config.kind, tokenId: memo.tokenId });
    } else if (stored.version > memo.version || stored.tokenId !== memo.tokenId) {
      // A tombstone of our own token: its replacement is being fetched; keep serving ours until it lands.
      if (this.fallbackFor(stored) === memo) return;
      this.memo = isLive(stored, now) ? stored : undefined;
    }
  }

  private refresh(): Promise<TokenRecord> {
    this.refreshing ??= this.refreshShared().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshShared(): Promise<TokenRecord> {
    const { store, clock, owner, lockTtl, waitTimeout, pollInterval } = this.config;
    const deadline = clock() + waitTimeout;
    for (;;) {
      const stored = await this.op('read', store.read(this.key));
      if (stored && this.isFresh(stored, clock())) return this.adopt(stored);
      if (!this.fallbackFor(stored)) await this.failIfCooling();
      if (await this.op('lock', store.lock(`${this.key}:lock`, owner, lockTtl))) {
        try {
          return await this.refreshLocked();
        } finally {
          await this.op('unlock', store.unlock(`${this.key}:lock`, owner)).catch(() => undefined);
        }
      }
      // Another instance is refreshing; a still-valid token serves meanwhile.
      if (isLive(stored, clock())) return this.adopt(stored);
      if (clock() >= deadline) {
        throw new UpstreamError({
          code: 'refresh_wait_timeout',
          msg: `${this.config.kind}: waited ${waitTimeout} ms for another instance's refresh`,
          retryable: true,
          retryAfter: 1,
        });
      }
      await sleep(pollInterval * (0.5 + Math.random()));
    }
  }

  private async failIfCooling(): Promise<void> {
    const cooling = await this.op('remaining', this.config.store.remaining(`${this.key}:cooldown`));
    if (cooling > 0) {
      throw new UpstreamError({
        code: 'upstream_cooldown',
        msg: `${this.config.kind}: the platform failed recently; next try in ${Math.ceil(cooling / 1000)} s`,
        retryable: true,
        retryAfter: Math.ceil(cooling / 1000),
      });
    }
  }

  /** No replacement could be fetched: go on with `fallback`, writing a reported token back over its tombstone. */
  private async keep(fallback: TokenRecord, stored: TokenRecord | undefined): Promise<TokenRecord> {
    if (fallback === stored || !stored) return this.adopt(fallback);
    const restored: TokenRecord = { ...fallback, version: stored.version + 1 };
    const ttl = restored.expiresAt - this.config.clock();
    await this.op('write', this.config.store.write(this.key, restored, ttl)).catch(() => false);
    this.config.log({ type: 'token_restored', kind: this.config.kind, tokenId: restored.tokenId });
    return this.adopt(restored);
  }

  /** Holding the lock: check again, then fetch, store and adopt. */
  private async refreshLocked(): Promise<TokenRecord> {
    const { store, clock, kind } = this.config;
    const stored = await this.op('read', store.read(this.key));
    if (stored && this.isFresh(stored, clock())) return this.adopt(stored);
    const fallback = this.fallbackFor(stored);
    if (!fallback) await this.failIfCooling();
    let fetched: FetchedToken;
    try {
      fetched = await this.config.fetchToken(kind);
    } catch (error) {
      const code = error instanceof SignerError ? error.code : 'unknown';
      this.config.log({ type: 'refresh_failed', kind, code });
      if (error instanceof UpstreamError && this.config.failureCooldown > 0) {
        await this.op(
          'lock',
          store.lock(`${this.key}:cooldown`, this.config.owner, this.config.failureCooldown),
        ).catch(() => undefined);
      }
      if (fallback) return this.keep(fallback, stored);
      throw error;
    }
    const issuedAt = clock();
    const record: TokenRecord = {
      token: fetched.token,
      tokenId: randomUUID().replace(/-/g, '').slice(0, 16),
      version: Math.max(stored?.version ?? 0, this.memo?.version ?? 0) + 1,
      issuedAt,
      expiresAt: issuedAt + fetched.expiresIn * 1000,
    };
    const written = await this.op('write', store.write(this.key, record, fetched.expiresIn * 1000)).catch(
      () => true,
    );
    if (!written) {
      const newer = await this.op('read', store.read(this.key)).catch(() => undefined);
      if (isLive(newer, clock())) return this.adopt(newer);
    }
    this.config.log({ type: 'token_refreshed', kind, tokenId: record.tokenId, expiresIn: fetched.expiresIn });
    return this.adopt(record);
  }
}
