/**
 * A chunked file as the user sees it: iterate it with `for await`, or turn it into a
 * `ReadableStream`, a `Blob` or one `Uint8Array`. Every form reads through a fresh
 * {@link ChunkPump}, so memory stays at a few chunks unless you ask for the whole file.
 */
import { UpsdkError } from '../client/errors.js';
import { ChunkPump, type ChunkFetcher } from './chunk-pump.js';
import type { ResolvedReadOptions } from './read-options.js';

/** What a source is made of. */
export interface ChunkSourceSpec {
  /** The reader plugin, for errors. */
  readonly plugin: string;
  readonly fetch: ChunkFetcher;
  /** The file's size, when known. */
  readonly size: number | undefined;
  /** MIME type of the file; `options.type` wins. */
  readonly type: string;
  readonly options: ResolvedReadOptions;
}

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
export class ChunkSource implements AsyncIterable<Uint8Array<ArrayBuffer>> {
  /** MIME type used for `blob()`. */
  readonly type: string;
  /** The file's size in bytes when the bridge reported it (album files), else undefined. */
  readonly size: number | undefined;

  /** @internal Sources are made by the client's reader methods. */
  constructor(private readonly spec: ChunkSourceSpec) {
    this.type = spec.options.type ?? spec.type;
    this.size = spec.size;
  }

  /**
   * Read the file chunk by chunk, exact bytes in order. Leaving the loop early stops reading.
   *
   * @example
   * ```ts
   * for await (const bytes of source) hash.update(bytes);
   * ```
   */
  [Symbol.asyncIterator](): ChunkPump {
    return new ChunkPump(this.spec);
  }

  /**
   * The file as a pull-based `ReadableStream`: a chunk is read only when the stream is pulled
   * (plus the `prefetch` window); cancelling the stream stops reading.
   *
   * @example
   * ```ts
   * await fetch('/upload', { method: 'POST', body: source.stream(), duplex: 'half' });
   * ```
   */
  stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const Stream = (globalThis as { ReadableStream?: typeof ReadableStream }).ReadableStream;
    if (!Stream) {
      throw new UpsdkError({
        code: 'unsupported',
        msg: 'this browser has no ReadableStream; iterate the source instead',
        plugin: this.spec.plugin,
      });
    }
    let pump: ChunkPump | undefined;
    return new Stream<Uint8Array<ArrayBuffer>>(
      {
        start: () => {
          pump = this[Symbol.asyncIterator]();
        },
        pull: async (controller) => {
          const result = await pump!.next();
          if (result.done) controller.close();
          else controller.enqueue(result.value);
        },
        cancel: (reason: unknown) => pump?.stop(reason),
      },
      // No queue of our own: backpressure is the prefetch window.
      { highWaterMark: 0 },
    );
  }

  /**
   * Read the whole file into a `Blob` of type {@link ChunkSource.type}.
   *
   * @example
   * ```ts
   * img.src = URL.createObjectURL(await readFaceImage(client).blob());
   * ```
   */
  async blob(): Promise<Blob> {
    return new Blob(await this.collect(), { type: this.type });
  }

  /**
   * Read the whole file into one `Uint8Array`.
   *
   * @example
   * ```ts
   * const bytes = await readAudioRecording(client).bytes();
   * ```
   */
  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const parts = await this.collect();
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  private async collect(): Promise<Uint8Array<ArrayBuffer>[]> {
    const parts: Uint8Array<ArrayBuffer>[] = [];
    for await (const bytes of this) parts.push(bytes);
    return parts;
  }
}
