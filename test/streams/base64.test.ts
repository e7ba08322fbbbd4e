import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Base64Error, decodeBase64, encodeBase64 } from '../../src/media.js';
const decoders = { 'decodeBase64 (atob)': decodeBase64 };
const samples = Array.from({ length: 200 }, (_, n) => randomBytes(n));

describe.each(Object.entries(decoders))('%s', (_name, decode) => {
  it('decodes every length, so every padding case, byte-exactly', () => {
    for (const bytes of samples)
      expect(Buffer.from(decode(Buffer.from(bytes).toString('base64')))).toEqual(bytes);
  });

  it('accepts base64 without padding', () => {
    for (const bytes of samples) {
      expect(Buffer.from(decode(Buffer.from(bytes).toString('base64').replace(/=+$/, '')))).toEqual(bytes);
    }
  });

  it('skips whitespace anywhere, as in line-wrapped Android output', () => {
    for (const bytes of samples) {
      const wrapped = ` ${Buffer.from(bytes)
        .toString('base64')
        .replace(/(.{5})/g, '$1\r\n')}\n`;
      expect(Buffer.from(decode(wrapped))).toEqual(bytes);
    }
  });

  it('decodes a whole 512 KiB chunk plus a tail byte-exactly', () => {
    const bytes = randomBytes(524_288 + 7);
    expect(Buffer.compare(decode(bytes.toString('base64')), bytes)).toBe(0);
  });

  it.each(['a', 'aGk==x', 'aG=k', '@@@@', 'aGk=x', 'é', `${'A'.repeat(64)}*${'A'.repeat(63)}`, 'aGVsbG8==='])(
    'rejects %j with a Base64Error',
    (text) => {
      expect(() => decode(text)).toThrow(Base64Error);
    },
  );
});

describe('encodeBase64', () => {
  it('matches padded standard base64 for every length', () => {
    for (const bytes of samples) expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('encodes more bytes than one String.fromCharCode slice byte-exactly', () => {
    const bytes = randomBytes(3 * 0x8000 + 5);
    expect(encodeBase64(bytes)).toBe(bytes.toString('base64'));
  });

  it('uses the native toBase64 when the runtime has it', () => {
    const bytes = Uint8Array.of(104, 105) as Uint8Array & { toBase64?: () => string };
    bytes.toBase64 = () => 'native';
    expect(encodeBase64(bytes)).toBe('native');
  });
});

describe('native Uint8Array.fromBase64', () => {
  const holder = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };
  afterEach(() => {
    delete holder.fromBase64;
  });

  it('is used when the runtime has it', () => {
    const seen: string[] = [];
    holder.fromBase64 = (text) => {
      seen.push(text);
      return new Uint8Array(Buffer.from(text, 'base64'));
    };
    expect(Array.from(decodeBase64('aGk='))).toEqual([104, 105]);
    expect(seen).toEqual(['aGk=']);
  });

  it('has its SyntaxError turned into a Base64Error', () => {
    holder.fromBase64 = () => {
      throw new SyntaxError('bad');
    };
    expect(() => decodeBase64('a')).toThrow(Base64Error);
  });
});
