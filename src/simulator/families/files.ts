/**
 * Simulated file and recording plugins (spec §6.15–§6.18): chunked exactly like the bridge —
 * base64 `data`, `isFinished` '0'/'1', `bufferSize` at most 524288, vendor error codes — over
 * the virtual files of a {@link FilesState}.
 */
import { encodeBase64 } from '../../streams/base64.js';
import { failWith, ok, type Outcome, type PluginBehaviour, type PluginBehaviours } from '../family.js';
import type { ChunkedSourceName, FilesState } from './files-controller.js';
import { virtualBytes, type VirtualFile } from './virtual-file.js';

const MAX_BUFFER = 524_288;

/** A whole number from a wire string ('1024') or number; undefined otherwise. */
function wireInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

const flag = (state: FilesState, finished: boolean): unknown =>
  state.finishedFlag === 'number'
    ? Number(finished)
    : state.finishedFlag === 'boolean'
      ? finished
      : finished
        ? '1'
        : '0';

/** Count a read as in flight until the bridge calls back, whichever callback that is. */
function track(state: FilesState, options: Record<string, unknown>): void {
  state.inFlight += 1;
  state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
  let answered = false;
  for (const key of ['success', 'fail', 'cancel']) {
    const callback = options[key];
    if (typeof callback !== 'function') continue;
    options[key] = (payload?: unknown) => {
      if (!answered) state.inFlight -= 1;
      answered = true;
      (callback as (payload?: unknown) => void)(payload);
    };
  }
}

function fileOf(
  state: FilesState,
  source: ChunkedSourceName,
  options: Record<string, unknown>,
): VirtualFile | Outcome {
  if (source === 'audioRecording' && state.audioRecording !== undefined)
    return failWith('04', 'recording in progress');
  const file = source === 'album' ? state.album.get(String(options.url)) : state.slots.get(source);
  return file ?? failWith('07', '文件不存在 (file missing)');
}

/** One chunk of `file` as the bridge answers it, or the injected fault. */
function answerChunk(
  state: FilesState,
  source: ChunkedSourceName,
  file: VirtualFile,
  offset: number,
  size: number,
): Outcome {
  const fault = state.takeFault(source, Math.floor(offset / size));
  if (fault === 'no-progress') return ok({ data: '', isFinished: flag(state, false) });
  if (fault === 'garbled') return ok({ data: '%%not base64%%', isFinished: flag(state, false) });
  if (typeof fault === 'object') return failWith(fault.code, fault.msg ?? 'simulated failure');
  const bytes = virtualBytes(file, offset, fault === 'short' ? Math.ceil(size / 2) : size);
  return ok({ data: encodeBase64(bytes), isFinished: flag(state, offset + bytes.length >= file.size) });
}

function reader(state: FilesState, source: ChunkedSourceName): PluginBehaviour {
  const face = source === 'faceVideo' || source === 'faceImage';
  return (options) => {
    track(state, options);
    const file = fileOf(state, source, options);
    if (!('seed' in file)) return file;
    // The spec gives the face readers no window: without one they answer the whole file.
    const size =
      options.bufferSize === undefined && face
        ? Math.max(1, Math.min(file.size, MAX_BUFFER))
        : wireInteger(options.bufferSize);
    const offset = options.fromOffset === undefined && face ? 0 : wireInteger(options.fromOffset);
    if (size === undefined || size < 1 || size > MAX_BUFFER)
      return failWith('00', '参数错误: bufferSize must be 1…524288');
    if (offset === undefined || offset > file.size)
      return failWith('00', '参数错误: fromOffset outside the file');
    const latency = state.latencyOf(source, Math.floor(offset / size));
    if (latency <= 0) return answerChunk(state, source, file, offset, size);
    return new Promise((resolve) =>
      state.later(latency, () => resolve(answerChunk(state, source, file, offset, size))),
    );
  };
}

/** A valid `maxTime` in seconds, or undefined. */
const seconds = (value: unknown): number | undefined => {
  const number = wireInteger(value);
  return number !== undefined && number > 0 ? number : undefined;
};

function finishAudio(state: FilesState): void {
  clearTimeout(state.audioRecording);
  state.audioRecording = undefined;
  state.recorded('audioRecording');
}

/** The family's plugins, bound to one simulator's file state. */
export function filesBehaviours(state: FilesState): PluginBehaviours {
  return {
    chooseFileFromAlbum: (options) => {
      if (
        wireInteger(options.maxSize) === undefined ||
        !['00', '01', '02'].includes(String(options.sourceType))
      ) {
        return failWith('00', '参数错误: maxSize and sourceType (00/01/02) are required');
      }
      const pick = state.nextPick;
      if (!pick) return failWith('04', 'the user picked nothing');
      if ('fail' in pick) return failWith(pick.fail, pick.msg ?? 'simulated failure');
      if (pick.size > Number(options.maxSize))
        return failWith('03', '用户选择的文件超过最大值 (file too large)');
      return ok({ url: pick.url, size: String(pick.size), filename: pick.name });
    },
    readAlbumData: reader(state, 'album'),
    startAudioRecording: (options) => {
      const maxTime = seconds(options.maxTime);
      if (maxTime === undefined)
        return failWith('00', '参数错误: maxTime must be a positive number of seconds');
      if (state.audioRecording !== undefined) return failWith('04', 'already recording');
      state.audioRecording = state.later(maxTime * 1000, () => finishAudio(state));
      return ok();
    },
    stopAudioRecording: () => {
      if (state.audioRecording === undefined) return failWith('04', 'not recording');
      finishAudio(state);
      return ok();
    },
    readAudioRecordingData: reader(state, 'audioRecording'),
    startVideoRecording: (options) => {
      if (seconds(options.maxTime) === undefined)
        return failWith('00', '参数错误: maxTime must be a positive number of seconds');
      const finish = (): Outcome => {
        state.recorded('videoRecording');
        return ok();
      };
      if (state.recordingTime <= 0) return finish();
      return new Promise((resolve) => state.later(state.recordingTime, () => resolve(finish())));
    },
    readVideoRecordingData: reader(state, 'videoRecording'),
    readFaceVideoData: reader(state, 'faceVideo'),
    readFaceImageData: reader(state, 'faceImage'),
  };
}
