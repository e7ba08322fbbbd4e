/**
 * The five chunked readers, described as data, and the one function that turns a description
 * into a {@link ChunkSource} on top of `core.call`.
 */
import type { CallOptions, UpsdkClient } from '../../client/client.js';
import { invalidParam } from '../../client/errors.js';
import { raceAbort } from '../../shared/abort.js';
import { ChunkSource } from '../../streams/chunk-source.js';
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
  /** Wire params besides the chunk window, e.g. an album file's `url`. */
  readonly params?: Readonly<Record<string, string>> | undefined;
  /** Size in bytes, when the bridge told it. */
  readonly size?: number | undefined;
  /** MIME type of the content. */
  readonly type: string;
  /** Resolves once the file may be read (a recording that is still running). */
  readonly ready?: Promise<void> | undefined;
}

/**
 * The sources without a handle. The app keeps only the last recording of each kind and the last
 * face check. The spec names the face formats (mp4, jpg); recording formats vary by device.
 */
export const DEVICE_FILES = {
  audioRecording: { plugin: 'readAudioRecordingData', type: OCTET_STREAM },
  videoRecording: { plugin: 'readVideoRecordingData', type: OCTET_STREAM },
  faceVideo: { plugin: 'readFaceVideoData', type: 'video/mp4' },
  faceImage: { plugin: 'readFaceImageData', type: 'image/jpeg' },
} as const satisfies Readonly<Record<string, ReaderTarget>>;

type LooseCall = (
  plugin: ReaderPlugin,
  params: Record<string, string>,
  options: CallOptions,
) => Promise<unknown>;

/**
 * A chunk source reading `target` through `core.call`, one bridge call per chunk.
 *
 * @throws an `UpsdkError` with code `invalid_param` for bad read options (before any bridge call).
 */
export function createReader(core: UpsdkClient, target: ReaderTarget, options?: ReadOptions): ChunkSource {
  const resolved = resolveReadOptions(target.plugin, options);
  const { size, plugin, params, ready } = target;
  if (size !== undefined && resolved.from > size) {
    throw invalidParam(plugin, 'from', `at most the file size (${size})`, resolved.from);
  }
  // The reader plugins share one wire shape; the generic `call` cannot see that through a union.
  const call = core.call.bind(core) as unknown as LooseCall;
  return new ChunkSource({
    plugin,
    size,
    type: target.type,
    options: resolved,
    fetch: async ({ offset, size: bufferSize, signal, timeout }) => {
      if (ready) await raceAbort(ready, signal);
      const window = { bufferSize: String(bufferSize), fromOffset: String(offset) };
      return call(plugin, { ...params, ...window }, { signal, timeout });
    },
  });
}
