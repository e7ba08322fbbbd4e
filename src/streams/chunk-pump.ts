/**
 * The reader loop behind every chunked source: asks the bridge for chunk after chunk, keeps at
 * most `prefetch` requests running ahead of the consumer, retries a failed chunk from its own
 * offset, and stops every pending request the moment the consumer leaves or the signal aborts.
 */
import { abortReason } from '../shared/abort.js';
import { parseChunkAnswer, type Chunk } from './chunk-answer.js';
import type { ResolvedReadOptions } from './read-options.js';
import { withRetries } from './retry.js';

/** One bridge call for the chunk at `offset` (`chunkSize` bytes); resolves with the raw answer. */
export type ChunkFetcher = (offset: number, signal: AbortSignal) => Promise<unknown>;

/** One read of a chunked file: what is read, how, and through which bridge call. */
export interface ChunkRead {
  /** The reader plugin, for errors. */
  readonly plugin: string;
  /** Total size when known: requests never run ahead past it. */
  readonly size: number | undefined;
  readonly options: ResolvedReadOptions;
  readonly fetch: ChunkFetcher;
}

/** The iterator of one read. */
export interface ChunkIterator extends AsyncIterableIterator<Uint8Array<ArrayBuffer>, undefined> {
  /** Stop reading at once: running requests are called off, a pending `next()` ends done. */
  return(): Promise<IteratorResult<Uint8Array<ArrayBuffer>, undefined>>;
}

/**
 * Start one read (no bridge call before the first `next()`). `return()` (a `break` in
 * `for await`) calls off every running request at once, ends a pending `next()` quietly, and no
 * further bridge call is made.
 */
export function pumpChunks({ plugin, size, options, fetch }: ChunkRead): ChunkIterator {
  const { chunkSize, prefetch, onProgress, signal: outer } = options;
  /**
   * Calls off the running requests (they are only ever dropped all together). Replaced after a
   * drop, so while the read goes on an aborted controller means the consumer stopped it.
   */
  let controller = new AbortController();
  const stop = (): void => controller.abort();
  /** Whether to end quietly; throws the signal's reason once it aborted. */
  const halted = (): boolean => {
    if (outer?.aborted) throw abortReason(outer);
    return controller.signal.aborted;
  };

  async function* read(): AsyncGenerator<Uint8Array<ArrayBuffer>, undefined> {
    /** Answers of the requested chunks in file order; the first is the one the consumer gets next. */
    let slots: Promise<Chunk>[] = [];
    let nextOffset = options.from;
    const request = (offset: number): Promise<Chunk> => {
      const { signal } = controller;
      const answer = withRetries(
        async () => parseChunkAnswer(plugin, await fetch(offset, signal), offset),
        options,
        signal,
      );
      // A chunk called off or dropped is nobody's business; the one awaited still sees its failure.
      answer.catch(() => undefined);
      return answer;
    };
    /** Request chunks until `limit` are outstanding; past a known end, only the one waited for. */
    const fill = (limit: number): void => {
      while (slots.length < limit && (slots.length === 0 || nextOffset < (size ?? Infinity))) {
        slots.push(request(nextOffset));
        nextOffset += chunkSize;
      }
    };
    outer?.addEventListener('abort', stop);
    try {
      while (!halted()) {
        fill(Math.max(1, prefetch));
        let chunk: Chunk;
        try {
          chunk = await slots.shift()!;
        } catch (error) {
          if (halted()) return; // the consumer left while this chunk was on its way
          throw error;
        }
        if (halted()) return;
        const { offset, bytes, finished } = chunk;
        onProgress?.({ loaded: offset + bytes.length, total: size });
        if (finished) {
          controller.abort(); // calls off requests that ran ahead past the end
        } else {
          if (bytes.length !== chunkSize) {
            // The bridge gave another amount than asked: requests ahead sit at wrong offsets. Start over after this one.
            controller.abort();
            controller = new AbortController();
            slots = [];
            nextOffset = offset + bytes.length;
          }
          // While the consumer holds this chunk, at most `prefetch` requests run.
          fill(prefetch);
        }
        if (bytes.length) yield bytes;
        if (finished) return;
      }
    } finally {
      outer?.removeEventListener('abort', stop);
      controller.abort();
    }
  }

  const chunks = read();
  return {
    next: () => chunks.next(),
    return: () => {
      stop();
      return chunks.return(undefined);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
