/**
 * The reader loop behind every chunked source: asks the bridge for chunk after chunk, keeps at
 * most `prefetch` requests running ahead of the consumer, retries a failed chunk from its own
 * offset, and stops every pending request the moment the consumer leaves or the signal aborts.
 */
import { abortReason } from '../shared/abort.js';
import { parseChunkAnswer, type Chunk } from './chunk-answer.js';
import type { ResolvedReadOptions } from './read-options.js';
import { withRetries } from './retry.js';

/** One bridge call for the chunk of `size` bytes at `offset`; resolves with the raw answer. */
export type ChunkFetcher = (request: ChunkRequest) => Promise<unknown>;

/** What a {@link ChunkFetcher} is asked for. */
export interface ChunkRequest {
  readonly offset: number;
  readonly size: number;
  /** Aborts when the chunk is no longer wanted. */
  readonly signal: AbortSignal;
  /** Per-call timeout from the read options, if any. */
  readonly timeout: number | undefined;
}

/** Everything a pump needs to read one source. */
export interface PumpSpec {
  /** Plugin name, for errors. */
  readonly plugin: string;
  readonly fetch: ChunkFetcher;
  /** Total size when known: requests never run ahead past it. */
  readonly size: number | undefined;
  readonly options: ResolvedReadOptions;
}

/** A requested chunk: where it starts, its answer to come, and how to call it off. */
interface Slot {
  readonly offset: number;
  readonly controller: AbortController;
  readonly answer: Promise<Chunk>;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
const ignore = (): void => undefined;

/** An async iterator over one read of a chunked source. */
export class ChunkPump implements AsyncIterableIterator<Uint8Array<ArrayBuffer>> {
  /** Requested chunks in file order; the first is the one the consumer gets next. */
  private readonly slots: Slot[] = [];
  private nextOffset: number;
  private ended = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly detach: () => void;

  constructor(private readonly spec: PumpSpec) {
    this.nextOffset = spec.options.from;
    const outer = spec.options.signal;
    const onAbort = (): void => this.stop(abortReason(outer!));
    outer?.addEventListener('abort', onAbort, { once: true });
    this.detach = () => outer?.removeEventListener('abort', onAbort);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The next chunk; calls made while one is running wait their turn. */
  next(): Promise<IteratorResult<Uint8Array<ArrayBuffer>, undefined>> {
    const result = this.queue.then(() => this.step());
    this.queue = result.catch(ignore);
    return result;
  }

  /** Leave early (`break` in `for await`): no further bridge call is made. */
  return(): Promise<IteratorResult<Uint8Array<ArrayBuffer>, undefined>> {
    this.stop();
    return Promise.resolve(DONE);
  }

  /**
   * Stop reading now: every running request is called off (its late answer is ignored), and the
   * iterator is done. Safe to call more than once.
   */
  stop(reason: unknown = new DOMException('the read was stopped', 'AbortError')): void {
    if (this.ended) return;
    this.ended = true;
    this.detach();
    for (const slot of this.slots.splice(0)) slot.controller.abort(reason);
  }

  private async step(): Promise<IteratorResult<Uint8Array<ArrayBuffer>, undefined>> {
    const { options } = this.spec;
    this.throwIfAborted();
    if (this.ended) return DONE;
    this.fill(Math.max(1, options.prefetch));
    let chunk: Chunk;
    try {
      chunk = await this.slots[0]!.answer;
    } catch (error) {
      this.throwIfAborted();
      if (this.ended) return DONE; // the consumer left while this chunk was on its way
      this.stop();
      throw error;
    }
    this.throwIfAborted();
    if (this.ended) return DONE;
    this.slots.shift();
    this.advance(chunk);
    try {
      options.onProgress?.({ loaded: chunk.offset + chunk.bytes.length, total: this.spec.size });
    } catch (error) {
      this.stop();
      throw error;
    }
    return chunk.bytes.length === 0 ? DONE : { done: false, value: chunk.bytes };
  }

  /** Plan the requests after `chunk` arrived. */
  private advance(chunk: Chunk): void {
    if (chunk.finished) {
      this.stop(); // calls off requests that ran ahead past the end
      return;
    }
    if (chunk.bytes.length !== this.spec.options.chunkSize) {
      // The bridge gave another amount than asked: requests ahead sit at wrong offsets. Start over after this one.
      for (const slot of this.slots.splice(0)) slot.controller.abort();
      this.nextOffset = chunk.offset + chunk.bytes.length;
    }
    // While the consumer holds this chunk, at most `prefetch` requests run.
    this.fill(this.spec.options.prefetch);
  }

  /** Request chunks until `limit` are outstanding; never run ahead past a known end. */
  private fill(limit: number): void {
    const { size } = this.spec;
    while (this.slots.length < limit) {
      if (this.slots.length > 0 && size !== undefined && this.nextOffset >= size) return;
      this.slots.push(this.request(this.nextOffset));
      this.nextOffset += this.spec.options.chunkSize;
    }
  }

  private request(offset: number): Slot {
    const { plugin, fetch, options } = this.spec;
    const controller = new AbortController();
    const { signal } = controller;
    const attempt = async (): Promise<Chunk> =>
      parseChunkAnswer(
        plugin,
        await fetch({ offset, size: options.chunkSize, signal, timeout: options.timeout }),
        offset,
      );
    const answer = withRetries(attempt, { retries: options.retries, retryDelay: options.retryDelay, signal });
    // A chunk called off or dropped is nobody's business; the one awaited still sees its failure.
    answer.catch(ignore);
    return { offset, controller, answer };
  }

  private throwIfAborted(): void {
    const outer = this.spec.options.signal;
    if (!outer?.aborted) return;
    this.stop(abortReason(outer));
    throw abortReason(outer);
  }
}
