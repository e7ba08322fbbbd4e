import { describe, expect, it } from 'vitest';
import {
  chooseFileFromAlbum,
  MAX_CHUNK_SIZE,
  readAlbumFile,
  readAudioRecording,
  readFaceImage,
  readFaceVideo,
  readVideoRecording,
} from '../../src/media.js';
import { blobBytes, drain, drainStream, setup, sha256 } from './harness.js';

const CS = MAX_CHUNK_SIZE;
const SIZES = [0, 1, CS - 1, CS, CS + 1, 5 * 1024 * 1024 + 3];

describe('reading an album file', () => {
  it.each(SIZES)('yields exactly the %i bytes of the file through the iterator', async (size) => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size });
    const bytes = await drain(readAlbumFile(client, await chooseFileFromAlbum(client)));
    expect(bytes.length).toBe(size);
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file)));
  });

  it.each(SIZES)('yields exactly the %i bytes through the ReadableStream', async (size) => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size });
    const bytes = await drainStream(readAlbumFile(client, await chooseFileFromAlbum(client)).stream());
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file)));
  });

  it.each(SIZES)('collects the %i bytes into a Blob typed from the file name', async (size) => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size, name: 'clip.MOV' });
    const blob = await readAlbumFile(client, await chooseFileFromAlbum(client)).blob();
    expect(blob.type).toBe('video/quicktime');
    expect(blob.size).toBe(size);
    expect(sha256(await blobBytes(blob))).toBe(sha256(sim.files.contentOf(file)));
  });

  it.each(SIZES)('collects the %i bytes into one Uint8Array', async (size) => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size });
    const bytes = await readAlbumFile(client, await chooseFileFromAlbum(client)).bytes();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file)));
  });

  it('asks the bridge with string bufferSize and fromOffset = k × bufferSize', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 2500 });
    await drain(readAlbumFile(client, file.url, { chunkSize: 1000 }));
    expect(sim.callsOf('readAlbumData').map((call) => call.params)).toEqual(
      ['0', '1000', '2000'].map((fromOffset) => ({ url: file.url, bufferSize: '1000', fromOffset })),
    );
  });

  it('yields chunks of chunkSize bytes and a shorter last one', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 2500 });
    const lengths: number[] = [];
    for await (const bytes of readAlbumFile(client, file.url, { chunkSize: 1000 }))
      lengths.push(bytes.length);
    expect(lengths).toEqual([1000, 1000, 500]);
  });

  it('resumes at `from`, yielding only the bytes from there on', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 10_000 });
    const bytes = await drain(readAlbumFile(client, file.url, { chunkSize: 1024, from: 4096 }));
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file, 4096)));
    expect(sim.callsOf('readAlbumData')[0]?.params.fromOffset).toBe('4096');
  });

  it('reports progress after each chunk with the file size as total', async () => {
    const { sim, client } = setup();
    sim.files.addAlbumFile({ size: 2500 });
    const file = await chooseFileFromAlbum(client);
    const seen: unknown[] = [];
    await drain(
      readAlbumFile(client, file, { chunkSize: 1000, onProgress: (progress) => seen.push(progress) }),
    );
    expect(seen).toEqual([
      { loaded: 1000, total: 2500 },
      { loaded: 2000, total: 2500 },
      { loaded: 2500, total: 2500 },
    ]);
  });

  it('reads the file again from the start on each iteration', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 3000 });
    const source = readAlbumFile(client, file.url, { chunkSize: 1000 });
    const first = await drain(source);
    const second = await drain(source);
    expect(sha256(second)).toBe(sha256(first));
  });

  it.each(['number', 'boolean'] as const)('ends on isFinished sent as a %s', async (style) => {
    const { sim, client } = setup();
    sim.files.setFinishedFlag(style);
    const file = sim.files.addAlbumFile({ size: 2500 });
    const bytes = await drain(readAlbumFile(client, file.url, { chunkSize: 1000 }));
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file)));
    expect(sim.callsOf('readAlbumData')).toHaveLength(3);
  });
});

const READERS = { readAudioRecording, readVideoRecording, readFaceVideo, readFaceImage };

describe('reading device files', () => {
  const cases = [
    ['readAudioRecording', 'audioRecording', 'readAudioRecordingData', 'application/octet-stream'],
    ['readVideoRecording', 'videoRecording', 'readVideoRecordingData', 'application/octet-stream'],
    ['readFaceVideo', 'faceVideo', 'readFaceVideoData', 'video/mp4'],
    ['readFaceImage', 'faceImage', 'readFaceImageData', 'image/jpeg'],
  ] as const;

  it.each(cases)('%s yields the %s slot byte-exactly', async (method, slot, plugin) => {
    const { sim, client } = setup();
    const file = sim.files.setFile(slot, { size: 3 * CS + 11 })!;
    const bytes = await drain(READERS[method](client));
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file)));
    expect(sim.callsOf(plugin).map((call) => call.params.fromOffset)).toEqual([
      '0',
      '524288',
      '1048576',
      '1572864',
    ]);
  });

  it.each(cases)('%s makes a Blob of type %s', async (method, slot, _plugin, type) => {
    const { sim, client } = setup();
    sim.files.setFile(slot, { size: 10 });
    expect((await READERS[method](client).blob()).type).toBe(type);
  });

  it('takes the Blob type from the read options', async () => {
    const { sim, client } = setup();
    sim.files.setFile('audioRecording', { size: 10 });
    expect((await readAudioRecording(client, { type: 'audio/amr' }).blob()).type).toBe('audio/amr');
  });

  it('rejects with code 07 when there is no face image', async () => {
    const { client } = setup();
    await expect(readFaceImage(client).bytes()).rejects.toMatchObject({
      code: '07',
      plugin: 'readFaceImageData',
    });
  });
});
