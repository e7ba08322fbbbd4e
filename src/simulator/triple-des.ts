/**
 * 3DES-ECB with PKCS#5 padding (FIPS 46-3, SP 800-67) in plain TypeScript,
 * for the fake open platform: it encrypts the user fields of `user.mobile`
 * and `user.auth` (spec §2.4.2) and decrypts the fields partners send
 * encrypted (§5.7.1, §5.8) and must run wherever the simulator runs —
 * browsers and jsdom have no 3DES in WebCrypto. The server decrypts with
 * `node:crypto`; a test checks that both agree. Speed does not matter here
 * (a few short strings per login), clarity does: bits are plain arrays.
 */
import { decodeBase64, encodeBase64 } from '../streams/base64.js';

type Bits = number[];

// 1-based bit positions, laid out as printed in the standard.
// prettier-ignore
const IP = [
  58, 50, 42, 34, 26, 18, 10, 2,
  60, 52, 44, 36, 28, 20, 12, 4,
  62, 54, 46, 38, 30, 22, 14, 6,
  64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1,
  59, 51, 43, 35, 27, 19, 11, 3,
  61, 53, 45, 37, 29, 21, 13, 5,
  63, 55, 47, 39, 31, 23, 15, 7,
];
// prettier-ignore
const P = [
  16, 7, 20, 21, 29, 12, 28, 17,
  1, 15, 23, 26, 5, 18, 31, 10,
  2, 8, 24, 14, 32, 27, 3, 9,
  19, 13, 30, 6, 22, 11, 4, 25,
];
// prettier-ignore
const PC1 = [
  57, 49, 41, 33, 25, 17, 9,
  1, 58, 50, 42, 34, 26, 18,
  10, 2, 59, 51, 43, 35, 27,
  19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15,
  7, 62, 54, 46, 38, 30, 22,
  14, 6, 61, 53, 45, 37, 29,
  21, 13, 5, 28, 20, 12, 4,
];
// prettier-ignore
const PC2 = [
  14, 17, 11, 24, 1, 5,
  3, 28, 15, 6, 21, 10,
  23, 19, 12, 4, 26, 8,
  16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55,
  30, 40, 51, 45, 33, 48,
  44, 49, 39, 56, 34, 53,
  46, 42, 50, 36, 29, 32,
];
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
// Each S-box: 4 rows of 16, row = outer bits, column = inner four bits.
const S = [
  '14 4 13 1 2 15 11 8 3 10 6 12 5 9 0 7 0 15 7 4 14 2 13 1 10 6 12 11 9 5 3 8 4 1 14 8 13 6 2 11 15 12 9 7 3 10 5 0 15 12 8 2 4 9 1 7 5 11 3 14 10 0 6 13',
  '15 1 8 14 6 11 3 4 9 7 2 13 12 0 5 10 3 13 4 7 15 2 8 14 12 0 1 10 6 9 11 5 0 14 7 11 10 4 13 1 5 8 12 6 9 3 2 15 13 8 10 1 3 15 4 2 11 6 7 12 0 5 14 9',
  '10 0 9 14 6 3 15 5 1 13 12 7 11 4 2 8 13 7 0 9 3 4 6 10 2 8 5 14 12 11 15 1 13 6 4 9 8 15 3 0 11 1 2 12 5 10 14 7 1 10 13 0 6 9 8 7 4 15 14 3 11 5 2 12',
  '7 13 14 3 0 6 9 10 1 2 8 5 11 12 4 15 13 8 11 5 6 15 0 3 4 7 2 12 1 10 14 9 10 6 9 0 12 11 7 13 15 1 3 14 5 2 8 4 3 15 0 6 10 1 13 8 9 4 5 11 12 7 2 14',
  '2 12 4 1 7 10 11 6 8 5 3 15 13 0 14 9 14 11 2 12 4 7 13 1 5 0 15 10 3 9 8 6 4 2 1 11 10 13 7 8 15 9 12 5 6 3 0 14 11 8 12 7 1 14 2 13 6 15 0 9 10 4 5 3',
  '12 1 10 15 9 2 6 8 0 13 3 4 14 7 5 11 10 15 4 2 7 12 9 5 6 1 13 14 0 11 3 8 9 14 15 5 2 8 12 3 7 0 4 10 1 13 11 6 4 3 2 12 9 5 15 10 11 14 1 7 6 0 8 13',
  '4 11 2 14 15 0 8 13 3 12 9 7 5 10 6 1 13 0 11 7 4 9 1 10 14 3 5 12 2 15 8 6 1 4 11 13 12 3 7 14 10 15 6 8 0 5 9 2 6 11 13 8 1 4 10 7 9 5 0 15 14 2 3 12',
  '13 2 8 4 6 15 11 1 10 9 3 14 5 0 12 7 1 15 13 8 10 3 7 4 12 5 6 11 0 14 9 2 7 11 4 1 9 12 14 2 0 6 10 13 15 3 5 8 2 1 14 7 4 10 8 13 15 12 9 0 3 5 6 11',
].map((box) => box.split(' ').map(Number));
// The final permutation undoes IP; E spreads 32 bits to 48 (each 4-bit group with its neighbours' edge bits).
const FP = IP.map((_, i) => IP.indexOf(i + 1) + 1);
const E = Array.from({ length: 48 }, (_, i) => ((Math.floor(i / 6) * 4 + (i % 6) + 31) % 32) + 1);

