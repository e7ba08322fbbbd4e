/**
 * Chunked reads: pick an album file or record, read it chunk by chunk with
 * a progress bar, hash it (SHA-256 via WebCrypto) and upload it to the dev
 * server's sink, which answers its own SHA-256 once the file is complete.
 */
import type {
  AlbumFile,
  AlbumSourceType,
  AudioRecording,
  ChunkSource,
  ReadOptions,
  VideoRecording,
} from '../../../src/media.js';
import { action, actionForms, type Action } from '../actions.js';
import { button, buttons, facts, form, optionalNumber, section, subheading } from '../dom.js';
import { progressBar } from '../progress.js';
import { failureOf, run } from '../log.js';
import { newUploadUrl, readAndUpload, sha256Hex } from '../upload.js';
import type { PlaygroundContext, Section } from '../context.js';
import {
  chooseFileFromAlbum,
  readAlbumFile,
  readAudioRecording,
  readFaceImage,
  readFaceVideo,
  readVideoRecording,
  startAudioRecording,
  startVideoRecording,
} from '../../../src/media.js';

const SOURCES = ['album file', 'audio recording', 'video recording', 'face image', 'face video'] as const;
type SourceKind = (typeof SOURCES)[number];

const MB = 1024 * 1024;

/** What the section remembers between its forms. */
interface FilesState {
  picked?: AlbumFile;
  audio?: AudioRecording;
  /** Whether `audio` is still recording. */
  audioLive?: boolean;
  video?: VideoRecording;
  reading?: AbortController | undefined;
}

/** One source to read: how to open it, its name, and the size the bridge announced (album files only). */
interface Reader {
  readonly open: (options: ReadOptions) => ChunkSource;
  readonly size: number | undefined;
  readonly name: string;
}

/** Each source kind as data; a recording made on this page is read through its own handle (which waits for its end). */
function readers({ client }: PlaygroundContext, state: FilesState): Record<SourceKind, () => Reader> {
  const lastFile =
    (name: string, read: Reader['open'], own: () => { read: Reader['open'] } | undefined = () => undefined) =>
    (): Reader => {
      const handle = own();
      return { name, size: undefined, open: handle ? (options) => handle.read(options) : read };
    };
  return {
    'album file': () => {
      const file = state.picked;
      if (!file) throw new Error('pick a file from the album first');
      return { open: (options) => readAlbumFile(client, file, options), size: file.size, name: file.name };
    },
    'audio recording': lastFile(
      'last audio recording',
      (o) => readAudioRecording(client, o),
      () => state.audio,
    ),
    'video recording': lastFile(
      'last video recording',
      (o) => readVideoRecording(client, o),
      () => state.video,
    ),
    'face image': lastFile('last face-check image', (o) => readFaceImage(client, o)),
    'face video': lastFile('last face-check video', (o) => readFaceVideo(client, o)),
  };
}

/** A recording form: its one field is the longest duration. */
const recordAction = (
  id: string,
  label: string,
  start: (maxTime: number, signal: AbortSignal) => Promise<void>,
): Action =>
  action({
    id,
    label,
    fields: [{ name: 'maxTime', label: 'max seconds', value: '10', type: 'number' }],
    run: ({ maxTime }, signal) => start(Number(maxTime), signal),
  });

