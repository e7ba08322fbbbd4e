/** The provider's signing rule, checked against strings built by hand and digests from node:crypto. */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPreOrderParams, verifyPreOrderParams } from '../../../src/server/preorder/index.js';
import { md5Hex } from '../../../src/shared/md5.js';

const KEY = '9d101c97133837e13dde2d32a5054abb';
const PARAMS = {
  agent_id: '130000000000000000',
  version: '1.0',
  pid: 'yunpos',
  mch_id: '00000001',
  body: '超赢支付聚合支付',
  total_fee: 4,
  attach: '',
  device_info: undefined,
  sign: 'IGNORED',
};
/** Sorted by name, empty and undefined values and `sign` left out, then &key=. */
const STRING =
  'agent_id=130000000000000000&body=超赢支付聚合支付&mch_id=00000001&pid=yunpos&total_fee=4&version=1.0&key=' +
  KEY;

const hex = (algorithm: string, text: string): string =>
  createHash(algorithm).update(text, 'utf8').digest('hex').toUpperCase();

describe('pre-order signatures', () => {
  it('are MD5 of the sorted non-empty params and &key=, upper-case', () => {
    expect(signPreOrderParams(PARAMS, KEY)).toBe(hex('md5', STRING));
  });

  it('sort names by ASCII code, upper case before lower case', () => {
    const sign = signPreOrderParams({ b: '2', a: '1', Z: '0' }, 'k');
    expect(sign).toBe(hex('md5', 'Z=0&a=1&b=2&key=k'));
  });

  it('use SHA256 when asked', () => {
    expect(signPreOrderParams(PARAMS, KEY, 'SHA256')).toBe(hex('sha256', STRING));
  });

  it('use HMAC-SHA256 keyed with the merchant key when asked', () => {
    const expected = createHmac('sha256', KEY).update(STRING, 'utf8').digest('hex').toUpperCase();
    expect(signPreOrderParams(PARAMS, KEY, 'HMAC-SHA256')).toBe(expected);
  });

  it('hand a custom digest the signing string and the key', () => {
    const seen: string[] = [];
    const sign = signPreOrderParams(PARAMS, KEY, (text, key) => {
      seen.push(text, key);
      return 'CUSTOM';
    });
    expect([sign, ...seen]).toEqual(['CUSTOM', STRING, KEY]);
  });

  it('verify a message carrying fields added later', () => {
    const message = { ...PARAMS, new_field: 'x' };
    const sign = hex('md5', STRING.replace('&pid=', '&new_field=x&pid='));
    expect(verifyPreOrderParams({ ...message, sign }, KEY)).toBe(true);
  });

  it('reject a tampered amount', () => {
    const sign = hex('md5', STRING);
    expect(verifyPreOrderParams({ ...PARAMS, total_fee: 5, sign }, KEY)).toBe(false);
  });

  it('reject a message without sign', () => {
    expect(verifyPreOrderParams({ ...PARAMS, sign: '' }, KEY)).toBe(false);
  });
});

describe('the plain-TypeScript MD5 of the fake gateway', () => {
  for (const text of [
    '',
    'abc',
    'x'.repeat(55),
    'x'.repeat(56),
    'x'.repeat(64),
    STRING,
    '签名'.repeat(300),
  ]) {
    it(`agrees with node:crypto on ${text.length} characters`, () => {
      expect(md5Hex(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'));
    });
  }
});
