/**
 * Base64 ↔ bytes for chunk payloads. The runtime's own `Uint8Array.fromBase64`
 * / `toBase64` are used where they exist (native, fastest); elsewhere a
 * table-driven fallback works on the string's ASCII bytes, which a native
 * `TextEncoder` produces far faster than per-character `charCodeAt` calls.
 *
 * Both paths accept the same input as `Uint8Array.fromBase64` with its
 * defaults: the standard alphabet, ASCII whitespace anywhere (Android's
 * `Base64.DEFAULT` wraps lines every 76 characters), padding present or
 * missing.
 */

import { BASE64_WASM } from './simd/base64-wasm.js';

interface NativeBase64 {
  fromBase64?: (text: string) => Uint8Array;
}
interface NativeToBase64 {
  toBase64?: () => string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INVALID = 0xff;
const PAD = 0x3d; // '='

/** Char code → 6-bit value, {@link INVALID} for anything outside the alphabet. */
const DECODE = new Uint8Array(256).fill(INVALID);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** 6-bit value → char code. */
const ENCODE = new Uint8Array(64);
for (let i = 0; i < ALPHABET.length; i++) ENCODE[i] = ALPHABET.charCodeAt(i);

const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder();

/** A string that is not valid base64. */
export class Base64Error extends SyntaxError {
  override name = 'Base64Error';
}

/**
 * Decode standard base64 to bytes.
 *
 * @throws {@link Base64Error} on a character outside the alphabet, misplaced padding or a dangling character.
 * @example
 * ```ts
 * decodeBase64('aGk='); // Uint8Array [104, 105]
 * ```
 */
export function decodeBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  if (native) {
    try {
      return native(text);
    } catch (error) {
      throw new Base64Error(String(error instanceof Error ? error.message : error));
    }
  }
  return simdDecoder() ? decodeWithSimd(text) : decodeFallback(text);
}

/** The portable decoder: base64 text as ASCII bytes, decoded four characters at a time. */
export function decodeFallback(text: string): Uint8Array {
  const ascii = encoder.encode(text);
  if (ascii.length !== text.length) throw new Base64Error('base64 text contains non-ASCII characters');
  return decodeAscii(ascii);
}

/** Decode ASCII bytes; whitespace and bad padding are sorted out here, off the hot path. */
function decodeAscii(ascii: Uint8Array): Uint8Array {
  const { end, padding } = trimEnd(ascii);
  if (fits(end, padding)) {
    const out = new Uint8Array(decodedLength(end, padding));
    if (decodeQuads(ascii, 0, end, out, 0)) return out;
  }
  // Rare path: whitespace inside the text (or garbage). Squeeze whitespace out and decode again.
  const squeezed = stripWhitespace(ascii.subarray(0, end));
  const again = new Uint8Array(decodedLength(squeezed.length, padding));
  if (!decodeQuads(squeezed, 0, squeezed.length, again, 0)) fail(squeezed);
  return again;
}

/** Where the characters end once trailing whitespace and up to two `=` (in any mix) are cut. */
function trimEnd(ascii: Uint8Array): { end: number; padding: number } {
  let end = ascii.length;
  let padding = 0;
  for (; end > 0; end--) {
    const code = ascii[end - 1]!;
    if (code === PAD && padding < 2) padding++;
    else if (!isWhitespace(code)) break;
  }
  return { end, padding };
}

/** Whether `chars` unpadded characters plus `padding` can be valid: never 1 mod 4, padding completes a quad. */
const fits = (chars: number, padding: number): boolean =>
  (chars & 3) !== 1 && (padding === 0 || (chars & 3) + padding === 4);

/** Bytes that `chars` unpadded characters decode to. */
function decodedLength(chars: number, padding: number): number {
  if ((chars & 3) === 1) throw new Base64Error('base64 text has a dangling character');
  if (!fits(chars, padding)) throw new Base64Error('base64 text has misplaced padding');
  const rest = chars & 3;
  return (chars >> 2) * 3 + (rest === 0 ? 0 : rest - 1);
}

/**
 * Decode `ascii[start..end)` (no padding, length ≡ 0, 2 or 3 mod 4) into `out` at `o`.
 * False if an invalid byte (maybe whitespace) is met.
 */
function decodeQuads(ascii: Uint8Array, start: number, end: number, out: Uint8Array, o: number): boolean {
  const rest = (end - start) & 3;
  const whole = end - rest;
  const table = DECODE;
  for (let i = start; i < whole; i += 4) {
    const a = table[ascii[i]!]!;
    const b = table[ascii[i + 1]!]!;
    const c = table[ascii[i + 2]!]!;
    const d = table[ascii[i + 3]!]!;
    // Valid values are < 64, so one OR tells whether any of the four is INVALID.
    if ((a | b | c | d) > 63) return false;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o] = v >>> 16;
    out[o + 1] = (v >>> 8) & 0xff;
    out[o + 2] = v & 0xff;
    o += 3;
  }
  if (rest > 0) {
    const a = table[ascii[whole]!]!;
    const b = table[ascii[whole + 1]!]!;
    const c = rest === 3 ? table[ascii[whole + 2]!]! : 0;
    if ((a | b | c) > 63) return false;
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o] = v >>> 16;
    if (rest === 3) out[o + 1] = (v >>> 8) & 0xff;
  }
  return true;
}

