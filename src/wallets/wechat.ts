/**
 * WeChat's in-app pay (JSAPI, "公众号支付"): `WeixinJSBridge.invoke(
 * 'getBrandWCPayRequest', params, callback)`; the callback's `err_msg` is
 * `get_brand_wcpay_request:ok | :cancel | :fail` (WeChat Pay JSAPI docs).
 */
import type { WalletBridgeSpec } from './bridge-call.js';
import { walletError } from './outcome.js';
import type { WeChatPayParams } from './pay-info.js';
import type { UpsdkError } from '../client/errors.js';

/** The answer of `getBrandWCPayRequest`. */
export interface WeChatPayAnswer {
  readonly err_msg: string;
  /** Some WeChat versions add a description on failure. */
  readonly err_desc?: string | undefined;
}

const PLUGIN = 'getBrandWCPayRequest';

function judge(payload: unknown): UpsdkError | undefined {
  const answer = (typeof payload === 'object' && payload !== null ? payload : {}) as Partial<WeChatPayAnswer>;
  const errMsg = typeof answer.err_msg === 'string' ? answer.err_msg : '';
  const detail = typeof answer.err_desc === 'string' && answer.err_desc !== '' ? ` (${answer.err_desc})` : '';
  const result = errMsg.slice(errMsg.indexOf(':') + 1);
  if (result === 'ok') return undefined;
  if (result === 'cancel') return walletError('cancel', PLUGIN, `${errMsg}${detail}`, payload);
  // `:fail`, `:fail_…`, `system:access_denied` (domain not authorised), or no err_msg at all.
  return walletError('failed', PLUGIN, `${errMsg || 'no err_msg in the answer'}${detail}`, payload);
}

/** How `getBrandWCPayRequest` is reached and read. */
export const weChatSpec = (params: WeChatPayParams): WalletBridgeSpec => ({
  plugin: PLUGIN,
  global: 'WeixinJSBridge',
  readyEvent: 'WeixinJSBridgeReady',
  method: 'invoke',
  params,
  judge,
});
