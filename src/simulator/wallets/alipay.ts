/**
 * A fake `AlipayJSBridge` for `tradePay`: it needs `tradeNO` or `orderStr`
 * and answers `{resultCode, memo}` with the scripted code (Alipay's
 * 9000/8000/4000/6001/6002/6004). Guess: the memo texts are ours.
 */
import {
  installWalletBridge,
  type SimulatedWallet,
  type WalletModel,
  type WalletSimOptions,
} from './wallet-bridge.js';

/** How a simulated Alipay payment ends: its `resultCode` (any other string is answered as is). */
export type AlipayOutcome = '9000' | '8000' | '4000' | '6001' | '6002' | '6004' | (string & {});

/** Options of {@link installAlipayBridge}. */
export interface AlipaySimOptions extends WalletSimOptions<AlipayOutcome> {
  /** Answer `resultCode` as a number, as some Alipay versions do. Default false. */
  readonly numericResultCode?: boolean | undefined;
}

const MEMOS: Readonly<Record<string, string>> = {
  '9000': '',
  '8000': 'processing (simulated)',
  '4000': 'payment failed (simulated)',
  '6001': 'user cancelled (simulated)',
  '6002': 'network error (simulated)',
  '6004': 'result unknown (simulated)',
};

/** An Alipay (Android) user agent. */
export const ALIPAY_USER_AGENT =
  'Mozilla/5.0 (Linux; U; Android 13; zh-CN; Pixel 7 Build/TQ3A) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.59 Mobile Safari/537.36 UCBS/3.22.2.59 ' +
  'NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:412|915|2.6) AliApp(AP/10.5.36.8000) ' +
  'AlipayClient/10.5.36.8000 Language/zh-Hans Region/CN';

const model = (numeric: boolean): WalletModel<AlipayOutcome> => ({
  global: 'AlipayJSBridge',
  readyEvent: 'AlipayJSBridgeReady',
  method: 'call',
  userAgent: ALIPAY_USER_AGENT,
  defaultOutcome: '9000',
  answer(api, params, outcome) {
    if (api !== 'tradePay') return { error: 1, errorMessage: `${api} is not supported (simulated)` };
    const given = (name: string): boolean => typeof params[name] === 'string' && params[name] !== '';
    if (!given('tradeNO') && !given('orderStr')) {
      return { resultCode: '4000', memo: 'missing tradeNO or orderStr (simulated)' };
    }
    return { resultCode: numeric ? Number(outcome) : outcome, memo: MEMOS[outcome] ?? '' };
  },
});

/**
 * Install a fake `AlipayJSBridge` and an Alipay user agent on a window.
 *
 * @example
 * ```ts
 * const alipay = installAlipayBridge({ outcome: '6004' });
 * await payInWallet({ alipay: { tradeNO } }).catch((error) => error.code); // 'pending'
 * alipay.uninstall();
 * ```
 */
export function installAlipayBridge(options: AlipaySimOptions = {}): SimulatedWallet<AlipayOutcome> {
  return installWalletBridge(model(options.numericResultCode ?? false), options);
}
