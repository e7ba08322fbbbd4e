/** Client options, their documented defaults, and the one place they are merged. */
import type { SignerSource } from './signer-source.js';

/** The vendor's script; it must be loaded from this host (it derives its bridge URLs from its own src). */
export const VENDOR_SCRIPT_URL = 'https://open.95516.com/s/open/js/upsdk.js';

/** Default per-call timeout in milliseconds. */
export const DEFAULT_TIMEOUT = 15_000;

/** How the page unlocks upsdk. */
export type ClientMode = 'h5' | 'applet' | 'auto';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The appId UnionPay assigned; may instead come from the signer's answer. */
  readonly appId?: string | undefined;
  /**
   * Signs the page URL for `upsdk.config`: your signer endpoint's URL
   * (POST `{url}` → `{timestamp, nonceStr, signature}`) or an async function.
   * Required in `h5` mode.
   */
  readonly signer?: SignerSource | undefined;
  /**
   * `h5`: config with a signature, then `ready`. `applet` (UnionPay
   * mini-programs): `pluginReady`, no signature. `auto` (default): `h5` when
   * a signer is given, else `applet`.
   */
  readonly mode?: ClientMode | undefined;
  /** Default timeout of each call and of each start-up step, in ms. Default 15000. */
  readonly timeout?: number | undefined;
  /** Where upsdk.js is loaded from. Default the vendor URL. */
  readonly scriptUrl?: string | undefined;
  /** Passed to `upsdk.config`: the app toasts diagnostics. Never enable in production. Default false. */
  readonly debug?: boolean | undefined;
  /** The window to run in. Default the global `window`, looked up on first use. */
  readonly window?: Window | undefined;
  /** The fetch used to reach a signer URL. Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  readonly appId?: string | undefined;
  readonly signer?: SignerSource | undefined;
  readonly mode: 'h5' | 'applet';
  readonly timeout: number;
  readonly scriptUrl: string;
  readonly debug: boolean;
  readonly window: () => Window;
  readonly fetch: () => typeof fetch;
}

/** Merge defaults once, without touching `window` (SSR-safe). */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (!(timeout > 0)) throw new TypeError(`timeout must be > 0, got ${timeout}`);
  const mode = options.mode && options.mode !== 'auto' ? options.mode : options.signer ? 'h5' : 'applet';
  if (mode === 'h5' && !options.signer) throw new TypeError('h5 mode needs a signer');
  return {
    ...options,
    mode,
    timeout,
    scriptUrl: options.scriptUrl ?? VENDOR_SCRIPT_URL,
    debug: !!options.debug,
    window: () => options.window ?? globalThis.window,
    fetch: () => options.fetch ?? globalThis.fetch.bind(globalThis),
  };
}
