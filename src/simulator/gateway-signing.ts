/**
 * The aggregated provider's MD5 signature as the fake gateway computes it,
 * written from seed 002 "签名验证" and not shared with the server's
 * pre-order client (see WIRE-FACTS.md):
 *
 * 1. take every parameter whose value is not empty, `sign` excluded
 *    ("sign参数不参与签名"), names case-sensitive;
 * 2. sort by name in ASCII order, join as `key1=value1&key2=value2…` (stringA);
 * 3. append `&key={KEY}` (stringSignTemp), MD5 it, upper-case the hex.
 *
 * WeChat's JSAPI `paySign` (pay.weixin.qq.com, "JSAPI调起支付" with
 * signType MD5) is the same rule over appId, timeStamp, nonceStr, package, signType.
 */
import { md5Hex } from '../shared/md5.js';
// The sorting and joining of step 2 is the open platform's rule too (the fake's own copy, not the client's).
import { specSigningString } from './spec-signing.js';

/** Parameters as a gateway sees them: absent and empty values are left out of the signature. */
export type GatewayParams = Readonly<Record<string, string | undefined>>;

/** The parameters that take part in the signature (step 1). */
export function signedParams(params: GatewayParams): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (name !== 'sign' && value !== undefined && value !== '') kept[name] = value;
  }
  return kept;
}

/** stringSignTemp (steps 1–3 before the digest). */
export function gatewaySigningString(params: GatewayParams, key: string): string {
  return `${specSigningString(signedParams(params))}&key=${key}`;
}

/** signValue: upper-case MD5 hex of stringSignTemp. */
export const gatewaySign = (params: GatewayParams, key: string): string =>
  md5Hex(gatewaySigningString(params, key)).toUpperCase();
