/**
 * Alipay's in-app pay: `AlipayJSBridge.call('tradePay', {tradeNO} |
 * {orderStr}, callback)`; the callback's `resultCode` (Alipay client docs):
 * 9000 paid, 8000 processing, 4000 failed, 6001 cancelled by the user,
 * 6002 network error, 6004 result unknown.
 */
import type { WalletBridgeSpec } from './bridge-call.js';
import { walletError, type WalletFailureCode } from './outcome.js';
import type { AlipayPayParams } from './pay-info.js';
import type { UpsdkError } from '../client/errors.js';

/** The answer of `tradePay`. */
export interface AlipayPayAnswer {
  /** A string on most versions, a number on some. */
  readonly resultCode: string | number;
  readonly memo?: string | undefined;
  readonly result?: string | undefined;
}

const PLUGIN = 'tradePay';

/** Result codes and what they mean in the wallet vocabulary; 9000 is paid. */
const FAILURES: Readonly<Record<string, readonly [WalletFailureCode, string]>> = {
  '8000': ['pending', 'the payment is being processed; query the order'],
  '6004': ['pending', 'the result is unknown; query the order'],
  '4000': ['failed', 'the payment failed'],
  '6001': ['cancel', 'the user cancelled'],
  '6002': ['network', 'network error'],
};

function judge(payload: unknown): UpsdkError | undefined {
  const answer = (typeof payload === 'object' && payload !== null ? payload : {}) as Partial<AlipayPayAnswer>;
  const code = answer.resultCode === undefined ? '' : String(answer.resultCode);
  if (code === '9000') return undefined;
  const [kind, meaning] = FAILURES[code] ?? ['failed', `unexpected resultCode ${JSON.stringify(code)}`];
  const memo = typeof answer.memo === 'string' && answer.memo !== '' ? `: ${answer.memo}` : '';
  return walletError(kind, PLUGIN, `${code} ${meaning}${memo}`, payload);
}

/** How `tradePay` is reached and read. */
export const alipaySpec = (params: AlipayPayParams): WalletBridgeSpec => ({
  plugin: PLUGIN,
  global: 'AlipayJSBridge',
  readyEvent: 'AlipayJSBridgeReady',
  method: 'call',
  params,
  judge,
});
