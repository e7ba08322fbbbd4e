/**
 * Paying from a WeChat mini-program's `<web-view>`: WeChat does not let a
 * page there pay through `WeixinJSBridge`. The documented way is to hand
 * the pay parameters to a page of the mini-program
 * (`wx.miniProgram.navigateTo`, from the WeChat JS-SDK the page loads),
 * which calls `wx.requestPayment` and navigates back. The web-view learns
 * nothing but that it is shown again, so the hand-off ends as `pending`:
 * the server's notification or order query tells the result.
 */
import { callFailed, walletError } from './outcome.js';
import type { WeChatPayParams } from '../shared/pay-info.js';
import { walletWait, type WalletWaitControl } from './wallet-wait.js';

/** Where the mini-program pays. */
export interface MiniProgramHandOff {
  /**
   * The mini-program page that pays, as `wx.miniProgram.navigateTo` takes it
   * (`/pages/pay/pay`). It receives the six `getBrandWCPayRequest` fields as
   * its query (`options` of its `onLoad`), calls `wx.requestPayment` with
   * them and returns with `wx.navigateBack()`.
   */
  readonly payPage: string;
}

/** The part of the WeChat JS-SDK (`jweixin`) the hand-off uses. */
interface MiniProgramSdk {
  readonly miniProgram?:
    | {
        navigateTo?: (options: {
          url: string;
          success?: () => void;
          fail?: (error: unknown) => void;
        }) => void;
      }
    | undefined;
}

const OPERATION = 'miniProgram.navigateTo';

/** `payPage?appId=…&timeStamp=…&…`, each value percent-encoded (`package` holds a `=`). */
export function payPageUrl(payPage: string, params: WeChatPayParams): string {
  const query = Object.entries(params as unknown as Readonly<Record<string, string>>)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return `${payPage}${payPage.includes('?') ? '&' : '?'}${query}`;
}

/**
 * Hand `params` to the mini-program's pay page and wait until the web-view
 * is shown again; then reject with `pending` (query the order). Rejects
 * with `unavailable` when the JS-SDK is not loaded, `failed` when
 * `navigateTo` fails or throws, `timeout`, or the abort reason.
 */
export function handOffToMiniProgram(
  params: WeChatPayParams,
  { payPage }: MiniProgramHandOff,
  win: Window,
  control: WalletWaitControl,
): Promise<never> {
  const navigateTo = (win as unknown as { wx?: MiniProgramSdk }).wx?.miniProgram?.navigateTo;
  if (typeof navigateTo !== 'function') {
    return Promise.reject(
      walletError('unavailable', OPERATION, `no wx.${OPERATION}: load the WeChat JS-SDK (jweixin)`),
    );
  }
  const url = payPageUrl(payPage, params);
  const { document } = win;
  return walletWait<never>(OPERATION, control, (_resolve, reject) => {
    const shown = (): void => {
      if (document.visibilityState === 'visible')
        reject(walletError('pending', OPERATION, `back from ${payPage}: query the order`, { url }));
    };
    const failed = (error: unknown): void => reject(callFailed(OPERATION, OPERATION, error));
    try {
      navigateTo({
        url,
        // Listen only once the mini-program page opens: a visibility change before it is not the return.
        success: () => document.addEventListener('visibilitychange', shown),
        fail: failed,
      });
    } catch (error) {
      failed(error);
    }
    return () => document.removeEventListener('visibilitychange', shown);
  });
}
