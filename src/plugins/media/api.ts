/**
 * The device-file readers of the media family (spec §6.16–§6.18): the last
 * audio or video recording and the last face check, read in chunks. The app
 * keeps only the last recording of each kind and the last face check; the
 * spec names the face formats (mp4, jpg). Album files and recording sessions
 * live in `album.ts` and `recordings.ts`.
 */
import type { UpsdkClient } from '../../client/client.js';
import type { ChunkSource } from '../../streams/chunk-source.js';
import type { ReadOptions } from '../../streams/read-options.js';
import { createReader } from './readers.js';

/**
 * Read the last audio recording the app kept (`readAudioRecordingData`).
 *
 * @example
 * ```ts
 * const blob = await readAudioRecording(client, { type: 'audio/mp4' }).blob();
 * ```
 */
export function readAudioRecording(client: UpsdkClient, options?: ReadOptions): ChunkSource {
  return createReader(client, { plugin: 'readAudioRecordingData' }, options);
}

/**
 * Read the last video recording the app kept (`readVideoRecordingData`).
 *
 * @example
 * ```ts
 * const stream = readVideoRecording(client).stream();
 * ```
 */
export function readVideoRecording(client: UpsdkClient, options?: ReadOptions): ChunkSource {
  return createReader(client, { plugin: 'readVideoRecordingData' }, options);
}

/**
 * Read the video of the last face check, mp4 (`readFaceVideoData`). Fails with `07` if there is none.
 *
 * @example
 * ```ts
 * const bytes = await readFaceVideo(client).bytes();
 * ```
 */
export function readFaceVideo(client: UpsdkClient, options?: ReadOptions): ChunkSource {
  return createReader(client, { plugin: 'readFaceVideoData', type: 'video/mp4' }, options);
}

/**
 * Read the image of the last face check, jpg (`readFaceImageData`). Fails with `07` if there is none.
 *
 * @example
 * ```ts
 * img.src = URL.createObjectURL(await readFaceImage(client).blob());
 * ```
 */
export function readFaceImage(client: UpsdkClient, options?: ReadOptions): ChunkSource {
  return createReader(client, { plugin: 'readFaceImageData', type: 'image/jpeg' }, options);
}
