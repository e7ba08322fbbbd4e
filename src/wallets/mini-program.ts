/**
 * Paying from a WeChat mini-program's `<web-view>`: WeChat does not let a
 * page there pay through `WeixinJSBridge`. The documented way is to hand
 * the pay parameters to a page of the mini-program
 * (`wx.miniProgram.navigateTo`, from the WeChat JS-SDK the page loads),
 * which calls `wx.requestPayment` and navigates back. The web-view learns
 * nothing but that it is shown again, so the hand-off ends as `pending`:
 * the server's notification or order query tells the result.
 */
import { settleOnce } from '../shared/settle-once.js';
import { UpsdkTimeoutError } from '../client/errors.js';
import { walletError } from './outcome.js';
import type { WeChatPayParams } from '../shared/pay-info.js';

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
  handOff: MiniProgramHandOff,
  win: Window,
  control: { readonly timeout: number; readonly signal?: AbortSignal | undefined },
): Promise<never> {
  const sdk = (win as unknown as { wx?: MiniProgramSdk }).wx;
  const navigateTo = sdk?.miniProgram?.navigateTo;
  if (typeof navigateTo !== 'function') {
    const msg = 'wx.miniProgram.navigateTo is missing: load the WeChat JS-SDK (jweixin) in the web-view page';
    return Promise.reject(walletError('unavailable', OPERATION, msg));
  }
  const url = payPageUrl(handOff.payPage, params);
  let stop = (): void => undefined;
  const back = settleOnce<never>(
    (_resolve, reject) => {
      const shown = (): void => {
        if (win.document.visibilityState !== 'visible') return;
        const msg = `handed to ${handOff.payPage}; the web-view is shown again: query the order for the result`;
        reject(walletError('pending', OPERATION, msg, { url }));
      };
      stop = () => win.document.removeEventListener('visibilitychange', shown);
      const failed = (error: unknown): void =>
        reject(walletError('failed', OPERATION, `navigateTo ${handOff.payPage} failed`, error, error));
      try {
        navigateTo({
          url,
          // Listen only once the mini-program page opens: a visibility change before it is not the return.
          success: () => win.document.addEventListener('visibilitychange', shown),
          fail: failed,
        });
      } catch (error) {
        failed(error);
      }
    },
    control.timeout,
    () => new UpsdkTimeoutError(OPERATION, control.timeout),
    control.signal,
  );
  back.then(stop, stop);
  return back;
}
