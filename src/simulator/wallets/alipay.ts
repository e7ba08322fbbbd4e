/**
 * A fake `AlipayJSBridge` for `tradePay`: it needs `tradeNO` (the H5 JSAPI
 * document) or `orderStr` (the mini-program `my.tradePay` document; which
 * ones the H5 bridge takes is the `accepts` option) and answers
 * `{resultCode, memo}` with the scripted code: 9000/8000/4000/6001/6002/6004
 * and 99 (jsapi:tradePay), 5000 (Alipay's client result codes). Guess: the
 * memo texts are ours. Sources: WIRE-FACTS.md.
 */
import {
  installWalletBridge,
  type SimulatedWallet,
  type WalletModel,
  type WalletSimOptions,
} from './wallet-bridge.js';

/** How a simulated Alipay payment ends: its `resultCode` (any other string is answered as is). */
export type AlipayOutcome =
  '9000' | '8000' | '4000' | '5000' | '6001' | '6002' | '6004' | '99' | (string & {});

/** Options of {@link installAlipayBridge}. */
export interface AlipaySimOptions extends WalletSimOptions<AlipayOutcome> {
  /** Answer `resultCode` as a number, as some Alipay versions do. Default false. */
  readonly numericResultCode?: boolean | undefined;
  /** Which `tradePay` parameter the bridge takes. Default `both`. */
  readonly accepts?: 'tradeNO' | 'orderStr' | 'both' | undefined;
}

const MEMOS: Readonly<Record<string, string>> = {
  '9000': '',
  '8000': 'processing (simulated)',
  '4000': 'payment failed (simulated)',
  '5000': 'duplicate request (simulated)',
  '99': 'left through "forgot password" (simulated)',
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

const model = (numeric: boolean, accepts: 'tradeNO' | 'orderStr' | 'both'): WalletModel<AlipayOutcome> => ({
  global: 'AlipayJSBridge',
  readyEvent: 'AlipayJSBridgeReady',
  method: 'call',
  userAgent: ALIPAY_USER_AGENT,
  defaultOutcome: '9000',
  answer(api, params, outcome) {
    if (api !== 'tradePay') return { error: 1, errorMessage: `${api} is not supported (simulated)` };
    const given = (name: string): boolean => typeof params[name] === 'string' && params[name] !== '';
    const taken = accepts === 'both' ? ['tradeNO', 'orderStr'] : [accepts];
    if (!taken.some(given)) {
      return { resultCode: '4000', memo: `missing ${taken.join(' or ')} (simulated)` };
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
  return installWalletBridge(model(options.numericResultCode ?? false, options.accepts ?? 'both'), options);
}
