/** Signer options, their documented defaults, and the one place they are checked and merged. */
import { checkRange, invalidOption, SignerError } from './errors.js';
import type { SignerLogger } from './events.js';
import { createMemoryStore } from './shared/memory-store.js';
import { worstCaseBackoff, type RetryPolicy } from './shared/retry.js';
import type { SignerStore } from './shared/store.js';
import { OPEN_PLATFORM_URL } from './upstream.js';

/** Options of {@link createSigner}. Durations are in milliseconds. */
export interface SignerOptions {
  /** The appId UnionPay assigned. */
  readonly appId: string;
  /** The app's secret. Only ever hashed into token requests; never sent, answered or logged. */
  readonly secret: string;
  /**
   * Origins whose pages may be signed: hosts (`example.com`, any port),
   * wildcards (`*.example.com`, subdomains only) or origins
   * (`https://example.com:8443`, scheme and port must match).
   */
  readonly allowedOrigins: readonly string[];
  /** Where tokens are shared. Default an in-memory store (one process). */
  readonly store?: SignerStore | undefined;
  /** The fetch used to reach the platform. Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** The platform's base URL. Default `https://open.95516.com`. */
  readonly baseUrl?: string | undefined;
  /** Refresh this long before expiry. Default 300000 (5 min), at most half a token's lifetime. */
  readonly refreshMargin?: number | undefined;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /** Bound on every upstream request. Default 5000. */
  readonly upstreamTimeout?: number | undefined;
  /** Attempts per refresh (timeouts, 5xx, unparseable or transient replies are retried). Default 3. */
  readonly upstreamAttempts?: number | undefined;
  /** First backoff bound before a retry, doubled each time, with full jitter. Default 200. */
  readonly retryDelay?: number | undefined;
  /** Hard cap on upstream token calls per appId per sliding minute, across instances. Default 60 (the platform blacklists at 1000). */
  readonly maxUpstreamCallsPerMinute?: number | undefined;
  /** After a refresh fails, no instance calls upstream for this long (a valid token still serves). Default 10000. */
  readonly failureCooldown?: number | undefined;
  /** A client's failure report invalidates a token at most this often per appId. Default 60000; at least 1000. */
  readonly invalidateInterval?: number | undefined;
  /** Bound on every store operation. Default 1000. */
  readonly storeTimeout?: number | undefined;
  /** Longest URL signed, `#…` excluded. Default 4096. */
  readonly maxUrlLength?: number | undefined;
  /** Receives events (refreshes, invalidations, failures); they never carry a token or the secret. */
  readonly log?: SignerLogger | undefined;
}

/** Options with every default applied. */
export interface ResolvedSignerOptions {
  readonly appId: string;
  readonly secret: string;
  readonly allowedOrigins: readonly string[];
  readonly store: SignerStore;
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
  readonly refreshMargin: number;
  readonly clock: () => number;
  readonly upstreamTimeout: number;
  readonly retry: RetryPolicy;
  readonly maxUpstreamCallsPerMinute: number;
  readonly failureCooldown: number;
  readonly invalidateInterval: number;
  readonly storeTimeout: number;
  readonly maxUrlLength: number;
  /** Longest a refresh can hold the lock: every attempt timing out plus every backoff, with slack. */
  readonly lockTtl: number;
  readonly log: SignerLogger;
}

const MINUTE = 60_000;

/** Check `options` and merge the defaults. Throws `invalid_param` errors naming the option. */
export function resolveSignerOptions(options: SignerOptions): ResolvedSignerOptions {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', 'an object', options);
  const { appId, secret } = options;
  if (typeof appId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(appId)) {
    throw invalidOption('appId', '1…64 characters of [A-Za-z0-9_-]', appId);
  }
  // Never echo the secret, not even in an error message.
  if (typeof secret !== 'string' || secret === '') {
    const got = typeof secret === 'string' ? 'an empty string' : `a value of type ${typeof secret}`;
    throw new SignerError({
      code: 'invalid_param',
      msg: `Expected \`secret\` to be a non-empty string, got ${got}`,
      status: 500,
    });
  }
  const clock = options.clock ?? Date.now;
  const upstreamTimeout = checkRange('upstreamTimeout', options.upstreamTimeout ?? 5_000, 1, 120_000);
  const retryDelay = checkRange('retryDelay', options.retryDelay ?? 200, 0, 60_000);
  const attempts = checkRange('upstreamAttempts', options.upstreamAttempts ?? 3, 1, 10);
  if (!Number.isInteger(attempts)) throw invalidOption('upstreamAttempts', 'an integer in 1…10', attempts);
  const retry: RetryPolicy = {
    attempts,
    baseDelayMs: retryDelay,
    maxDelayMs: Math.max(retryDelay, 2_000),
    random: Math.random,
  };
  const baseUrl = (options.baseUrl ?? OPEN_PLATFORM_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw invalidOption('baseUrl', 'an http(s) URL', options.baseUrl);
  return {
    appId,
    secret,
    allowedOrigins: options.allowedOrigins,
    store: options.store ?? createMemoryStore({ clock }),
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    baseUrl,
    refreshMargin: checkRange('refreshMargin', options.refreshMargin ?? 300_000, 0, 3_600_000),
    clock,
    upstreamTimeout,
    retry,
    maxUpstreamCallsPerMinute: checkRange(
      'maxUpstreamCallsPerMinute',
      options.maxUpstreamCallsPerMinute ?? 60,
      1,
      900,
    ),
    failureCooldown: checkRange('failureCooldown', options.failureCooldown ?? 10_000, 0, 10 * MINUTE),
    invalidateInterval: checkRange(
      'invalidateInterval',
      options.invalidateInterval ?? MINUTE,
      1_000,
      60 * MINUTE,
    ),
    storeTimeout: checkRange('storeTimeout', options.storeTimeout ?? 1_000, 1, MINUTE),
    maxUrlLength: checkRange('maxUrlLength', options.maxUrlLength ?? 4096, 16, 65_536),
    lockTtl: attempts * upstreamTimeout + worstCaseBackoff(retry) + 2_000,
    log: options.log ?? (() => undefined),
  };
}
