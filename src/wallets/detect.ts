/**
 * Which wallet app hosts the page, read from the user agent: the UnionPay
 * app by the markers the core already knows, WeChat by `MicroMessenger`
 * (and its mini-program web-view by `miniProgram`), Alipay by `AlipayClient`.
 */
import { detectEnvironment } from '../client/environment.js';

/** The wallet app a page runs in. */
export type WalletHost =
  | { readonly wallet: 'unionpay' }
  | {
      readonly wallet: 'wechat';
      /**
       * Inside a mini-program's `<web-view>`: WeChat does not let such a page
       * pay through `WeixinJSBridge`; the mini-program itself must call
       * `wx.requestPayment`.
       */
      readonly miniProgram: boolean;
    }
  | { readonly wallet: 'alipay' }
  | { readonly wallet: 'none' };

/** The wallet names, `none` excluded. */
export type WalletName = Exclude<WalletHost['wallet'], 'none'>;

/** A window (or something shaped like one) whose user agent can be read. */
export interface UserAgentSource {
  readonly navigator?: { readonly userAgent?: string | undefined } | undefined;
  /** WeChat sets this to `'miniprogram'` in a mini-program web-view (iOS omits the UA token early on). */
  readonly __wxjs_environment?: unknown;
}

const currentWindow = (): UserAgentSource | undefined => (typeof window === 'undefined' ? undefined : window);

/**
 * Tell which wallet app the page runs in.
 *
 * @param source - a user agent string, or a window; default the global window (none during SSR).
 * @returns `{ wallet: 'unionpay' | 'wechat' | 'alipay' | 'none' }`, with `miniProgram` for WeChat.
 * @example
 * ```ts
 * const host = detectWallet();
 * const order = await fetch(`/orders?wallet=${host.wallet}`).then((r) => r.json());
 * ```
 */
export function detectWallet(source: string | UserAgentSource | undefined = currentWindow()): WalletHost {
  const userAgent = typeof source === 'string' ? source : (source?.navigator?.userAgent ?? '');
  // UnionPay first: its own tokens are decisive even if a wallet SDK string also appears.
  if (detectEnvironment(userAgent).inApp) return { wallet: 'unionpay' };
  if (/MicroMessenger/i.test(userAgent)) {
    const flagged = typeof source === 'object' && source.__wxjs_environment === 'miniprogram';
    return { wallet: 'wechat', miniProgram: flagged || /miniProgram/i.test(userAgent) };
  }
  if (/AlipayClient/i.test(userAgent)) return { wallet: 'alipay' };
  return { wallet: 'none' };
}
