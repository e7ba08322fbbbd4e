import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decrypt3des } from '../../../src/server/login/triple-des.js';
import { LoginError } from '../../../src/server/login/errors.js';
import { encrypt3des } from '../../../src/simulator/triple-des.js';
import { seededRandom } from '../../../src/shared/random.js';
import { thrown } from '../../login/caught.js';

// Vectors made independently with: printf '13800138000' | openssl enc -des-ede3 -K $KEY -nosalt -base64
const KEY = '0123456789abcdeffedcba987654321089abcdef01234567';
const MOBILE_CIPHERTEXT = 'lst7/3YbD5ojqDEH0uSHKg==';
const NAME_CIPHERTEXT = 'pqpjP7W3GgE='; // '张三'
const OTHER_KEY = 'fedcba98765432100123456789abcdef0123456789abcdef';

const randomHex = (random: () => number, digits: number): string =>
  Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');

const decryptError = (run: () => unknown): LoginError => thrown(LoginError, run);

describe('3DES (§2.4.2)', () => {
  it('decrypts the known vector of a mobile number', () => {
    expect(decrypt3des(MOBILE_CIPHERTEXT, KEY)).toBe('13800138000');
  });

  it('decrypts a UTF-8 name', () => {
    expect(decrypt3des(NAME_CIPHERTEXT, KEY)).toBe('张三');
  });

  it("encrypts like OpenSSL in the simulator's plain-TypeScript 3DES", () => {
    expect(encrypt3des('13800138000', KEY)).toBe(MOBILE_CIPHERTEXT);
    expect(encrypt3des('张三', KEY)).toBe(NAME_CIPHERTEXT);
  });

  it('agrees with node:crypto for random keys and lengths 0…40', () => {
    const random = seededRandom(7);
    for (let length = 0; length <= 40; length++) {
      const key = randomHex(random, 48);
      const text = Array.from({ length }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
      const cipher = createCipheriv('des-ede3', Buffer.from(key, 'hex'), null);
      const expected = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
      expect(encrypt3des(text, key), `length ${length}`).toBe(expected);
    }
  });

  it('round-trips simulator encryption through server decryption', () => {
    for (const text of [
      '',
      'a',
      '1234567',
      '12345678',
      '123456789',
      '11010119900307123X',
      '欧阳娜娜 Ōyáng',
    ]) {
      expect(decrypt3des(encrypt3des(text, KEY), KEY)).toBe(text);
    }
  });

  it('decrypts an empty value to an empty string, as the reference code does', () => {
    expect(decrypt3des('', KEY)).toBe('');
  });

  it('fails with decrypt_failed for the wrong key instead of returning garbage', () => {
    const error = decryptError(() => decrypt3des(MOBILE_CIPHERTEXT, OTHER_KEY, 'mobile'));
    expect(error.code).toBe('decrypt_failed');
    expect(error.msg).toMatch(/`mobile`.*symmetricKey/);
  });

  it('never returns text for 300 random wrong keys', () => {
    const random = seededRandom(42);
    const ciphertext = encrypt3des('13800138000', KEY);
    for (let i = 0; i < 300; i++) {
      expect(() => decrypt3des(ciphertext, randomHex(random, 48))).toThrow(LoginError);
    }
  });

  it('rejects a value that is not base64 or not whole blocks', () => {
    expect(decryptError(() => decrypt3des('not base64!', KEY)).code).toBe('decrypt_failed');
    expect(decryptError(() => decrypt3des('AAAA', KEY)).msg).toMatch(/8-byte blocks/);
  });

  it('rejects a malformed key without showing it', () => {
    const error = decryptError(() => decrypt3des(MOBILE_CIPHERTEXT, 'secret-key-material'));
    expect(error).toMatchObject({ code: 'invalid_param', status: 500 });
    expect(error.message).toContain('48 hex digits');
    expect(error.message).not.toContain('secret-key-material');
  });
});
