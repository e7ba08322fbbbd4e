/** Options of every chunked reader, their documented defaults, and the one place they are checked. */
import { callback, duration, fail, integerIn, optional, validated } from '../shared/validate.js';

/** Largest chunk the bridge hands out (spec §6.15: `bufferSize` at most 512 KiB). */
export const MAX_CHUNK_SIZE = 524_288;

/** Progress of a read, reported after each chunk. */
export interface ReadProgress {
  /** Bytes from the start of the file up to the end of the last chunk delivered (a resumed read starts at `from`). */
  readonly loaded: number;
  /** The file's size, when the bridge told it (album files); undefined for recordings and face data. */
  readonly total?: number | undefined;
}

/** Options of a chunked read. */
export interface ReadOptions {
  /** Bytes per bridge call, an integer in 1…524288. Default 524288. */
  readonly chunkSize?: number | undefined;
  /** Byte offset to start (resume) at: a multiple of `chunkSize`. Default 0. */
  readonly from?: number | undefined;
  /** Stops the read: pending calls are abandoned and the iterator throws the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /**
   * How many times one chunk is asked for again after a transient failure (codes `01`, `04`, a
   * timeout, a garbled or empty answer), with exponential backoff and jitter. Permanent failures
   * (`00`, `02`, `03`, `07`, …) reject at once. Default 3.
   */
  readonly retries?: number | undefined;
  /** Backoff before the first retry, in ms; doubled for each further one (with jitter, capped at 5 s). Default 200. */
  readonly retryDelay?: number | undefined;
  /**
   * Chunks requested ahead while the consumer works on the current one; never more bridge
   * calls than this in flight while you hold a chunk. 0 reads strictly one chunk at a time.
   * Default 1.
   */
  readonly prefetch?: number | undefined;
  /** Milliseconds to wait for each chunk's answer. Default the client's `timeout`. */
  readonly timeout?: number | undefined;
  /** Called after each chunk is delivered. */
  readonly onProgress?: ((progress: ReadProgress) => void) | undefined;
  /** MIME type of the Blob from `blob()`. Default depends on the source (e.g. from the album file's name). */
  readonly type?: string | undefined;
}

/** Options with defaults applied. */
export interface ResolvedReadOptions extends ReadOptions {
  readonly chunkSize: number;
  readonly from: number;
  readonly retries: number;
  readonly retryDelay: number;
  readonly prefetch: number;
}

/**
 * Check and default the options of a read of `plugin`, a file of `size` bytes when known.
 *
 * @throws an `UpsdkError` with code `invalid_param` naming the first bad field, in the order they are documented.
 */
export function resolveReadOptions(
  plugin: string,
  options: ReadOptions = {},
  size = Infinity,
): ResolvedReadOptions {
  return validated(plugin, () => {
    const { from = 0, timeout, type } = options;
    const chunkSize = integerIn('chunkSize', options.chunkSize ?? MAX_CHUNK_SIZE, 1, MAX_CHUNK_SIZE);
    if (!(Number.isSafeInteger(from) && from >= 0 && from % chunkSize === 0 && from <= size)) {
      const end = size < Infinity ? ` up to the file size (${size})` : '';
      fail('from', `a non-negative multiple of chunkSize (${chunkSize})${end}`, from);
    }
    const resolved = {
      ...options,
      chunkSize,
      from,
      retries: integerIn('retries', options.retries ?? 3, 0, 100),
      retryDelay: integerIn('retryDelay', options.retryDelay ?? 200, 0, 60_000),
      // More than 16 would only hold more memory: the bridge answers one call at a time anyway.
      prefetch: integerIn('prefetch', options.prefetch ?? 1, 0, 16),
    };
    optional('timeout', timeout, duration);
    optional('onProgress', options.onProgress, callback);
    if (type !== undefined && typeof type !== 'string') fail('type', 'a MIME type string', type);
    return resolved;
  });
}
