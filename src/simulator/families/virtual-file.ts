/**
 * Simulated files of any size whose bytes are a pure function of (seed, position), so a
 * 100 MB file costs no memory and any range can be produced on demand, identical every time.
 */

/** What a virtual file is made from. */
export interface VirtualFileInit {
  /** Size in bytes. */
  readonly size: number;
  /** File name. Default `file-<seed>.bin`. */
  readonly name?: string | undefined;
  /** Content seed: the same seed and size give the same bytes. Default a fresh number. */
  readonly seed?: number | undefined;
}

/** A simulated file. */
export interface VirtualFile {
  /** The url the album picker answers with. */
  readonly url: string;
  readonly name: string;
  readonly size: number;
  readonly seed: number;
}

let nextSeed = 1;

/** A new virtual file (its url is unique within the page). */
export function createVirtualFile(init: VirtualFileInit, folder: string): VirtualFile {
  const { size } = init;
  if (!(Number.isSafeInteger(size) && size >= 0))
    throw new RangeError(`virtual file size must be a non-negative integer, got ${size}`);
  const seed = init.seed ?? nextSeed++;
  const name = init.name ?? `file-${seed}.bin`;
  return { url: `sim://${folder}/${seed}/${encodeURIComponent(name)}`, name, size, seed };
}

/** A 32-bit avalanche hash of (seed, word index): every word of every file looks random. */
function word(seed: number, index: number): number {
  let x = Math.imul(index | 0, 0x9e3779b1) ^ Math.imul(seed | 0, 0x85ebca6b) ^ Math.floor(index / 2 ** 32);
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Bytes [offset, offset + length) of `file`, clipped to its size. Byte i is byte (i mod 4) of word(i / 4), little-endian. */
export function virtualBytes(file: VirtualFile, offset: number, length: number): Uint8Array {
  const start = Math.min(Math.max(0, offset), file.size);
  const end = Math.min(file.size, start + Math.max(0, length));
  const first = Math.floor(start / 4);
  const words = new Uint32Array(Math.ceil(end / 4) - first);
  for (let i = 0; i < words.length; i++) words[i] = word(file.seed, first + i);
  const bytes = new Uint8Array(words.buffer);
  if (!littleEndian()) {
    for (let i = 0; i < bytes.length; i += 4) bytes.subarray(i, i + 4).reverse();
  }
  return bytes.subarray(start - first * 4, end - first * 4);
}

const littleEndian = (): boolean => new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
