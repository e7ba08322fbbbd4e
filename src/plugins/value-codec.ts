/**
 * How bytes travel over the bridge. The vendor documents BLE values and HCE
 * data only as "string" (hex? base64? the HCE page even says "binary made of
 * 0 and 1"), so the encoding is an option and every conversion between bytes
 * and wire strings happens here, for the client and the simulator alike.
 */
import { invalidParam } from '../client/errors.js';
import { decodeBase64, encodeBase64 } from '../streams/base64.js';
import { textOf } from '../shared/text-of.js';

/** Built-in wire encodings: hex digits, standard base64, or a string of `0`/`1` bits. */
export type ValueEncoding = 'hex' | 'base64' | 'binary';

/**
 * Converts bytes to and from the wire string. Supply your own when a device
 * shows that the app uses something else.
 *
 * @example
 * ```ts
 * const latin1: ValueCodec = {
 *   encode: (bytes) => String.fromCharCode(...bytes),
 *   decode: (text) => Uint8Array.from(text, (c) => c.charCodeAt(0)),
 * };
 * const ble = bluetooth(client, { valueEncoding: latin1 }); // on the first call for that client
 * ```
 */
export interface ValueCodec {
  /** Bytes → wire string. */
  encode(bytes: Uint8Array): string;
  /** Wire string → bytes, or `undefined` when the string is not in this encoding. */
  decode(text: string): Uint8Array | undefined;
}

/** Bytes a caller may pass: a hex string or any binary view. */
export type BinaryInput = Uint8Array | ArrayBuffer | DataView | string;

/**
 * A value as received: the bytes and the exact wire string.
 * `decoded` is false (and `value` empty) when `raw` was not in the configured encoding.
 */
export interface DecodedValue {
  /** Over a plain `ArrayBuffer`, so it goes to `fetch`, `Blob` or `crypto.subtle` as it is. */
  readonly value: Uint8Array<ArrayBuffer>;
  readonly raw: string;
  readonly decoded: boolean;
}

/**
 * Bytes as fixed-width groups of digits: hex (2 per byte, written upper-case)
 * or bits (8 per byte). `whole` matches a string of whole groups.
 */
function digits(radix: number, width: number, whole: RegExp): ValueCodec {
  // Made once per codec: decode runs for every notification and read.
  const group = new RegExp(`.{${width}}`, 'g');
  return {
    encode: (bytes) =>
      Array.from(bytes, (byte) => byte.toString(radix).padStart(width, '0'))
        .join('')
        .toUpperCase(),
    decode: (text) =>
      whole.test(text)
        ? Uint8Array.from(text.match(group) ?? [], (digitsOfByte) => parseInt(digitsOfByte, radix))
        : undefined,
  };
}

const hex = /* @__PURE__ */ digits(16, 2, /^(?:[0-9A-Fa-f]{2})*$/);
const binary = /* @__PURE__ */ digits(2, 8, /^(?:[01]{8})*$/);

const base64: ValueCodec = {
  encode: encodeBase64,
  decode: (text) => {
    // Some senders drop the padding; restore it rather than reject the value.
    const padded = text.length % 4 === 0 ? text : text + '='.repeat(4 - (text.length % 4));
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(padded)) return undefined;
    try {
      return decodeBase64(padded);
    } catch {
      return undefined;
    }
  },
};

/** The built-in codecs by name. */
export const VALUE_CODECS: Readonly<Record<ValueEncoding, ValueCodec>> = { hex, base64, binary };

/**
 * The codec an option names (default hex); `field` names the option in the error.
 *
 * @example
 * ```ts
 * resolveCodec('base64', 'bluetooth.valueEncoding').encode(new Uint8Array([1, 2])); // 'AQI='
 * ```
 */
export function resolveCodec(option: ValueEncoding | ValueCodec | undefined, field: string): ValueCodec {
  if (option === undefined) return hex;
  if (
    typeof option === 'object' &&
    typeof option.encode === 'function' &&
    typeof option.decode === 'function'
  )
    return option;
  if (typeof option === 'string' && option in VALUE_CODECS) return VALUE_CODECS[option];
  // The family (`bluetooth`, `hce`) whose options held the bad value names the error.
  throw invalidParam(
    field.split('.')[0] ?? field,
    field,
    '"hex", "base64", "binary" or a {encode, decode} codec',
    option,
  );
}

/**
 * Caller bytes as a `Uint8Array` (a string is read as hex).
 *
 * @example
 * ```ts
 * toBytes('writeBLECharacteristicValue', 'value', '01FF'); // Uint8Array [1, 255]
 * ```
 */
export function toBytes(plugin: string, field: string, input: unknown): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (typeof input === 'string') {
    const bytes = hex.decode(input);
    if (bytes && bytes.length > 0) return bytes;
  }
  throw invalidParam(
    plugin,
    field,
    'a Uint8Array, ArrayBuffer, DataView or non-empty even-length hex string',
    input,
  );
}

/**
 * A wire value decoded with `codec`, keeping the raw string.
 *
 * @example
 * ```ts
 * decodeValue('0A0B', VALUE_CODECS.hex); // { value: Uint8Array [10, 11], raw: '0A0B', decoded: true }
 * ```
 */
export function decodeValue(raw: unknown, codec: ValueCodec): DecodedValue {
  const text = raw === undefined || raw === null ? '' : textOf(raw);
  const bytes = codec.decode(text);
  return {
    value: bytes ? overArrayBuffer(bytes) : new Uint8Array(0),
    raw: text,
    decoded: bytes !== undefined,
  };
}

/**
 * `bytes` itself when it views a plain `ArrayBuffer` (the built-in codecs' always do), else a copy
 * that does: a codec of the caller's may answer a view of a `SharedArrayBuffer`.
 */
function overArrayBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const plain = (view: Uint8Array): view is Uint8Array<ArrayBuffer> => view.buffer instanceof ArrayBuffer;
  return plain(bytes) ? bytes : bytes.slice();
}
