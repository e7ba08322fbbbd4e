/**
 * How the simulated app writes bytes into BLE values and HCE data. §6.23 and
 * §6.24 document them only as "string"; the simulator offers the forms a real
 * app plausibly uses (upper-case hex, base64, a string of 0/1 bits) and lets
 * a test pick one, so the client is tried under each. Written here rather
 * than taken from the client's codecs, so both cannot share one mistake.
 */
import type { ValueCodec, ValueEncoding } from '../../plugins/value-codec.js';
import { decodeBase64, encodeBase64 } from '../../streams/base64.js';

/** Fixed-width digit groups: `width` digits of `radix` per byte. */
function groups(radix: number, width: number): ValueCodec {
  const digit = radix === 16 ? '[0-9A-Fa-f]' : '[01]';
  const whole = new RegExp(`^(?:${digit}{${width}})*$`);
  return {
    encode: (bytes) =>
      Array.from(bytes, (byte) => byte.toString(radix).toUpperCase().padStart(width, '0')).join(''),
    decode(text) {
      if (!whole.test(text)) return undefined;
      const bytes = new Uint8Array(text.length / width);
      for (let i = 0; i < bytes.length; i++)
        bytes[i] = parseInt(text.slice(i * width, i * width + width), radix);
      return bytes;
    },
  };
}

/** The simulated app's encodings by name. */
export const WIRE_CODECS: Readonly<Record<ValueEncoding, ValueCodec>> = {
  hex: groups(16, 2),
  binary: groups(2, 8),
  base64: {
    encode: encodeBase64,
    decode(text) {
      try {
        return decodeBase64(text);
      } catch {
        return undefined;
      }
    },
  },
};
