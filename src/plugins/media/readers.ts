/**
 * The one function that turns a chunked reader plugin into a {@link ChunkSource} on top of
 * `core.call`, one bridge call per chunk.
 */
import type { CallOptions, UpsdkClient } from '../../client/client.js';
import { raceAbort } from '../../shared/abort.js';
import { chunkSource, type ChunkSource } from '../../streams/chunk-source.js';
import { resolveReadOptions, type ReadOptions } from '../../streams/read-options.js';
import { OCTET_STREAM } from '../mime.js';

/** Raw plugins that answer one base64 chunk per call. */
export type ReaderPlugin =
  | 'readAlbumData'
  | 'readAudioRecordingData'
  | 'readVideoRecordingData'
  | 'readFaceVideoData'
  | 'readFaceImageData';

/** What to read and what is known about it. */
export interface ReaderTarget {
  readonly plugin: ReaderPlugin;
  /** MIME type of the content. Default `application/octet-stream` (recording formats vary by device). */
  readonly type?: string | undefined;
  /** Size in bytes, when the bridge told it. */
  readonly size?: number | undefined;
  /** Wire params besides the chunk window, e.g. an album file's `url`. */
  readonly params?: Readonly<Record<string, string>> | undefined;
  /** Resolves once the file may be read (a recording that is still running). */
  readonly ready?: Promise<void> | undefined;
}

type LooseCall = (
  plugin: ReaderPlugin,
  params: Record<string, string>,
  options: CallOptions,
) => Promise<unknown>;

/**
 * A chunk source reading `target` through `core.call`.
 *
 * @throws an `UpsdkError` with code `invalid_param` for bad read options (before any bridge call).
 */
export function createReader(core: UpsdkClient, target: ReaderTarget, options?: ReadOptions): ChunkSource {
  const { plugin, size, params, ready } = target;
  const read = resolveReadOptions(plugin, options, size);
  const bufferSize = String(read.chunkSize);
  // The reader plugins share one wire shape; the generic `call` cannot see that through a union.
  const call = core.call.bind(core) as LooseCall;
  const fetch = async (offset: number, signal: AbortSignal): Promise<unknown> => {
    if (ready) await raceAbort(ready, signal);
    return call(
      plugin,
      { ...params, bufferSize, fromOffset: String(offset) },
      { signal, timeout: read.timeout },
    );
  };
  return chunkSource({ plugin, size, options: read, fetch }, read.type ?? target.type ?? OCTET_STREAM);
}
