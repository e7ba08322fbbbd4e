/**
 * The file and recording family as client methods: thin functions over `core.call`.
 * `createClient` mixes these into the client next to the core.
 */
import type { UpsdkCore } from '../../client/client.js';
import type { ChunkSource } from '../../streams/chunk-source.js';
import type { ReadOptions } from '../../streams/read-options.js';
import { chooseFileFromAlbum, readAlbumFile, type AlbumFile, type ChooseFileOptions } from './album.js';
import { createReader, DEVICE_FILES } from './readers.js';
import {
  startAudioRecording,
  startVideoRecording,
  type AudioRecording,
  type RecordingOptions,
  type VideoRecording,
} from './recordings.js';

/** Album files, recordings and face-check media (spec §6.15–§6.18), read in chunks. */
export interface FileApi {
  /**
   * Let the user pick a video or image from the album.
   *
   * @returns the file's handle `{url, size, name, type}`.
   * @throws `UpsdkError` with the vendor code: `02` no permission, `03` file larger than `maxSize`, …
   * @example
   * ```ts
   * const file = await client.chooseFileFromAlbum({ sourceType: 'video', maxSize: 50 * 1024 * 1024 });
   * ```
   */
  chooseFileFromAlbum(options?: ChooseFileOptions): Promise<AlbumFile>;
  /**
   * Read an album file in chunks (`readAlbumData`).
   *
   * @example
   * ```ts
   * for await (const bytes of client.readAlbumFile(file, { onProgress: ({ loaded, total }) => show(loaded, total) })) {
   *   await send(bytes);
   * }
   * ```
   */
  readAlbumFile(file: AlbumFile | string, options?: ReadOptions): ChunkSource;
  /**
   * Read the last audio recording the app kept (`readAudioRecordingData`).
   *
   * @example
   * ```ts
   * const blob = await client.readAudioRecording({ type: 'audio/mp4' }).blob();
   * ```
   */
  readAudioRecording(options?: ReadOptions): ChunkSource;
  /**
   * Read the last video recording the app kept (`readVideoRecordingData`).
   *
   * @example
   * ```ts
   * const stream = client.readVideoRecording().stream();
   * ```
   */
  readVideoRecording(options?: ReadOptions): ChunkSource;
  /**
   * Read the video of the last face check, mp4 (`readFaceVideoData`). Fails with `07` if there is none.
   *
   * @example
   * ```ts
   * const bytes = await client.readFaceVideo().bytes();
   * ```
   */
  readFaceVideo(options?: ReadOptions): ChunkSource;
  /**
   * Read the image of the last face check, jpg (`readFaceImageData`). Fails with `07` if there is none.
   *
   * @example
   * ```ts
   * img.src = URL.createObjectURL(await client.readFaceImage().blob());
   * ```
   */
  readFaceImage(options?: ReadOptions): ChunkSource;
  /**
   * Start recording audio; stop it with `stop()` or let `maxTime` end it, then `read()` it.
   *
   * @example
   * ```ts
   * const recording = await client.startAudioRecording({ maxTime: 30 });
   * await recording.stop();
   * const bytes = await recording.read().bytes();
   * ```
   */
  startAudioRecording(options: RecordingOptions): Promise<AudioRecording>;
  /**
   * Let the user record a video; resolves when they have finished.
   *
   * @example
   * ```ts
   * const video = await client.startVideoRecording({ maxTime: 15 });
   * for await (const bytes of video.read()) await send(bytes);
   * ```
   */
  startVideoRecording(options: RecordingOptions): Promise<VideoRecording>;
}

/** The file family bound to one client core. */
export function createFileApi(core: UpsdkCore): FileApi {
  return {
    chooseFileFromAlbum: (options) => chooseFileFromAlbum(core, options),
    readAlbumFile: (file, options) => readAlbumFile(core, file, options),
    readAudioRecording: (options) => createReader(core, DEVICE_FILES.audioRecording, options),
    readVideoRecording: (options) => createReader(core, DEVICE_FILES.videoRecording, options),
    readFaceVideo: (options) => createReader(core, DEVICE_FILES.faceVideo, options),
    readFaceImage: (options) => createReader(core, DEVICE_FILES.faceImage, options),
    startAudioRecording: (options) => startAudioRecording(core, options),
    startVideoRecording: (options) => startVideoRecording(core, options),
  };
}
