/**
 * `createSigner`: the framework-agnostic core. Signs page URLs for
 * `upsdk.config` (spec §7.1) with a cached, shared frontToken, and hands out
 * both tokens to server code.
 */
import { hash, randomUUID } from 'node:crypto';
import { unixTimestamp } from '../shared/signature.js';
import { pooledNonce } from './nonce.js';
import { SignerError, UpstreamError } from './errors.js';
import { createOriginPolicy } from './origin-policy.js';
import { resolveSignerOptions, type SignerOptions } from './options.js';
import { withRetries } from './shared/retry.js';
import type { InvalidateOutcome, TokenRecord } from './shared/store.js';
import { createStoreHealth } from './store-health.js';
import { TokenCache } from './token-cache.js';
import { requestToken, type FetchedToken, type TokenKind } from './upstream.js';

/** What the signer answers for one page URL; matches the endpoint's 200 body. */
export interface SignatureResult {
  readonly appId: string;
  /** Seconds since the epoch, as signed. */
  readonly timestamp: string;
  /** 16 random characters of [A-Za-z0-9]. */
  readonly nonceStr: string;
  /** sha256 hex of appId, frontToken, nonceStr, timestamp and url, sorted (§7.1). */
  readonly signature: string;
  /** Identifies the frontToken used; a client whose config fails reports it back. */
  readonly tokenId: string;
}

/** A client's report that the previous signature failed in `upsdk.config`. */
export interface SignReport {
  /** True when the previous config with this URL failed. */
  readonly retry?: boolean | undefined;
  /** `tokenId` of the failed signature. */
  readonly tokenId?: string | undefined;
}

/** A token handed to server code. */
export interface IssuedToken {
  /** The token. Keep it on the server. */
  readonly token: string;
  /** Its public identifier, for {@link Signer.invalidate}. */
  readonly tokenId: string;
  /** Milliseconds since the epoch when it expires. */
  readonly expiresAt: number;
}

/** A signer; see {@link createSigner}. */
export interface Signer {
  /** The appId signed for. */
  readonly appId: string;
  /**
   * Sign `url` for `upsdk.config`. With `{retry: true, tokenId}` the token
   * is first replaced, if `tokenId` is still current and no report was
   * honoured in the last minute; until a replacement has been fetched (the
   * platform may be down) the current token keeps serving.
   *
   * @throws {@link SignerError} `invalid_url` (400), `origin_not_allowed` (403), `rate_limited` (429),
   *   `store_unavailable` (503), or an {@link UpstreamError} (502).
   * @example
   * ```ts
   * const { timestamp, nonceStr, signature } = await signer.sign('https://m.example.com/pay?id=1');
   * ```
   */
  sign(url: string, report?: SignReport): Promise<SignatureResult>;
  /**
   * The current frontToken (cached, shared, refreshed ahead of expiry).
   *
   * @example
   * ```ts
   * const { token } = await signer.frontToken();
   * ```
   */
  frontToken(): Promise<IssuedToken>;
  /**
   * The current backendToken, for your own calls to the platform's backend APIs.
   *
   * @example
   * ```ts
   * const { token, tokenId } = await signer.backendToken();
   * ```
   */
  backendToken(): Promise<IssuedToken>;
  /**
   * Report that the platform rejected a token (e.g. code `a10` from a backend
   * API): replaces it under the same rules as a client's report, and
   * resolves once the replacement was fetched (or failed: the token stays).
   *
   * @example
   * ```ts
   * if (platformReply.resp === 'a10') await signer.invalidate(tokenId, 'backendToken');
   * ```
   */
  invalidate(tokenId: string, kind?: TokenKind): Promise<InvalidateOutcome>;
  /**
   * Whether a browser `Origin` header is allowed.
   *
   * @example
   * ```ts
   * signer.allowsOrigin('https://m.example.com'); // true with allowedOrigins ['*.example.com']
   * ```
   */
  allowsOrigin(origin: string): boolean;
}

// One-shot `hash` (Node ≥ 20.12) costs less than half of createHash().update().digest() per call.
const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** Key of the signer's internal synchronous fast path (see {@link signNow}). */
const SIGN_NOW = Symbol('upsdk-kit.signNow');
type SignNow = (url: unknown, report: SignReport) => SignatureResult | undefined;

/**
 * Sign at once when `signer` is ours and holds a fresh token and `report` is
 * no retry; `undefined` means "use `sign`". Throws like `sign` for a bad URL.
 */