export const filesSection: Section = (context) => {
  const { client, sim } = context;
  const state: FilesState = {};
  const sources = readers(context, state);
  const progress = progressBar('file-progress', 'read');
  const uploaded = progressBar('upload-progress', 'upload');
  const picked = facts('file-picked');
  const result = facts('file-result');
  const stopAudio = button('stop-audio', 'stop audio recording', (self) => {
    const recording = state.audio;
    if (recording)
      void run('stopAudioRecording', (signal) => recording.stop({ signal }), self).then(syncStopAudio);
  });
  /** Stoppable only while a recording runs: after stop() or maxTime there is nothing to stop. */
  const syncStopAudio = (): void => {
    stopAudio.disabled = !state.audioLive;
  };
  syncStopAudio();

  /** Read, hash and upload; "cancel read" and the pending row's cancel both stop it. */
  const readAndHash = async (
    kind: SourceKind,
    chunkSize: number | undefined,
    cancel: AbortSignal,
  ): Promise<unknown> => {
    state.reading?.abort();
    const controller = new AbortController();
    state.reading = controller;
    cancel.addEventListener('abort', () => controller.abort(), { once: true });
    const source = sources[kind]();
    progress.start(source.size);
    uploaded.start(source.size);
    result.set({ status: 'reading…' });
    try {
      return await readHashAndShow(source, chunkSize, controller.signal);
    } catch (error) {
      // The status line must not stay on "reading…" once the read is over, whichever way it ended.
      result.set({ status: controller.signal.aborted ? 'cancelled' : `failed: ${failureOf(error).code}` });
      throw error;
    } finally {
      if (state.reading === controller) state.reading = undefined;
    }
  };

  const readHashAndShow = async (
    source: Reader,
    chunkSize: number | undefined,
    signal: AbortSignal,
  ): Promise<unknown> => {
    const size = chunkSize ?? 524_288;
    const started = performance.now();
    const outcome = await readAndUpload(
      (from) =>
        source.open({
          chunkSize,
          from,
          signal,
          onProgress: ({ loaded, total }) => progress.set(loaded, total ?? source.size),
        }),
      await newUploadUrl(),
      {
        total: source.size,
        chunkSize: size,
        signal,
        onUploaded: (bytes) => uploaded.set(bytes, source.size),
      },
    );
    progress.set(outcome.blob.size, outcome.blob.size);
    uploaded.set(outcome.server.received, outcome.blob.size);
    const local = await sha256Hex(outcome.blob);
    const summary = {
      source: source.name,
      size: `${outcome.blob.size.toLocaleString('en')} bytes`,
      'SHA-256 (read)': local ?? 'unavailable: WebCrypto needs https or localhost',
      'SHA-256 (server)': outcome.server.sha256 ?? 'none',
      match:
        local === undefined ? 'unknown' : local === outcome.server.sha256 ? '✓ identical' : '✗ different',
      'upload attempts': String(outcome.attempts),
      time: `${Math.round(performance.now() - started)} ms`,
    };
    result.set(summary);
    return { size: outcome.blob.size, sha256: local, match: local === outcome.server.sha256 };
  };

  return section(
    'files',
    'Files (chunked reads)',
    'Pick or record, then read in chunks: progress, size and SHA-256, uploaded chunk by chunk to the dev server.',
    ...actionForms([
      action({
        id: 'chooseFileFromAlbum',
        label: 'pick from album',
        fields: [
          { name: 'sourceType', label: 'kind', type: 'select', options: ['any', 'video', 'image'] },
          { name: 'maxSize', label: 'max size (MB)', value: '100', type: 'number' },
        ],
        run: async ({ sourceType, maxSize }, signal) => {
          const megabytes = optionalNumber(maxSize);
          const file = await chooseFileFromAlbum(client, {
            sourceType: (sourceType ?? 'any') as AlbumSourceType,
            maxSize: megabytes === undefined ? undefined : Math.round(megabytes * MB),
            signal,
          });
          state.picked = file;
          picked.set({ name: file.name, size: file.size ?? 'unknown', type: file.type });
          return file;
        },
      }),
      recordAction('startAudioRecording', 'record audio', async (maxTime, signal) => {
        const recording = await startAudioRecording(client, { maxTime, signal });
        state.audio = recording;
        state.audioLive = true;
        syncStopAudio();
        const ended = (): void => {
          if (state.audio !== recording) return;
          state.audioLive = false;
          syncStopAudio();
        };
        recording.finished.then(ended, ended);
      }),
      recordAction('startVideoRecording', 'record video', async (maxTime, signal) => {
        state.video = await startVideoRecording(client, { maxTime, signal });
      }),
    ]),
    buttons(stopAudio),
    picked.element,
    subheading('Read, hash and upload'),
    form(
      'read-form',
      'read & upload',
      [
        { name: 'source', type: 'select', options: SOURCES },
        { name: 'chunkSize', label: 'chunk size (bytes, ≤ 524288)', value: '524288', type: 'number' },
      ],
      ({ source, chunkSize }, submit) =>
        void run(
          'read & upload',
          (signal) => readAndHash((source ?? 'album file') as SourceKind, optionalNumber(chunkSize), signal),
          submit,
          { id: 'read-cancel', label: 'cancel read' },
        ),
    ),
    progress.element,
    uploaded.element,
    result.element,
    sim && subheading('Simulated album'),
    sim &&
      form(
        'sim-album-form',
        'sim: add to album',
        [
          { name: 'size', label: 'size (MB)', value: '3.5', type: 'number' },
          { name: 'name', label: 'file name', value: 'clip.mp4' },
        ],
        ({ size, name }) =>
          void run('sim: add to album', async () => {
            const file = sim.files.addAlbumFile({
              size: Math.round(Number(size) * MB),
              name: name || 'clip.mp4',
            });
            return `next pick: ${file.name} (${file.size} bytes)`;
          }),
      ),
  );
};
