/**
 * Base64 ↔ bytes for chunk payloads, with the platform's own decoders:
 * `Uint8Array.fromBase64` / `toBase64` where they exist (Chromium 140+,
 * Safari 18.2+, Firefox 133+), else `atob` / `btoa`. Both accept what the
 * bridge sends: the standard alphabet, ASCII whitespace anywhere (Android's
 * `Base64.DEFAULT` wraps lines every 76 characters), padding present or
 * missing.
 *
 * Why no decoder of our own: in real Chromium (bench suite `chunks`) the
 * native `fromBase64` decodes 512 KiB chunks several times faster than the
 * WebAssembly SIMD decoder we used to ship, and where it is missing `atob`
 * still decodes far faster than the bridge delivers chunks; our own decoders
 * cost every page about 2 KB gzip for no gain it could see.
 */

interface NativeBase64 {
  fromBase64?: ((text: string) => Uint8Array<ArrayBuffer>) | undefined;
}
interface NativeToBase64 {
  toBase64?: (() => string) | undefined;
}

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
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  try {
    const native = (Uint8Array as unknown as NativeBase64).fromBase64;
    if (native) return native(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch (cause) {
    // fromBase64 throws a SyntaxError, atob a DOMException: one typed error for both.
    throw new Base64Error('not valid base64', { cause });
  }
}

/** Bytes per `String.fromCharCode` call: far below every engine's argument limit. */
const SLICE = 0x8000;

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
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}