export function signNow(signer: Signer, url: unknown, report: SignReport): SignatureResult | undefined {
  return (signer as Signer & { readonly [SIGN_NOW]?: SignNow })[SIGN_NOW]?.(url, report);
}

/**
 * Create a signer.
 *
 * @example
 * ```ts
 * const signer = createSigner({
 *   appId: process.env.UPSDK_APP_ID!,
 *   secret: process.env.UPSDK_SECRET!,
 *   allowedOrigins: ['m.example.com', '*.example.com'],
 * });
 * const result = await signer.sign('https://m.example.com/pay#top');
 * ```
 */
export function createSigner(options: SignerOptions): Signer {
  const config = resolveSignerOptions(options);
  const { appId, store, clock, log } = config;
  const policy = createOriginPolicy(config.allowedOrigins, config.maxUrlLength);
  const owner = randomUUID();
  const rateKey = `{${appId}}:upstream-calls`;
  const health = createStoreHealth({ timeout: config.storeTimeout, clock, log });

  const attemptOnce = async (kind: TokenKind): Promise<FetchedToken> => {
    const taking = store.take(rateKey, config.maxUpstreamCallsPerMinute, 60_000);
    const wait = await health.guard('take', taking);
    if (wait > 0) {
      throw new SignerError({
        code: 'rate_limited',
        msg: `${kind}: ${config.maxUpstreamCallsPerMinute} upstream calls in the last minute; refusing more`,
        status: 429,
        retryAfter: Math.ceil(wait / 1000),
      });
    }
    return requestToken(kind, { ...config, timeoutMs: config.upstreamTimeout });
  };
  const fetchToken = (kind: TokenKind): Promise<FetchedToken> =>
    withRetries(
      () => attemptOnce(kind),
      config.retry,
      (error) => error instanceof UpstreamError && error.retryable,
      (error, attempt) => {
        const code = error instanceof SignerError ? error.code : 'unknown';
        const retryable = error instanceof UpstreamError && error.retryable;
        log({ type: 'upstream_failed', kind, code, attempt, retryable });
      },
    );

  const cacheFor = (kind: TokenKind): TokenCache =>
    new TokenCache({
      kind,
      appId,
      store,
      owner,
      clock,
      refreshMargin: config.refreshMargin,
      revalidateInterval: 1_000,
      lockTtl: config.lockTtl,
      waitTimeout: config.lockTtl,
      pollInterval: 50,
      failureCooldown: config.failureCooldown,
      invalidateInterval: config.invalidateInterval,
      health,
      // A background check of a dead store at most every 30 s (it doubles from 1 s while failing).
      maxRecheckInterval: 30_000,
      fetchToken,
      log,
    });
  const caches: Readonly<Record<TokenKind, TokenCache>> = {
    frontToken: cacheFor('frontToken'),
    backendToken: cacheFor('backendToken'),
  };

  const signWith = (url: string, record: TokenRecord): SignatureResult => {
    const timestamp = unixTimestamp(clock());
    const nonceStr = pooledNonce();
    // canonicalString() of the five §7.1 factors, written out: the keys are already in sorted
    // order, and sorting them on every request is measurable on the hot path (tests pin the equality).
    const canonical = `appId=${appId}&frontToken=${record.token}&nonceStr=${nonceStr}&timestamp=${timestamp}&url=${url}`;
    return { appId, timestamp, nonceStr, signature: sha256Hex(canonical), tokenId: record.tokenId };
  };
  const signNowImpl: SignNow = (url, report) => {
    if (report.retry === true) return undefined;
    const signable = policy.check(url);
    const record = caches.frontToken.peek();
    return record && signWith(signable, record);
  };

  const issued = async (kind: TokenKind): Promise<IssuedToken> => {
    const { token, tokenId, expiresAt } = await caches[kind].get();
    return { token, tokenId, expiresAt };
  };

  return {
    appId,
    async sign(url, report = {}) {
      const signable = policy.check(url);
      const { retry, tokenId } = report;
      if (retry === true && typeof tokenId === 'string' && tokenId !== '') {
        // A broken store must not turn a retry into an error: sign with what we have.
        await caches.frontToken.report(tokenId).catch(() => undefined);
      }
      return signWith(signable, await caches.frontToken.get());
    },
    frontToken: () => issued('frontToken'),
    backendToken: () => issued('backendToken'),
    invalidate: (tokenId, kind = 'frontToken') => caches[kind].report(tokenId),
    allowsOrigin: (origin) => policy.allowsOrigin(origin),
    [SIGN_NOW]: signNowImpl,
  } as Signer;
}
