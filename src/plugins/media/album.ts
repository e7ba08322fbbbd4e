/** Picking a file from the album and reading it (spec §6.15). */
import type { UpsdkClient } from '../../client/client.js';
import { invalidParam } from '../../client/errors.js';
import type { ChunkSource } from '../../streams/chunk-source.js';
import type { ReadOptions } from '../../streams/read-options.js';
import { field } from '../payload.js';
import { badResult, oneOf, positiveInteger, validated } from '../../shared/validate.js';
import { mimeTypeOf } from '../mime.js';
import { createReader } from './readers.js';
import { USER_WAIT_TIMEOUT } from '../../client/user-wait.js';
import type { AlbumSourceCode } from '../../client/wire/media.js';

/** A file the user picked from the album. */
export interface AlbumFile {
  /** Where the app keeps it; pass the whole handle (or this url) to `readAlbumFile`. */
  readonly url: string;
  /** Size in bytes, as the app reported it (undefined if it did not). */
  readonly size: number | undefined;
  /** File name, e.g. `123.mp4`. */
  readonly name: string;
  /** MIME type guessed from the name. */
  readonly type: string;
}

/** Which files the album picker offers. */
export type AlbumSourceType = 'video' | 'image' | 'any';

/** Options of `chooseFileFromAlbum`. */
export interface ChooseFileOptions {
  /** Largest file the user may pick, in bytes (at most 2^31 − 1); a larger pick fails with code `03`. Default 100 MiB (the spec's advice). */
  readonly maxSize?: number | undefined;
  /** `video` (mp4, mov…), `image` (png, jpg…) or `any`. Default `any`. */
  readonly sourceType?: AlbumSourceType | undefined;
  /** Milliseconds the user has to pick. Default 10 minutes (the core's default for this plugin). */
  readonly timeout?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

const SOURCE_CODES: Readonly<Record<AlbumSourceType, AlbumSourceCode>> = {
  video: '00',
  image: '01',
  any: '02',
};
/** The album picker waits on the user (the core's list of such plugins names it, which `call` applies). */
export const albumTimeouts = { chooseFileFromAlbum: USER_WAIT_TIMEOUT } as const;

/**
 * Let the user pick a video or image from the album.
 *
 * @returns the file's handle `{url, size, name, type}`.
 * @throws `UpsdkError` with the vendor code: `02` no permission, `03` file larger than `maxSize`, …
 * @example
 * ```ts
 * const file = await chooseFileFromAlbum(client, { sourceType: 'video', maxSize: 50 * 1024 * 1024 });
 * ```
 */
export async function chooseFileFromAlbum(
  core: UpsdkClient,
  options: ChooseFileOptions = {},
): Promise<AlbumFile> {
  const plugin = 'chooseFileFromAlbum';
  // The spec advises 100 MiB.
  const { maxSize = 100 * 1024 * 1024, sourceType = 'any' } = options;
  const params = validated(plugin, () => ({
    // At most 2^31 − 1: the app reads it into a native int.
    maxSize: positiveInteger('maxSize', maxSize),
    sourceType: SOURCE_CODES[oneOf('sourceType', sourceType, Object.keys(SOURCE_CODES) as AlbumSourceType[])],
  }));
  const raw = await core.call(plugin, params, options);
  return validated(plugin, () => toAlbumFile(raw), raw);
}

/** The handle from the picker's answer; throws `invalid_result` when it has no url. */
function toAlbumFile(raw: unknown): AlbumFile {
  const url = field(raw, 'url');
  if (typeof url !== 'string' || url === '') badResult('the picked file has no url');
  const size = Number(field(raw, 'size'));
  const named = field(raw, 'filename') ?? field(raw, 'name');
  const name = typeof named === 'string' && named !== '' ? named : url.split(/[/\\]/).pop()!;
  return {
    url,
    size: Number.isSafeInteger(size) && size >= 0 ? size : undefined,
    name,
    type: mimeTypeOf(name),
  };
}

/**
 * Read an album file in chunks (`readAlbumData`).
 *
 * @throws an `UpsdkError` with code `invalid_param` for a handle without a url or bad read options.
 * @example
 * ```ts
 * for await (const bytes of readAlbumFile(client, file, { onProgress: ({ loaded, total }) => show(loaded, total) })) {
 *   await send(bytes);
 * }
 * ```
 */
export function readAlbumFile(
  core: UpsdkClient,
  file: AlbumFile | string,
  options?: ReadOptions,
): ChunkSource {
  const plugin = 'readAlbumData';
  const handle: Partial<AlbumFile> = typeof file === 'string' ? { url: file } : file;
  // `?.`: a JavaScript caller may pass nothing at all.
  const url = handle?.url;
  if (typeof url !== 'string' || url === '') {
    throw invalidParam(plugin, 'file', 'an album file or its url', file);
  }
  // The handle's size and MIME type come along.
  return createReader(core, { ...handle, plugin, params: { url } }, options);
}
