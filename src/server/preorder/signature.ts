/**
 * Signing and verifying the aggregated provider's messages with node:crypto:
 * MD5 of `stringA&key=KEY`, upper-case hex (seed 002). The seed announces
 * SHA1, SHA256 and HMAC later, so the digest is a parameter: a name, or
 * your own function of (signString, key).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { aggregatorSignString, type AggregatorParams } from '../../shared/aggregator-signature.js';

/**
 * How the signature is computed over `stringA&key=KEY`: `MD5` (today's
 * rule), `SHA1`, `SHA256`, `HMAC-SHA256` (keyed with the same key, as
 * WeChat Pay does), or a function returning the signature.
 */
export type PreOrderSignAlgorithm =
  'MD5' | 'SHA1' | 'SHA256' | 'HMAC-SHA256' | ((signString: string, key: string) => string);

function digest(algorithm: PreOrderSignAlgorithm, signString: string, key: string): string {
  if (typeof algorithm === 'function') return algorithm(signString, key);
  const hash =
    algorithm === 'HMAC-SHA256'
      ? createHmac('sha256', key)
      : createHash(algorithm === 'MD5' ? 'md5' : algorithm === 'SHA1' ? 'sha1' : 'sha256');
  return hash.update(signString, 'utf8').digest('hex').toUpperCase();
}

/**
 * The signature of `params` (`sign` itself and empty values left out).
 *
 * @example
 * ```ts
 * const sign = signPreOrderParams({ agent_id, mch_id, total_fee: 1 }, process.env.PROVIDER_KEY!);
 * ```
 */
export function signPreOrderParams(
  params: AggregatorParams,
  key: string,
  algorithm: PreOrderSignAlgorithm = 'MD5',
): string {
  return digest(algorithm, aggregatorSignString(params, key), key);
}

/**
 * Whether `params.sign` is the signature of the other parameters; fields the
 * provider adds later are included, as the seed requires. Compared in constant time.
 *
 * @example
 * ```ts
 * const genuine = verifyPreOrderParams(Object.fromEntries(form), key); // false: answer 400 'fail'
 * ```
 */
export function verifyPreOrderParams(
  params: AggregatorParams,
  key: string,
  algorithm: PreOrderSignAlgorithm = 'MD5',
): boolean {
  const given = params.sign;
  if (typeof given !== 'string' || given === '') return false;
  const expected = Buffer.from(signPreOrderParams(params, key, algorithm));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
