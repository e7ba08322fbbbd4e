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
  return(): Promise<IteratorReturnResult<undefined>>;
}

/** A requested chunk: its answer to come, and how to call it off. */
interface Slot {
  readonly controller: AbortController;
  readonly answer: Promise<Chunk>;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
const ignore = (): void => undefined;

/**
 * Start one read (no bridge call before the first `next()`). Calls to `next()` made while one is
 * running wait their turn; `return()` (a `break` in `for await`) calls off every running request,
 * ends a pending `next()` quietly, and no further bridge call is made.
 */
export function pumpChunks({ plugin, size, options, fetch }: ChunkRead): ChunkIterator {
  const { chunkSize, prefetch, onProgress, signal: outer } = options;
  /** Requested chunks in file order; the first is the one the consumer gets next. */
  const slots: Slot[] = [];
  let nextOffset = options.from;
  let ended = false;
  let queue: Promise<unknown> = Promise.resolve();

  /** Call off every request (their late answers are ignored). */
  const drop = (): void => {
    for (const slot of slots.splice(0)) slot.controller.abort();
  };
  /** End the read for good. Safe to call more than once. */
  const stop = (): void => {
    ended = true;
    outer?.removeEventListener('abort', stop);
    drop();
  };
  /** Whether the read is over; throws the signal's reason once it aborted. */
  const over = (): boolean => {
    if (outer?.aborted) {
      stop();
      throw abortReason(outer);
    }
    return ended;
  };

  const request = (offset: number): Slot => {
    const controller = new AbortController();
    const { signal } = controller;
    const answer = withRetries(
      async () => parseChunkAnswer(plugin, await fetch(offset, signal), offset),
      options,
      signal,
    );
    // A chunk called off or dropped is nobody's business; the one awaited still sees its failure.
    answer.catch(ignore);
    return { controller, answer };
  };

  /** Request chunks until `limit` are outstanding; past a known end, only the one being waited for. */
  const fill = (limit: number): void => {
    while (slots.length < limit && (slots.length === 0 || nextOffset < (size ?? Infinity))) {
      slots.push(request(nextOffset));
      nextOffset += chunkSize;
    }
  };

  const step = async (): Promise<IteratorResult<Uint8Array<ArrayBuffer>, undefined>> => {
    if (over()) return DONE;
    fill(Math.max(1, prefetch));
    try {
      const { offset, bytes, finished } = await slots[0]!.answer;
      if (over()) return DONE; // the consumer left while this chunk was on its way
      slots.shift();
      onProgress?.({ loaded: offset + bytes.length, total: size });
      if (finished) {
        stop(); // calls off requests that ran ahead past the end
      } else {
        if (bytes.length !== chunkSize) {
          // The bridge gave another amount than asked: requests ahead sit at wrong offsets. Start over after this one.
          drop();
          nextOffset = offset + bytes.length;
        }
        // While the consumer holds this chunk, at most `prefetch` requests run.
        fill(prefetch);
      }
      return bytes.length === 0 ? DONE : { done: false, value: bytes };
    } catch (error) {
      if (over()) return DONE;
      stop();
      throw error;
    }
  };

  outer?.addEventListener('abort', stop, { once: true });
  return {
    next() {
      const result = queue.then(step);
      queue = result.catch(ignore);
      return result;
    },
    async return() {
      stop();
      return DONE;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
