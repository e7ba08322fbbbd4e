/**
 * Page plugins (spec §6.5, §6.6, §6.9, §6.10, §6.14): the title bar, the
 * toast, the share sheet, closing the web view. The right-hand title-bar
 * button lives in `right-button.ts`, because its click handler is a listener.
 */
import type { UpsdkClient } from '../../client/client.js';
import { definePlugin, runPlugin, type CallControl } from '../define.js';
import { anyText, fields, httpUrl, maybe, text } from '../../shared/validate.js';

/** Input of {@link showSharePopup}. */
export interface ShareInput {
  /** Headline. Default empty. */
  readonly title?: string | undefined;
  /** Description. Default empty. */
  readonly desc?: string | undefined;
  /** The link shared, absolute http(s). Default the current page (`location.href`). */
  readonly shareUrl?: string | undefined;
  /** Thumbnail, absolute http(s). Default the UnionPay logo. */
  readonly picUrl?: string | undefined;
}

const SET_NAVIGATION_BAR_TITLE = /* @__PURE__ */ definePlugin({
  plugin: 'setNavigationBarTitle',
  toParams_: (input: { readonly title: string }) => fields(input, { title: anyText }),
});

const CLOSE_WEB_APP = /* @__PURE__ */ definePlugin({ plugin: 'closeWebApp' });

const SHOW_FLASH_INFO = /* @__PURE__ */ definePlugin({
  plugin: 'showFlashInfo',
  toParams_: (input: { readonly msg: string }) => fields(input, { msg: text }),
});

const SHOW_SHARE_POPUP = /* @__PURE__ */ definePlugin({
  plugin: 'showSharePopup',
  toParams_: (input: ShareInput) =>
    fields(input, {
      title: maybe(anyText),
      desc: maybe(anyText),
      shareUrl: maybe(httpUrl),
      picUrl: maybe(httpUrl),
    }),
});

/** The page plugins as data (for checks over every family; bundlers drop it when unused). */
export const pagePlugins = {
  setNavigationBarTitle: SET_NAVIGATION_BAR_TITLE,
  closeWebApp: CLOSE_WEB_APP,
  showFlashInfo: SHOW_FLASH_INFO,
  showSharePopup: SHOW_SHARE_POPUP,
};

/**
 * Set the title bar text (§6.5). The bridge never answers, so this
 * resolves as soon as the call is handed over.
 *
 * @example
 * ```ts
 * await setNavigationBarTitle(client, { title: '订单详情' });
 * ```
 */
export function setNavigationBarTitle(
  client: UpsdkClient,
  input: { readonly title: string },
  options?: CallControl,
): Promise<void> {
  return runPlugin(client, SET_NAVIGATION_BAR_TITLE, input, options);
}

/**
 * Close the current web view (§6.10). No answer; resolves after hand-over.
 *
 * @example
 * ```ts
 * await closeWebApp(client);
 * ```
 */
export function closeWebApp(client: UpsdkClient, options?: CallControl): Promise<void> {
  return runPlugin(client, CLOSE_WEB_APP, undefined, options);
}

/**
 * Show a toast (§6.9). `msg` must be non-empty: upsdk.js silently drops an
 * empty one. No answer; resolves after hand-over.
 *
 * @example
 * ```ts
 * await showFlashInfo(client, { msg: '绑定银行卡成功' });
 * ```
 */
export function showFlashInfo(
  client: UpsdkClient,
  input: { readonly msg: string },
  options?: CallControl,
): Promise<void> {
  return runPlugin(client, SHOW_FLASH_INFO, input, options);
}

/**
 * Open the share sheet (§6.14). No answer; resolves after hand-over.
 *
 * @example
 * ```ts
 * await showSharePopup(client, { title: '随机立减', desc: '快来使用', shareUrl: 'https://youhui.95516.com' });
 * ```
 */
export function showSharePopup(
  client: UpsdkClient,
  input?: ShareInput,
  options?: CallControl,
): Promise<void> {
  return runPlugin(client, SHOW_SHARE_POPUP, input, options);
}
