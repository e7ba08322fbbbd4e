/** What the fake gateway checks in a pre-order, and the faults it can be told to meet. */
import { delay } from './open-platform-wire.js';

/** The wallets the fake pre-orders for (`paytype`). */
export type PayType = 'WECHAT' | 'ALIPAY';

/** A fault the next request meets instead of (or on top of) the normal answer. */
export type GatewayFault =
  | { readonly status: number }
  | { readonly garbage: true }
  | { readonly delay: number }
  | { readonly state: string; readonly code: string; readonly msg?: string }
  /** A normal answer whose `sign` is wrong. */
  | { readonly badSign: true };

/**
 * How the gateway decodes a form body. Seed 002 prints its request samples
 * with raw, unencoded values and names no decoding: `form` reads `+` as a
 * space (the WHATWG form rules, Java's URLDecoder, PHP's parse_str);
 * `percent-only` keeps `+` as a plus (RFC 3986 percent-decoding, PHP's rawurldecode).
 */
export type FormDecoding = 'form' | 'percent-only';

/** The fields of a form body, or `undefined` when a percent escape is malformed. */
export function readForm(text: string, decoding: FormDecoding): Record<string, string> | undefined {
  if (decoding === 'form') return Object.fromEntries(new URLSearchParams(text));
  const fields: Record<string, string> = {};
  try {
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const at = pair.indexOf('=');
      const name = decodeURIComponent(at === -1 ? pair : pair.slice(0, at));
      fields[name] = at === -1 ? '' : decodeURIComponent(pair.slice(at + 1));
    }
  } catch {
    return undefined;
  }
  return fields;
}

/** The `trade_type`s the fake pre-orders: in-wallet pages and QR codes. */
export type TradeType = 'JSPAY' | 'NATIVE';

/**
 * The checked fields of a pre-order, or why it is refused (code 20004). The
 * seed's "必传" notes: WeChat JSPAY needs `sub_appid` and `buyer_id`, WeChat
 * NATIVE `product_id`; Alipay JSPAY `product_id` and `buyer_id` or `buyer_logon_id`.
 */
export function readOrderFields(
  paytype: PayType,
  fields: Readonly<Record<string, string>>,
):
  | { readonly outTradeNo: string; readonly totalFee: number; readonly tradeType: TradeType }
  | { readonly refusal: string } {
  const missing = (name: string): { refusal: string } => ({ refusal: `参数错误: ${name}` });
  const tradeType = fields.trade_type;
  if (tradeType !== 'JSPAY' && tradeType !== 'NATIVE')
    return { refusal: 'only JSPAY and NATIVE are simulated' };
  if (!/^\w{5,32}$/.test(fields.out_trade_no ?? '')) return missing('out_trade_no');
  if (!fields.body) return missing('body');
  if (!/^[1-9]\d{0,9}$/.test(fields.total_fee ?? '')) return missing('total_fee');
  const needs: readonly (readonly [boolean, string])[] =
    tradeType === 'NATIVE'
      ? [[paytype === 'WECHAT' && !fields.product_id, 'product_id']]
      : [
          [paytype === 'WECHAT' && !fields.sub_appid, 'sub_appid'],
          [paytype === 'WECHAT' && !fields.buyer_id, 'buyer_id'],
          [paytype === 'ALIPAY' && !fields.product_id, 'product_id'],
          [paytype === 'ALIPAY' && !fields.buyer_id && !fields.buyer_logon_id, 'buyer_id'],
        ];
  const absent = needs.find(([lacking]) => lacking);
  if (absent) return missing(absent[1]);
  return { outTradeNo: fields.out_trade_no!, totalFee: Number(fields.total_fee), tradeType };
}

/** The answer a fault replaces the normal one with; `undefined` when the normal answer follows. */
export async function gatewayReply(fault: GatewayFault, signal: AbortSignal): Promise<Response | undefined> {
  if ('delay' in fault) await delay(fault.delay, signal);
  if ('status' in fault) return new Response('simulated upstream error', { status: fault.status });
  if ('garbage' in fault) return new Response('<html>502 Bad Gateway', { status: 200 });
  if ('state' in fault) {
    return new Response(
      JSON.stringify({ state: fault.state, code: fault.code, msg: fault.msg ?? 'simulated' }),
      {
        headers: { 'content-type': 'application/json' },
      },
    );
  }
  return undefined;
}
