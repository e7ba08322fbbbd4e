import { describe, expect, it } from 'vitest';
import { UpsdkError } from '../../src/index.js';
import { type ReadOptions } from '../../src/media.js';
import { setup } from './harness.js';
import { chooseFileFromAlbum, readAlbumFile, readFaceImage } from '../../src/media.js';

describe('read options', () => {
  it('reject a chunkSize above 524288 with a message naming the field and value', () => {
    const { client } = setup();
    expect(() => readAlbumFile(client, 'sim://x', { chunkSize: 600000 })).toThrow(
      'Expected `chunkSize` to be an integer in 1…524288, got 600000',
    );
  });

  it.each<[string, ReadOptions]>([
    ['chunkSize', { chunkSize: 0 }],
    ['chunkSize', { chunkSize: 1.5 }],
    ['from', { chunkSize: 1000, from: 1500 }],
    ['from', { from: -524288 }],
    ['prefetch', { prefetch: -1 }],
    ['prefetch', { prefetch: 17 }],
    ['retries', { retries: 1.5 }],
    ['retryDelay', { retryDelay: -1 }],
    ['timeout', { timeout: 0 }],
  ])('reject a bad %s with code invalid_param before any bridge call', (field, options) => {
    const { sim, client } = setup();
    const error = (() => {
      try {
        readFaceImage(client, options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UpsdkError);
    expect(error).toMatchObject({ code: 'invalid_param', plugin: 'readFaceImageData' });
    expect((error as Error).message).toContain(`\`${field}\``);
    expect(sim.calls).toHaveLength(0);
  });

  it('reject a `from` past the end of a file of known size', async () => {
    const { sim, client } = setup();
    sim.files.addAlbumFile({ size: 1000 });
    const file = await chooseFileFromAlbum(client);
    expect(() => readAlbumFile(client, file, { chunkSize: 1000, from: 2000 })).toThrow(/`from`/);
  });

  it('reject a file handle without a url', () => {
    const { client } = setup();
    expect(() => readAlbumFile(client, '')).toThrow(expect.objectContaining({ code: 'invalid_param' }));
  });
});
