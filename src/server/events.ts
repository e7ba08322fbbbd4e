/** What the signer reports to its `log` option. Events carry token ids, never tokens or the secret. */
import type { TokenKind } from './upstream.js';

/** One thing that happened inside the signer, for logs and metrics. */
export type SignerEvent =
  /** A token was fetched from the platform and stored. */
  | {
      readonly type: 'token_refreshed';
      readonly kind: TokenKind;
      readonly tokenId: string;
      readonly expiresIn: number;
    }
  /** A report of a failed config was accepted: a replacement is fetched (the token serves until it lands). */
  | { readonly type: 'token_invalidated'; readonly kind: TokenKind; readonly tokenId: string }
  /** A report was ignored: `stale` (not the current token) or `limited` (invalidated less than a minute ago). */
  | {
      readonly type: 'invalidation_refused';
      readonly kind: TokenKind;
      readonly tokenId: string;
      readonly reason: 'stale' | 'limited';
    }
  /** A reported token could not be replaced (the platform failed): it was kept, and serves on. */
  | { readonly type: 'token_restored'; readonly kind: TokenKind; readonly tokenId: string }
  /** The shared store had lost this instance's token (a restarted Redis); it was written back instead of refetched. */
  | { readonly type: 'token_reseeded'; readonly kind: TokenKind; readonly tokenId: string }
  /** One upstream attempt failed. */
  | {
      readonly type: 'upstream_failed';
      readonly kind: TokenKind;
      readonly code: string;
      readonly attempt: number;
      readonly retryable: boolean;
    }
  /** A refresh gave up; `code` says why. */
  | { readonly type: 'refresh_failed'; readonly kind: TokenKind; readonly code: string }
  /** The store failed (`op` and the error's name): it is now considered down. Logged once per outage. */
  | { readonly type: 'store_down'; readonly op: string; readonly error: string }
  /** While down: `failures` more store operations failed in the last `sinceMs` (at most one such event every 10 s). */
  | { readonly type: 'store_errors'; readonly failures: number; readonly sinceMs: number }
  /** The store answered again after `downMs`, during which `failures` operations failed. */
  | { readonly type: 'store_up'; readonly downMs: number; readonly failures: number };

/** Receives {@link SignerEvent}s. */
export type SignerLogger = (event: SignerEvent) => void;
