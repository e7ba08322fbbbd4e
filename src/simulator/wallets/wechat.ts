/**
 * A fake `WeixinJSBridge` for `getBrandWCPayRequest` (WeChat Pay JSAPI):
 * it checks the six fields and answers `{err_msg: 'get_brand_wcpay_request:ok'
 * | ':cancel' | ':fail'}`. Guess: WeChat's exact `err_desc` texts are not
 * public; ours name the missing field.
 */
import { installMiniProgram, type MiniProgramPayment } from './mini-program.js';
import {
  installWalletBridge,
  type SimulatedWallet,
  type WalletModel,
  type WalletSimOptions,
} from './wallet-bridge.js';

/** How a simulated WeChat payment ends. */
export type WeChatOutcome = 'ok' | 'cancel' | 'fail';

/** Options of {@link installWeChatBridge}. */
export interface WeChatSimOptions extends WalletSimOptions<WeChatOutcome> {
  /**
   * Be a mini-program web-view: `miniProgram` in the user agent, and the
   * JS-SDK's `wx.miniProgram` whose `navigateTo` runs the mini-program's pay
   * page (`wx.requestPayment` with `outcome`) and comes back. Default false.
   */
  readonly miniProgram?: boolean | undefined;
  /** Pages the simulated mini-program has. Default `['/pages/pay/pay']`. */
  readonly miniProgramPages?: readonly string[] | undefined;
}

/** A simulated WeChat; in a mini-program web-view, also the payments its pages made. */
export interface SimulatedWeChat extends SimulatedWallet<WeChatOutcome> {
  /** Payments made by the mini-program's pages after a hand-off, oldest first. */
  readonly miniProgramPayments: readonly MiniProgramPayment[];
}

const PAY_FIELDS = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const;

/** A WeChat (Android) user agent; with `miniProgram`, the web-view's. */
export function weChatUserAgent(miniProgram = false): string {
  return (
    'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 ' +
    'MicroMessenger/8.0.47.2560(0x28002F37) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64' +
    (miniProgram ? ' miniProgram/wx0000000000000000' : '')
  );
}

function model(miniProgram: boolean): WalletModel<WeChatOutcome> {
  return {
    global: 'WeixinJSBridge',
    readyEvent: 'WeixinJSBridgeReady',
    method: 'invoke',
    userAgent: weChatUserAgent(miniProgram),
    defaultOutcome: 'ok',
    answer(api, params, outcome) {
      if (api !== 'getBrandWCPayRequest') return { err_msg: `${api}:fail_not_supported` };
      const missing = PAY_FIELDS.find((field) => typeof params[field] !== 'string' || params[field] === '');
      if (missing) return { err_msg: 'get_brand_wcpay_request:fail', err_desc: `missing ${missing}` };
      return { err_msg: `get_brand_wcpay_request:${outcome}` };
    },
  };
}

/**
 * Install a fake `WeixinJSBridge` and a WeChat user agent on a window.
 *
 * @example
 * ```ts
 * const wechat = installWeChatBridge({ ready: 'after', readyDelay: 50 });
 * wechat.outcome = 'cancel';
 * await payInWallet({ wechat: payInfo }).catch((error) => error.code); // 'cancel'
 * wechat.uninstall();
 * ```
 */
export function installWeChatBridge(options: WeChatSimOptions = {}): SimulatedWeChat {
  const sim = installWalletBridge(model(options.miniProgram ?? false), options);
  if (!options.miniProgram) return Object.assign(sim, { miniProgramPayments: [] });
  const miniProgram = installMiniProgram({
    window: options.window ?? window,
    pages: options.miniProgramPages ?? ['/pages/pay/pay'],
    outcome: () => sim.outcome,
    fault: () => sim.fault,
    latency: options.latency ?? 0,
  });
  const uninstallBridge = sim.uninstall.bind(sim);
  return Object.assign(sim, {
    miniProgramPayments: miniProgram.payments,
    uninstall() {
      miniProgram.uninstall();
      uninstallBridge();
    },
  });
}
