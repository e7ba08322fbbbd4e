/** Audio and video recording sessions (spec §6.16, §6.17). */
import type { UpsdkClient } from '../../client/client.js';
import type { ChunkSource } from '../../streams/chunk-source.js';
import type { ReadOptions } from '../../streams/read-options.js';
import { integerIn, validated } from '../../shared/validate.js';
import { readVideoRecording } from './api.js';
import { createReader } from './readers.js';

/** Options of `startAudioRecording` and `startVideoRecording`. */
export interface RecordingOptions {
  /** Longest recording, in whole seconds (1…3600). Required by the app. */
  readonly maxTime: number;
  /** Milliseconds to wait for the app's answer. Default: the client's for audio; maxTime + 5 minutes for video. */
  readonly timeout?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** A running (or finished) audio recording. */
export interface AudioRecording {
  /** Resolves when the recording is complete: after `stop()` or once `maxTime` has passed. */
  readonly finished: Promise<void>;
  /**
   * Stop recording now.
   *
   * @example
   * ```ts
   * await recording.stop();
   * ```
   */
  stop(options?: { readonly timeout?: number; readonly signal?: AbortSignal | undefined }): Promise<void>;
  /**
   * The recording as a chunk source. Reading waits until the recording is complete.
   *
   * @example
   * ```ts
   * const blob = await recording.read({ type: 'audio/mp4' }).blob();
   * ```
   */
  read(options?: ReadOptions): ChunkSource;
}

/** A finished video recording. */
export interface VideoRecording {
  /**
   * The video as a chunk source.
   *
   * @example
   * ```ts
   * for await (const bytes of recording.read()) await upload(bytes);
   * ```
   */
  read(options?: ReadOptions): ChunkSource;
}

/** The app closes the file a moment after maxTime; reading waits this much longer. */
const AUTO_STOP_MARGIN = 500;

const checkMaxTime = (plugin: string, maxTime: unknown): string =>
  String(validated(plugin, () => integerIn('maxTime', maxTime, 1, 3600, 'seconds')));

/**
 * Start recording audio; stop it with `stop()` or let `maxTime` end it, then `read()` it.
 *
 * @example
 * ```ts
 * const recording = await startAudioRecording(client, { maxTime: 30 });
 * await recording.stop();
 * const bytes = await recording.read().bytes();
 * ```
 */
export async function startAudioRecording(
  core: UpsdkClient,
  options: RecordingOptions,
): Promise<AudioRecording> {
  const maxTime = checkMaxTime('startAudioRecording', options?.maxTime);
  await core.call('startAudioRecording', { maxTime }, options);
  let complete!: () => void;
  const finished = new Promise<void>((resolve) => (complete = resolve));
  const autoStop = setTimeout(complete, Number(maxTime) * 1000 + AUTO_STOP_MARGIN);
  return {
    finished,
    stop: async (stopOptions) => {
      await core.call('stopAudioRecording', {}, stopOptions);
      clearTimeout(autoStop);
      complete();
    },
    read: (readOptions) =>
      createReader(core, { plugin: 'readAudioRecordingData', ready: finished }, readOptions),
  };
}

/**
 * Let the user record a video; resolves when they have finished.
 *
 * @example
 * ```ts
 * const video = await startVideoRecording(client, { maxTime: 15 });
 * for await (const bytes of video.read()) await send(bytes);
 * ```
 */
export async function startVideoRecording(
  core: UpsdkClient,
  options: RecordingOptions,
): Promise<VideoRecording> {
  const maxTime = checkMaxTime('startVideoRecording', options?.maxTime);
  // The user records for up to maxTime, then has 5 minutes to confirm.
  const timeout = options.timeout ?? Number(maxTime) * 1000 + 300_000;
  await core.call('startVideoRecording', { maxTime }, { ...options, timeout });
  return { read: (readOptions) => readVideoRecording(core, readOptions) };
}