/** Decode through the SIMD module: the bulk in WebAssembly, the last < 64 characters here. */
function decodeWithSimd(text: string): Uint8Array {
  const simd = simdDecoder()!;
  const outStart = (text.length + 15) & ~15;
  const memory = simd.reserve(outStart + Math.ceil(text.length / 4) * 3 + 16);
  const ascii = memory.subarray(0, text.length);
  if (encoder.encodeInto(text, ascii).written !== text.length) {
    throw new Base64Error('base64 text contains non-ASCII characters');
  }
  const { end, padding } = trimEnd(ascii);
  const consumed = fits(end, padding) ? simd.decode(0, end, outStart) : -1;
  const length = consumed < 0 ? 0 : decodedLength(end, padding);
  if (consumed < 0 || !decodeQuads(ascii, consumed, end, memory, outStart + (consumed >> 2) * 3)) {
    return decodeAscii(ascii.slice());
  }
  // One copy out of the module's memory, which the next call reuses.
  return new Uint8Array(memory.buffer.slice(outStart, outStart + length));
}

const isWhitespace = (code: number): boolean =>
  code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x0c;

function stripWhitespace(ascii: Uint8Array): Uint8Array {
  const out = new Uint8Array(ascii.length);
  let o = 0;
  for (const code of ascii) if (!isWhitespace(code)) out[o++] = code;
  return out.subarray(0, o);
}

function fail(ascii: Uint8Array): never {
  const at = ascii.findIndex((code) => DECODE[code] === INVALID);
  throw new Base64Error(
    `invalid base64 character ${JSON.stringify(String.fromCharCode(ascii[at] ?? 0))} at ${at}`,
  );
}

/**
 * Encode bytes as padded standard base64 (what the bridge sends).
 *
 * @example
 * ```ts
 * encodeBase64(new Uint8Array([104, 105])); // 'aGk='
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  const native = (bytes as unknown as NativeToBase64).toBase64;
  if (native) return native.call(bytes);
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o] = ENCODE[v >>> 18]!;
    out[o + 1] = ENCODE[(v >>> 12) & 63]!;
    out[o + 2] = ENCODE[(v >>> 6) & 63]!;
    out[o + 3] = ENCODE[v & 63]!;
    o += 4;
  }
  if (whole < bytes.length) {
    const two = bytes.length - whole === 2;
    const v = (bytes[whole]! << 16) | (two ? bytes[whole + 1]! << 8 : 0);
    out[o] = ENCODE[v >>> 18]!;
    out[o + 1] = ENCODE[(v >>> 12) & 63]!;
    out[o + 2] = two ? ENCODE[(v >>> 6) & 63]! : PAD;
    out[o + 3] = PAD;
  }
  // The output is pure ASCII, so a native UTF-8 decode turns it into a string in one step.
  return decoder.decode(out);
}

/** The WebAssembly SIMD decoder and its memory. */
interface SimdDecoder {
  /** Decode whole 64-character runs at `input` to `output`; characters consumed, or -1 on a bad character. */
  decode(input: number, length: number, output: number): number;
  /** The module's memory as bytes, grown first to at least `capacity` bytes. */
  reserve(capacity: number): Uint8Array<ArrayBuffer>;
}

/** undefined: not tried yet; null: unavailable here (no WebAssembly, no SIMD, or a CSP forbids it). */
let simd: SimdDecoder | null | undefined;

function simdDecoder(): SimdDecoder | undefined {
  if (simd === undefined) simd = loadSimd();
  return simd ?? undefined;
}

function loadSimd(): SimdDecoder | null {
  const wasm = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (!wasm) return null;
  try {
    const bytes = decodeFallback(BASE64_WASM) as Uint8Array<ArrayBuffer>;
    if (!wasm.validate(bytes)) return null;
    // Synchronous compile is fine: the module is far below browsers' 4 KiB main-thread limit.
    const { exports } = new wasm.Instance(new wasm.Module(bytes));
    const memory = exports.memory as WebAssembly.Memory;
    return {
      decode: exports.decode as SimdDecoder['decode'],
      reserve(capacity) {
        const missing = capacity - memory.buffer.byteLength;
        if (missing > 0) memory.grow(Math.ceil(missing / 65536));
        return new Uint8Array(memory.buffer);
      },
    };
  } catch {
    return null;
  }
}
