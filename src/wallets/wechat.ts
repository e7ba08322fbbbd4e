/**
 * WeChat's in-app pay (JSAPI, "公众号支付"): `WeixinJSBridge.invoke(
 * 'getBrandWCPayRequest', params, callback)`; the callback's `err_msg` is
 * `get_brand_wcpay_request:ok | :cancel | :fail` (WeChat Pay JSAPI docs).
 */
import type { WalletBridge } from './bridge-call.js';
import { walletError } from './outcome.js';

/** The answer of `getBrandWCPayRequest`. */
export interface WeChatPayAnswer {
  readonly err_msg: string;
  /** Some WeChat versions add a description on failure. */
  readonly err_desc?: string | undefined;
}

const API = 'getBrandWCPayRequest';

/** How `getBrandWCPayRequest` is reached and read. */
export const WECHAT_BRIDGE: WalletBridge = {
  api: API,
  global: 'WeixinJSBridge',
  method: 'invoke',
  judge(payload) {
    const { err_msg: errMsg, err_desc: desc } = Object(payload) as Partial<WeChatPayAnswer>;
    const said = typeof errMsg === 'string' ? errMsg : '';
    const detail = typeof desc === 'string' && desc !== '' ? ` (${desc})` : '';
    const result = said.slice(said.indexOf(':') + 1);
    if (result === 'ok') return undefined;
    // `:cancel`; else `:fail`, `:fail_…`, `system:access_denied` (domain not authorised), or no err_msg at all.
    const code = result === 'cancel' ? 'cancel' : 'failed';
    return walletError(code, API, `${said || 'no err_msg'}${detail}`, payload);
  },
};
