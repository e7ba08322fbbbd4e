/**
 * State of the simulated album, recordings and face-check media, and the controller tests use
 * to set them up and to inject chunk-level faults and latency (`sim.files`).
 */
import { seededRandom } from '../../shared/random.js';
import { createVirtualFile, virtualBytes, type VirtualFile, type VirtualFileInit } from './virtual-file.js';

/** Files the app keeps without a handle: the last recordings and the last face check. */
export type DeviceFileSlot = 'audioRecording' | 'videoRecording' | 'faceVideo' | 'faceImage';

/** Every chunked source, as named for faults and latency. */
export type ChunkedSourceName = 'album' | DeviceFileSlot;

/**
 * What a faulty chunk answers: `fail` with a vendor code, an empty chunk that is not the last
 * (`no-progress`), data that is not base64 (`garbled`), or only half the bytes asked for (`short`).
 */
export type ChunkFault =
  { readonly code: string; readonly msg?: string } | 'no-progress' | 'garbled' | 'short';

/** How `isFinished` travels: the spec's strings, or the numbers and booleans some builds send. */
export type FinishedFlagStyle = 'string' | 'number' | 'boolean';

/** Controls the simulated files (`sim.files`). */
export interface FilesController {
  /**
   * Put a file in the album; it is also what the user picks next.
   *
   * @example
   * ```ts
   * const video = sim.files.addAlbumFile({ size: 3_000_000, name: 'clip.mp4' });
   * ```
   */
  addAlbumFile(init: VirtualFileInit): VirtualFile;
  /** What the next `chooseFileFromAlbum` answers: a file, or a failure such as `{ fail: '03' }`. */
  pickNext(choice: VirtualFile | { readonly fail: string; readonly msg?: string }): void;
  /**
   * Set (or with `undefined` remove) the last recording or face-check file. A new recording
   * produces a file of this size too. Reading a missing file fails with `07`.
   *
   * @example
   * ```ts
   * sim.files.setFile('faceImage', { size: 80_000 });
   * ```
   */
  setFile(slot: DeviceFileSlot, init: VirtualFileInit | undefined): VirtualFile | undefined;
  /** The file currently in a slot. */
  file(slot: DeviceFileSlot): VirtualFile | undefined;
  /** The exact bytes of a virtual file (or of a range of it), for assertions. */
  contentOf(file: VirtualFile, offset?: number, length?: number): Uint8Array;
  /**
   * Make chunk number `chunk` (fromOffset / bufferSize) of `source` fail the next `times` reads.
   *
   * @example
   * ```ts
   * sim.files.failChunk('album', 3, { code: '01' }, 2); // chunk 3 fails twice, then succeeds
   * ```
   */
  failChunk(source: ChunkedSourceName, chunk: number, fault?: ChunkFault, times?: number): void;
  /** Make each read of `source` fail with probability `rate`, from a seeded sequence. */
  failRandomChunks(
    source: ChunkedSourceName,
    options: { readonly rate: number; readonly seed?: number; readonly fault?: ChunkFault },
  ): void;
  /** Remove every chunk fault. */
  clearChunkFaults(): void;
  /** Milliseconds each chunk read takes (on top of the simulator's latency), fixed or per chunk. */
  setReadLatency(latency: number | ((source: ChunkedSourceName, chunk: number) => number)): void;
  /** How long the simulated user takes to record a video, in ms. Default 0. */
  setRecordingTime(ms: number): void;
  /** How `isFinished` is sent. Default `string`. */
  setFinishedFlag(style: FinishedFlagStyle): void;
  /** Chunk reads the bridge has received but not yet answered. */
  readonly inFlight: number;
  /** The most chunk reads ever unanswered at once (since `resetStats`). */
  readonly maxInFlight: number;
  /** Reset `maxInFlight`. */
  resetStats(): void;
}

type Targeted = { chunk: number; fault: ChunkFault; remaining: number };
type RandomRule = { rate: number; random: () => number; fault: ChunkFault };

const DEFAULT_FAULT: ChunkFault = { code: '01', msg: 'simulated internal error' };
/** Size a recording gets when the test did not set one. */
const DEFAULT_RECORDING_SIZE: Readonly<Record<'audioRecording' | 'videoRecording', number>> = {
  audioRecording: 48_000,
  videoRecording: 1_500_000,
};

