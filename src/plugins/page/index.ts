/**
 * Page plugins (spec §6.5, §6.6, §6.9, §6.10, §6.14): the title bar, the
 * toast, the share sheet, closing the web view. The right-hand title-bar
 * button lives in `right-button.ts`, because its click handler is a listener.
 */
import type { UpsdkCore } from '../../client/client.js';
import { bindPlugins, definePlugin, type CallControl } from '../define.js';
import { anyText, httpUrl, optional, text } from '../validate.js';

/** Wire shapes of the page plugins, as `client.call` sends them. */
export interface PagePluginMap {
  setNavigationBarTitle: { params: { title: string }; result: void };
  setNavigationBarRightButton: { params: { title?: string; image?: string }; result: void };
  closeWebApp: { params: Record<string, never>; result: void };
  showFlashInfo: { params: { msg: string }; result: void };
  showSharePopup: {
    params: { title?: string; desc?: string; shareUrl?: string; picUrl?: string };
    result: void;
  };
}

/** Input of {@link PageApi.showSharePopup}. */
export interface ShareInput {
  /** Headline. Default empty. */
  readonly title?: string;
  /** Description. Default empty. */
  readonly desc?: string;
  /** The link shared, absolute http(s). Default the current page (`location.href`). */
  readonly shareUrl?: string;
  /** Thumbnail, absolute http(s). Default the UnionPay logo. */
  readonly picUrl?: string;
}

/** Page methods on the client that need no listener. */
export interface PageApi {
  /**
   * Set the title bar text (§6.5). The bridge never answers, so this
   * resolves as soon as the call is handed over.
   *
   * @example
   * ```ts
   * await client.setNavigationBarTitle({ title: '订单详情' });
   * ```
   */
  setNavigationBarTitle(input: { readonly title: string }, options?: CallControl): Promise<void>;
  /**
   * Close the current web view (§6.10). No answer; resolves after hand-over.
   *
   * @example
   * ```ts
   * await client.closeWebApp();
   * ```
   */
  closeWebApp(options?: CallControl): Promise<void>;
  /**
   * Show a toast (§6.9). `msg` must be non-empty: upsdk.js silently drops an
   * empty one. No answer; resolves after hand-over.
   *
   * @example
   * ```ts
   * await client.showFlashInfo({ msg: '绑定银行卡成功' });
   * ```
   */
  showFlashInfo(input: { readonly msg: string }, options?: CallControl): Promise<void>;
  /**
   * Open the share sheet (§6.14). No answer; resolves after hand-over.
   *
   * @example
   * ```ts
   * await client.showSharePopup({ title: '随机立减', desc: '快来使用', shareUrl: 'https://youhui.95516.com' });
   * ```
   */
  showSharePopup(input?: ShareInput, options?: CallControl): Promise<void>;
}

/** The page plugins as data. */
export const pagePlugins = {
  setNavigationBarTitle: definePlugin({
    plugin: 'setNavigationBarTitle',
    toParams: (input: { readonly title: string }) => ({ title: anyText('title', input.title) }),
  }),
  closeWebApp: definePlugin({ plugin: 'closeWebApp' }),
  showFlashInfo: definePlugin({
    plugin: 'showFlashInfo',
    toParams: (input: { readonly msg: string }) => ({ msg: text('msg', input.msg) }),
  }),
  showSharePopup: definePlugin({
    plugin: 'showSharePopup',
    toParams: (input: ShareInput) => ({
      title: optional('title', input.title, anyText),
      desc: optional('desc', input.desc, anyText),
      shareUrl: optional('shareUrl', input.shareUrl, httpUrl),
      picUrl: optional('picUrl', input.picUrl, httpUrl),
    }),
  }),
};

/** Bind the page methods to a core. */
export function createPage(core: UpsdkCore): PageApi {
  return bindPlugins(core, pagePlugins);
}
