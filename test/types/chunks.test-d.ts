/**
 * Bytes the package hands out are `Uint8Array<ArrayBuffer>`, so a page can pass them straight to
 * `fetch`, `Blob` or WebCrypto: since TS 5.7 a `Uint8Array<ArrayBufferLike>` (possibly shared
 * memory) is not a `BodyInit`.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { ChosenImage } from '../../src/device.js';
import { decodeBase64, type ChunkSource } from '../../src/media.js';
import type { Bluetooth, BluetoothEvents } from '../../src/bluetooth.js';
import type { Hce, HceMessage } from '../../src/hce.js';

type Chunk = ChunkSource extends AsyncIterable<infer T> ? T : never;

describe('chunk bytes', () => {
  it('a chunk from a reader is a fetch body', () => {
    expectTypeOf<Chunk>().toExtend<BodyInit>();
    expectTypeOf<Chunk>().toEqualTypeOf<Uint8Array<ArrayBuffer>>();
  });

  it('a whole read file and its stream are fetch bodies', () => {
    expectTypeOf<Awaited<ReturnType<ChunkSource['bytes']>>>().toExtend<BodyInit>();
    expectTypeOf<ReturnType<ChunkSource['stream']>>().toExtend<BodyInit>();
  });

  it('a chosen image and decoded base64 are fetch bodies', () => {
    expectTypeOf<ReturnType<ChosenImage['bytes']>>().toExtend<BodyInit>();
    expectTypeOf(decodeBase64('aGk=')).toExtend<BodyInit>();
  });

  it('a chunk goes into fetch without a cast', () => {
    const send = async (source: ChunkSource): Promise<void> => {
      for await (const bytes of source) await fetch('/upload', { method: 'PUT', body: bytes });
    };
    expectTypeOf(send).returns.resolves.toBeVoid();
  });
});

describe('Bluetooth and HCE bytes', () => {
  it('a characteristic value, read or notified, is a fetch body', () => {
    expectTypeOf<Awaited<ReturnType<Bluetooth['read']>>['value']>().toEqualTypeOf<Uint8Array<ArrayBuffer>>();
    expectTypeOf<BluetoothEvents['characteristicValueChange']['value']>().toExtend<BodyInit>();
  });

  it("an HCE command and the chip's answer are fetch bodies", () => {
    expectTypeOf<HceMessage['value']>().toEqualTypeOf<Uint8Array<ArrayBuffer>>();
    expectTypeOf<Awaited<ReturnType<Hce['send']>>['value']>().toExtend<BodyInit>();
  });
});
