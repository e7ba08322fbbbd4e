/**
 * Read a chunked file and upload it as it is read: each chunk is one
 * `PUT /uploads/<id>` (an id the sink issued on `POST /uploads/`) with `Content-Range`; a failed request is resumed from
 * the server's `Upload-Offset` (`HEAD`), re-reading from there with `from`.
 * The bytes are kept too, so the page can hash them and compare with the
 * SHA-256 the server answers once the file is complete.
 */
import type { ChunkSource } from '../../src/media.js';

/** What the upload sink answers. */
export interface UploadAnswer {
  readonly received: number;
  readonly total?: number;
  readonly complete: boolean;
  readonly sha256?: string;
}

/** Outcome of {@link readAndUpload}. */
export interface UploadOutcome {
  /** Every byte read, in order (for the local hash). */
  readonly blob: Blob;
  readonly server: UploadAnswer;
  /** Attempts used, the first included. */
  readonly attempts: number;
}

export interface UploadOptions {
  /** Size announced by the bridge, when known. */
  readonly total: number | undefined;
  readonly chunkSize: number;
  /** Attempts in all. Default 3. */
  readonly attempts?: number;
  readonly signal?: AbortSignal;
  /** After each stored chunk: the bytes the server holds. */
  readonly onUploaded?: (bytes: number) => void;
}

/** Open an upload on the dev server's sink; resolves with its (server-issued) URL. */
export async function newUploadUrl(): Promise<string> {
  const response = await fetch('/uploads/', { method: 'POST' });
  const location = response.headers.get('location');
  if (response.status !== 201 || !location)
    throw new Error(`opening an upload answered HTTP ${response.status}: ${await response.text()}`);
  return location;
}

/** A PUT that failed on the network or with an HTTP error: worth resuming (a failed read is not). */
export class UploadRequestError extends Error {
  override name = 'UploadRequestError';
}

async function put(
  url: string,
  range: string,
  signal: AbortSignal | undefined,
  body?: Uint8Array<ArrayBuffer>,
): Promise<UploadAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-range': range },
      body: body ?? null,
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new UploadRequestError(`upload request failed: ${String(error)}`);
  }
  if (!response.ok)
    throw new UploadRequestError(`upload answered HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as UploadAnswer;
}

async function serverOffset(url: string, signal: AbortSignal | undefined): Promise<number> {
  const head = await fetch(url, { method: 'HEAD', signal: signal ?? null });
  return Number(head.headers.get('upload-offset') ?? 0);
}

/**
 * Read `open(from)` to the end, uploading each chunk to `url`.
 *
 * @example
 * ```ts
 * const { blob, server } = await readAndUpload((from) => readAlbumFile(client, file, { from }), await newUploadUrl(), { total: file.size, chunkSize });
 * ```
 */
export async function readAndUpload(
  open: (from: number) => ChunkSource,
  url: string,
  options: UploadOptions,
): Promise<UploadOutcome> {
  const { total, chunkSize, signal } = options;
  const attempts = options.attempts ?? 3;
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let from = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      let offset = from;
      let last: UploadAnswer | undefined;
      for await (const bytes of open(from)) {
        last = await put(url, `bytes ${offset}-${offset + bytes.length - 1}/${total ?? '*'}`, signal, bytes);
        parts.push(bytes);
        offset += bytes.length;
        options.onUploaded?.(last.received);
      }
      // Unknown size (recordings) or an empty file: tell the sink where the file ends.
      if (!last?.complete) last = await put(url, `bytes */${offset}`, signal);
      return { blob: new Blob(parts), server: last, attempts: attempt };
    } catch (error) {
      // The reader already retries its chunks; only a lost request is resumed here.
      if (!(error instanceof UploadRequestError) || attempt >= attempts) throw error;
      // Resume where the server is: every chunk it stored is one whole chunk.
      from = keepPrefix(parts, Math.floor((await serverOffset(url, signal)) / chunkSize) * chunkSize);
    }
  }
}

/** Drop the parts past `bytes`; returns how many bytes the kept parts hold. */
function keepPrefix(parts: Uint8Array<ArrayBuffer>[], bytes: number): number {
  let kept = 0;
  let count = 0;
  while (count < parts.length && kept + parts[count]!.length <= bytes) kept += parts[count++]!.length;
  parts.splice(count);
  return kept;
}

/** Lower-case hex SHA-256 of `blob`, or undefined where WebCrypto is missing (pages not on https or localhost). */
export async function sha256Hex(blob: Blob): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
