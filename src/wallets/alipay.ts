/**
 * Alipay's in-app pay: `AlipayJSBridge.call('tradePay', {tradeNO} |
 * {orderStr}, callback)`; the callback's `resultCode` (Alipay's jsapi:tradePay
 * and client result-code documents): 9000 paid, 8000 processing, 4000 failed,
 * 5000 duplicate request, 6001 cancelled by the user, 6002 network error,
 * 6004 result unknown, 99 the user left through "forgot password" (iOS).
 */
import type { WalletBridge } from './bridge-call.js';
import { walletError, type WalletFailureCode } from './outcome.js';

/** The answer of `tradePay`. */
export interface AlipayPayAnswer {
  /** A string on most versions, a number on some. */
  readonly resultCode: string | number;
  readonly memo?: string | undefined;
  readonly result?: string | undefined;
}

const API = 'tradePay';

/** Result codes and what they mean in the wallet vocabulary (`pending`: query the order); 9000 is paid. */
const FAILURES: Readonly<Record<string, readonly [WalletFailureCode, string]>> = {
  '8000': ['pending', 'processing'],
  '6004': ['pending', 'result unknown'],
  // A repeat of a request still in flight: the first one may yet pay, so query the order.
  '5000': ['pending', 'duplicate request'],
  '4000': ['failed', 'failed'],
  '6001': ['cancel', 'cancelled by the user'],
  // The user gave up on the password sheet: a cancel, not a failure.
  '99': ['cancel', 'left through "forgot password"'],
  '6002': ['network', 'network error'],
};

/** How `tradePay` is reached and read. */
export const ALIPAY_BRIDGE: WalletBridge = {
  api: API,
  global: 'AlipayJSBridge',
  method: 'call',
  judge(payload) {
    const { resultCode, memo } = Object(payload) as Partial<AlipayPayAnswer>;
    const code = resultCode === undefined ? '' : String(resultCode);
    if (code === '9000') return undefined;
    const [kind, meaning] = FAILURES[code] ?? ['failed', `unexpected resultCode ${JSON.stringify(code)}`];
    const said = typeof memo === 'string' && memo !== '' ? `: ${memo}` : '';
    return walletError(kind, API, `${code} ${meaning}${said}`, payload);
  },
};
