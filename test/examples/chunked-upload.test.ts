import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createUploadSink, toNodeHandler, type UploadSink } from '../../src/server/index.js';
import { setup, sha256 } from '../streams/harness.js';
import { uploadInChunks } from './chunked-upload.js';
import { chooseFileFromAlbum } from '../../src/media.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** The upload id at the end of an upload URL. */
const idOf = (endpoint: string): string => endpoint.slice(endpoint.lastIndexOf('/') + 1);

/**
 * Serve `sink` on a random loopback port. `failPut(n)` decides whether the n-th PUT fails:
 * 'before' answers 503 without storing it, 'after' stores it and then answers 502 (a lost response).
 */
async function serve(
  sink: UploadSink,
  failPut: (n: number) => 'before' | 'after' | undefined = () => undefined,
): Promise<string> {
  let puts = 0;
  const handler = async (request: Request): Promise<Response> => {
    if (request.method !== 'PUT') return sink.handle(request);
    const fault = failPut(++puts);
    if (fault === 'before') return new Response('busy', { status: 503 });
    const response = await sink.handle(request);
    return fault === 'after' ? new Response('lost', { status: 502 }) : response;
  };
  server = createServer(toNodeHandler(handler, { maxBodyBytes: 1024 * 1024 }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  // The sink issues upload ids: open one, and upload to the URL it answers.
  const opened = await fetch(`${base}/uploads/`, { method: 'POST' });
  expect(opened.status).toBe(201);
  return new URL(opened.headers.get('location')!, base).href;
}

describe('the chunked upload example', () => {
  it.each([0, 1, 524_287, 524_288, 3 * 1024 * 1024 + 5])(
    'uploads a %i-byte file whose SHA-256 the server confirms',
    async (size) => {
      const { sim, client } = setup();
      const original = sim.files.addAlbumFile({ size, name: 'clip.mp4' });
      const sink = createUploadSink();
      const endpoint = await serve(sink);
      const file = await chooseFileFromAlbum(client);
      const result = await uploadInChunks(client, { ...file, size: file.size! }, endpoint);
      expect(result).toMatchObject({ received: size, sha256: sha256(sim.files.contentOf(original)) });
    },
  );

  it('resumes after a failed request without sending stored chunks again', async () => {
    const { sim, client } = setup();
    const original = sim.files.addAlbumFile({ size: 5 * 100_000 + 17 });
    const sink = createUploadSink();
    const endpoint = await serve(sink, (n) => (n === 3 ? 'before' : undefined));
    const file = await chooseFileFromAlbum(client);
    const result = await uploadInChunks(client, { ...file, size: file.size! }, endpoint, {
      chunkSize: 100_000,
    });
    expect(result.sha256).toBe(sha256(sim.files.contentOf(original)));
    expect(sha256(sink.bytes(idOf(endpoint))!)).toBe(result.sha256);
    // Reading resumed at chunk 2, whose PUT failed (chunk 3 had been prefetched meanwhile, then abandoned).
    expect(sim.callsOf('readAlbumData').map((call) => call.params.fromOffset)).toEqual([
      '0',
      '100000',
      '200000',
      '300000',
      '200000',
      '300000',
      '400000',
      '500000',
    ]);
  });

  it('resumes after the answer to a stored chunk was lost, without duplicating it', async () => {
    const { sim, client } = setup();
    const original = sim.files.addAlbumFile({ size: 450_000 });
    const sink = createUploadSink();
    const endpoint = await serve(sink, (n) => (n === 2 ? 'after' : undefined));
    const file = await chooseFileFromAlbum(client);
    const result = await uploadInChunks(client, { ...file, size: file.size! }, endpoint, {
      chunkSize: 100_000,
    });
    expect(result).toMatchObject({ received: 450_000, sha256: sha256(sim.files.contentOf(original)) });
    expect(sha256(sink.bytes(idOf(endpoint))!)).toBe(sha256(sim.files.contentOf(original)));
  });

  it('gives up after the last attempt with the upload error', async () => {
    const { sim, client } = setup();
    sim.files.addAlbumFile({ size: 300_000 });
    const endpoint = await serve(createUploadSink(), () => 'before');
    const file = await chooseFileFromAlbum(client);
    await expect(
      uploadInChunks(client, { ...file, size: file.size! }, endpoint, { chunkSize: 100_000, attempts: 3 }),
    ).rejects.toThrow('HTTP 503');
  });
});

describe('the upload sink', () => {
  /** Open an upload in-process; resolves with its URL. */
  const open = async (sink: UploadSink): Promise<string> => {
    const opened = await sink.handle(new Request('http://127.0.0.1/uploads/', { method: 'POST' }));
    return new URL(opened.headers.get('location')!, 'http://127.0.0.1').href;
  };

  it('answers 409 with its offset when a chunk does not start where it is', async () => {
    const sink = createUploadSink();
    const response = await sink.handle(
      new Request(await open(sink), {
        method: 'PUT',
        headers: { 'content-range': 'bytes 10-19/20' },
        body: new Uint8Array(10),
      }),
    );
    expect(response.status).toBe(409);
    expect(response.headers.get('upload-offset')).toBe('0');
  });

  it('rejects a file larger than maxBytes with 413', async () => {
    const sink = createUploadSink({ maxBytes: 100 });
    const response = await sink.handle(
      new Request(await open(sink), {
        method: 'PUT',
        headers: { 'content-range': 'bytes 0-9/101' },
        body: new Uint8Array(10),
      }),
    );
    expect(response.status).toBe(413);
  });
});