/** The simulator's file state; the behaviours in files.ts read and change it. */
export class FilesState implements FilesController {
  readonly album = new Map<string, VirtualFile>();
  readonly slots = new Map<DeviceFileSlot, VirtualFile>();
  nextPick: VirtualFile | { readonly fail: string; readonly msg?: string } | undefined;
  recordingTime = 0;
  finishedFlag: FinishedFlagStyle = 'string';
  /** The running audio recording's auto-stop timer, if one is running. */
  audioRecording: ReturnType<typeof setTimeout> | undefined;
  /** Timers of recordings and slow reads, cleared on dispose. */
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  inFlight = 0;
  maxInFlight = 0;
  private readLatency: (source: ChunkedSourceName, chunk: number) => number = () => 0;
  private readonly targeted = new Map<ChunkedSourceName, Targeted[]>();
  private readonly randomRules = new Map<ChunkedSourceName, RandomRule>();

  addAlbumFile(init: VirtualFileInit): VirtualFile {
    const file = createVirtualFile(init, 'album');
    this.album.set(file.url, file);
    this.nextPick = file;
    return file;
  }

  pickNext(choice: VirtualFile | { readonly fail: string; readonly msg?: string }): void {
    this.nextPick = choice;
  }

  setFile(slot: DeviceFileSlot, init: VirtualFileInit | undefined): VirtualFile | undefined {
    if (!init) {
      this.slots.delete(slot);
      return undefined;
    }
    const file = createVirtualFile(init, slot);
    this.slots.set(slot, file);
    return file;
  }

  file(slot: DeviceFileSlot): VirtualFile | undefined {
    return this.slots.get(slot);
  }

  /** A recording just ended: it replaces the slot's file with a fresh one of the same size. */
  recorded(slot: 'audioRecording' | 'videoRecording'): void {
    const size = this.slots.get(slot)?.size ?? DEFAULT_RECORDING_SIZE[slot];
    this.setFile(slot, { size, name: `${slot}.bin` });
  }

  contentOf(file: VirtualFile, offset = 0, length = file.size): Uint8Array {
    return virtualBytes(file, offset, length);
  }

  failChunk(source: ChunkedSourceName, chunk: number, fault: ChunkFault = DEFAULT_FAULT, times = 1): void {
    const list = this.targeted.get(source) ?? [];
    list.push({ chunk, fault, remaining: times });
    this.targeted.set(source, list);
  }

  failRandomChunks(
    source: ChunkedSourceName,
    options: { readonly rate: number; readonly seed?: number; readonly fault?: ChunkFault },
  ): void {
    const random = seededRandom(options.seed ?? 1);
    this.randomRules.set(source, { rate: options.rate, random, fault: options.fault ?? DEFAULT_FAULT });
  }

  clearChunkFaults(): void {
    this.targeted.clear();
    this.randomRules.clear();
  }

  /** The fault this read of `chunk` meets, if any; consumes one use of a targeted fault. */
  takeFault(source: ChunkedSourceName, chunk: number): ChunkFault | undefined {
    const list = this.targeted.get(source) ?? [];
    const hit = list.find((entry) => entry.chunk === chunk && entry.remaining > 0);
    if (hit) {
      hit.remaining -= 1;
      return hit.fault;
    }
    const rule = this.randomRules.get(source);
    return rule && rule.random() < rule.rate ? rule.fault : undefined;
  }

  setReadLatency(latency: number | ((source: ChunkedSourceName, chunk: number) => number)): void {
    this.readLatency = typeof latency === 'number' ? () => latency : latency;
  }

  latencyOf(source: ChunkedSourceName, chunk: number): number {
    return this.readLatency(source, chunk);
  }

  setRecordingTime(ms: number): void {
    this.recordingTime = ms;
  }

  setFinishedFlag(style: FinishedFlagStyle): void {
    this.finishedFlag = style;
  }

  resetStats(): void {
    this.maxInFlight = this.inFlight;
  }

  /** Run `task` after `ms`, unless disposed first. */
  later(ms: number, task: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  /** Stop every timer a recording or a slow read started. */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
