import { describe, expect, it } from 'vitest';
import { encrypt3des } from '../../../src/server/open-platform/index.js';
import { decrypt3des as simulatorDecrypt } from '../../../src/simulator/triple-des.js';
import { seededRandom } from '../../../src/shared/random.js';

// The known vectors of test/server/login/triple-des.test.ts (made with openssl).
const KEY = '0123456789abcdeffedcba987654321089abcdef01234567';

describe('3DES for fields partners send encrypted (§5.7.1, §5.8)', () => {
  it('the server encrypts like OpenSSL', () => {
    expect(encrypt3des('13800138000', KEY)).toBe('lst7/3YbD5ojqDEH0uSHKg==');
    expect(encrypt3des('张三', KEY)).toBe('pqpjP7W3GgE=');
  });

  it("the simulator's decryption reads what the server encrypted, for random texts 0…40 long", () => {
    const random = seededRandom(11);
    for (let length = 0; length <= 40; length++) {
      const text = Array.from({ length }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
      expect(simulatorDecrypt(encrypt3des(text, KEY), KEY)).toBe(text);
    }
  });

  it('the simulator refuses a value made with another key', () => {
    expect(
      simulatorDecrypt(encrypt3des('13800138000', KEY), 'fedcba98765432100123456789abcdef0123456789abcdef'),
    ).toBeUndefined();
  });
});