const permute = (bits: Bits, table: readonly number[]): Bits => table.map((position) => bits[position - 1]!);
const rotate = (bits: Bits, by: number): Bits => [...bits.slice(by), ...bits.slice(0, by)];

function toBits(bytes: Uint8Array): Bits {
  const bits: Bits = [];
  for (const byte of bytes) for (let i = 7; i >= 0; i--) bits.push((byte >> i) & 1);
  return bits;
}

function toBytes(bits: Bits): Uint8Array {
  const bytes = new Uint8Array(bits.length / 8);
  bits.forEach((bit, i) => (bytes[i >> 3]! |= bit << (7 - (i & 7))));
  return bytes;
}

/** The 16 round keys of one 8-byte DES key (parity bits ignored). */
function roundKeys(key: Uint8Array): Bits[] {
  let c = permute(toBits(key), PC1);
  let d = c.splice(28);
  return SHIFTS.map((shift) => {
    c = rotate(c, shift);
    d = rotate(d, shift);
    return permute([...c, ...d], PC2);
  });
}

function feistel(right: Bits, key: Bits): Bits {
  const mixed = permute(right, E).map((bit, i) => bit ^ key[i]!);
  const out: Bits = [];
  for (let box = 0; box < 8; box++) {
    const six = mixed.slice(box * 6, box * 6 + 6);
    const row = (six[0]! << 1) | six[5]!;
    const column = (six[1]! << 3) | (six[2]! << 2) | (six[3]! << 1) | six[4]!;
    const value = S[box]![row * 16 + column]!;
    for (let i = 3; i >= 0; i--) out.push((value >> i) & 1);
  }
  return permute(out, P);
}

/** One DES block; decryption is the same network with the round keys reversed. */
function desBlock(block: Bits, keys: readonly Bits[]): Bits {
  const state = permute(block, IP);
  let left = state.slice(0, 32);
  let right = state.slice(32);
  for (const key of keys) [left, right] = [right, feistel(right, key).map((bit, i) => bit ^ left[i]!)];
  return permute([...right, ...left], FP);
}

/** Parse a 48-hex-digit (24-byte) 3DES key into its three DES keys' round keys. */
function tripleKeys(keyHex: string): [Bits[], Bits[], Bits[]] {
  if (!/^[0-9a-fA-F]{48}$/.test(keyHex)) {
    throw new TypeError(`Expected the 3DES key to be 48 hex digits, got ${keyHex.length} characters`);
  }
  const key = new Uint8Array(24);
  for (let i = 0; i < 24; i++) key[i] = parseInt(keyHex.slice(i * 2, i * 2 + 2), 16);
  return [roundKeys(key.subarray(0, 8)), roundKeys(key.subarray(8, 16)), roundKeys(key.subarray(16, 24))];
}

/**
 * Encrypt UTF-8 `text` with 3DES-EDE in ECB mode, PKCS#5 padding, as the
 * platform does for user fields; answers base64.
 *
 * @example
 * ```ts
 * encrypt3des('13800138000', '0123456789abcdeffedcba987654321089abcdef01234567'); // 'lst7/3YbD5ojqDEH0uSHKg=='
 * ```
 */
export function encrypt3des(text: string, keyHex: string): string {
  const [k1, k2, k3] = tripleKeys(keyHex);
  const plain = new TextEncoder().encode(text);
  const padding = 8 - (plain.length % 8);
  const padded = new Uint8Array(plain.length + padding).fill(padding);
  padded.set(plain);
  const reversed = [...k2].reverse();
  const cipher = new Uint8Array(padded.length);
  for (let offset = 0; offset < padded.length; offset += 8) {
    const block = toBits(padded.subarray(offset, offset + 8));
    // EDE: encrypt with K1, decrypt with K2, encrypt with K3.
    cipher.set(toBytes(desBlock(desBlock(desBlock(block, k1), reversed), k3)), offset);
  }
  return encodeBase64(cipher);
}

/**
 * Decrypt base64 `cipherText` made by {@link encrypt3des} (or the platform's
 * partners): answers the UTF-8 text, or `undefined` when the key is wrong or
 * the value damaged — the fake platform then refuses the request.
 *
 * @example
 * ```ts
 * decrypt3des('lst7/3YbD5ojqDEH0uSHKg==', '0123456789abcdeffedcba987654321089abcdef01234567'); // '13800138000'
 * ```
 */
export function decrypt3des(cipherText: string, keyHex: string): string | undefined {
  const [k1, k2, k3] = tripleKeys(keyHex);
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(cipherText);
  } catch {
    return undefined;
  }
  if (bytes.length === 0 || bytes.length % 8 !== 0) return undefined;
  const plain = new Uint8Array(bytes.length);
  const [r1, r3] = [[...k1].reverse(), [...k3].reverse()];
  for (let offset = 0; offset < bytes.length; offset += 8) {
    const block = toBits(bytes.subarray(offset, offset + 8));
    // EDE reversed: decrypt with K3, encrypt with K2, decrypt with K1.
    plain.set(toBytes(desBlock(desBlock(desBlock(block, r3), k2), r1)), offset);
  }
  const padding = plain[plain.length - 1]!;
  if (padding < 1 || padding > 8 || plain.subarray(plain.length - padding).some((b) => b !== padding)) {
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain.subarray(0, plain.length - padding));
  } catch {
    return undefined;
  }
}
