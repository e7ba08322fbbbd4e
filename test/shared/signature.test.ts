import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/shared/sha256.js';
import {
  canonicalString,
  configSignature,
  createNonce,
  signableUrl,
  tokenRequestSignature,
  unixTimestamp,
} from '../../src/shared/signature.js';
import { seededRandom } from '../../src/shared/random.js';

describe('signature helpers', () => {
  it('hashes the §7.2 example string to the digest of the algorithm, not the misprinted one', () => {
    const signature = configSignature({
      appId: 'a5949221470c4059b9b0b45a90c81527',
      frontToken: 'U72eJp21SkuzKRdUK+jyFw==',
      nonceStr: 'Wm3WZYTPz0wzccnW',
      timestamp: '1414587457',
      url: 'http://mobile.xxx.com?params=value',
    });
    expect(signature).toBe('6e8a0d469cccccac18a958e1e16889a56bf0b4903739d23df83ae84c29421319');
  });

  it('sorts keys and keeps raw values in the canonical string', () => {
    expect(canonicalString({ url: 'http://a.b/?x=1&y=%20', appId: 'A', nonceStr: 'n' })).toBe(
      'appId=A&nonceStr=n&url=http://a.b/?x=1&y=%20',
    );
  });

  it('signs the url without the fragment', () => {
    const base = { appId: 'a', frontToken: 't', nonceStr: 'n', timestamp: '1' };
    expect(configSignature({ ...base, url: 'https://h/p?q=1#/route' })).toBe(
      configSignature({ ...base, url: 'https://h/p?q=1' }),
    );
    expect(signableUrl('https://h/p#x#y')).toBe('https://h/p');
  });

  it('signs token requests over appId, nonceStr, secret and timestamp', () => {
    const factors = { appId: 'app', nonceStr: 'KFTrLiCknhMlKKuv', timestamp: '1553425553', secret: 's3cret' };
    const expected = createHash('sha256')
      .update('appId=app&nonceStr=KFTrLiCknhMlKKuv&secret=s3cret&timestamp=1553425553')
      .digest('hex');
    expect(tokenRequestSignature(factors)).toBe(expected);
  });

  it('computes the same SHA-256 as node:crypto for random inputs of every length class', () => {
    const random = seededRandom(7);
    for (let length = 0; length < 300; length += 1) {
      let text = '';
      for (let i = 0; i < length; i++) text += String.fromCharCode(32 + Math.floor(random() * 20000));
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('makes 16-character alphanumeric nonces that differ', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('uses every nonce character with no visible bias', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const ch of createNonce()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 32000 draws over 62 symbols: about 516 each; a modulo bias would skew the first symbols by ~25 %.
    for (const count of counts.values()) expect(count).toBeGreaterThan(380);
  });

  it('gives timestamps in whole seconds', () => {
    expect(unixTimestamp(1_700_000_000_999)).toBe('1700000000');
  });
});
