/**
 * The aggregated payment provider's signing string (seed 002, "签名验证"):
 * every parameter with a non-empty value except `sign`, sorted by name
 * (ASCII, case-sensitive), joined as `k1=v1&k2=v2`, then `&key=KEY`. The
 * digest over it is the caller's (the server uses node:crypto, the
 * simulator's fake gateway a plain-TS MD5); shared so both build the same string.
 */
import { canonicalString } from './signature.js';

/** Parameters of a signed request, answer or notification; `null`/`undefined`/`''` are left out. */
export type AggregatorParams = Readonly<Record<string, string | number | null | undefined>>;

/** The non-empty parameters as strings, `sign` left out: what is signed, and what a form body carries. */
export function signedFields(params: AggregatorParams): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === 'sign' || value === undefined || value === null) continue;
    const text = String(value);
    if (text !== '') kept[name] = text;
  }
  return kept;
}

/**
 * `stringSignTemp` of the seed: `stringA&key=KEY`.
 *
 * @example
 * ```ts
 * aggregatorSignString({ mch_id: '00000001', method: 'pay', attach: '' }, 'K'); // 'mch_id=00000001&method=pay&key=K'
 * ```
 */
export function aggregatorSignString(params: AggregatorParams, key: string): string {
  return `${canonicalString(signedFields(params))}&key=${key}`;
}
