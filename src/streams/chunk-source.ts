/**
 * A chunked file as the user sees it: iterate it with `for await`, or turn it into a
 * `ReadableStream`, a `Blob` or one `Uint8Array`. Every form reads through a fresh
 * {@link pumpChunks}, so memory stays at a few chunks unless you ask for the whole file.
 */
import { pumpChunks, type ChunkIterator, type ChunkRead } from './chunk-pump.js';

/**
 * One chunked file on the device (album file, recording, face video or image). Each
 * iteration — and each `stream()`, `blob()` or `bytes()` — reads it again from `from`.
 *
 * @example
 * ```ts
 * const file = await chooseFileFromAlbum(client, { sourceType: 'video' });
 * for await (const bytes of readAlbumFile(client, file)) await upload(bytes);
 * ```
 */
export interface ChunkSource extends AsyncIterable<Uint8Array<ArrayBuffer>> {
  /** MIME type used for `blob()`. */
  readonly type: string;
  /** The file's size in bytes when the bridge reported it (album files), else undefined. */
  readonly size: number | undefined;
  /**
   * Read the file chunk by chunk, exact bytes in order. Leaving the loop early stops reading.
   *
   * @example
   * ```ts
   * for await (const bytes of source) hash.update(bytes);
   * ```
   */
  [Symbol.asyncIterator](): ChunkIterator;
  /**
   * The file as a pull-based `ReadableStream`: a chunk is read only when the stream is pulled
   * (plus the `prefetch` window); cancelling the stream stops reading.
   *
   * @example
   * ```ts
   * // A stream body needs `duplex: 'half'`, which the DOM typings do not list yet.
   * await fetch('/upload', { method: 'POST', body: source.stream(), duplex: 'half' } as RequestInit);
   * ```
   */
  stream(): ReadableStream<Uint8Array<ArrayBuffer>>;
  /**
   * Read the whole file into a `Blob` of type {@link ChunkSource.type}.
   *
   * @example
   * ```ts
   * img.src = URL.createObjectURL(await readFaceImage(client).blob());
   * ```
   */
  blob(): Promise<Blob>;
  /**
   * Read the whole file into one `Uint8Array`.
   *
   * @example
   * ```ts
   * const bytes = await readAudioRecording(client).bytes();
   * ```
   */
  bytes(): Promise<Uint8Array<ArrayBuffer>>;
}

/** The source reading `read`; its `blob()` is of `type`. */
export function chunkSource(read: ChunkRead, type: string): ChunkSource {
  const collect = async (): Promise<Uint8Array<ArrayBuffer>[]> => {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for await (const bytes of source) parts.push(bytes);
    return parts;
  };
  const source: ChunkSource = {
    type,
    size: read.size,
    [Symbol.asyncIterator]: () => pumpChunks(read),
    stream() {
      const pump = pumpChunks(read);
      return new ReadableStream(
        {
          async pull(controller) {
            const result = await pump.next();
            if (result.done) controller.close();
            else controller.enqueue(result.value);
          },
          cancel: () => void pump.return(),
        },
        // No queue of our own: backpressure is the prefetch window.
        { highWaterMark: 0 },
      );
    },
    blob: async () => new Blob(await collect(), { type }),
    async bytes() {
      const parts = await collect();
      const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
      parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0);
      return out;
    },
  };
  return source;
}
