/**
 * Example: upload a file from the album in chunks, resuming after a failed request.
 *
 * Each chunk read from the bridge is sent as it arrives (`PUT` with `Content-Range`), so the
 * page never holds more than a chunk or two. If a request fails, the loop is left (which stops
 * the reader), the server is asked how much it has (`HEAD` → `Upload-Offset`), and reading
 * resumes there with `from`. The README shows this code; test/examples runs it.
 */
import type { AlbumFile } from '../../src/media.js';
import type { UpsdkClient } from '../../src/index.js';
import { readAlbumFile } from '../../src/media.js';

/** What the upload sink answers once the file is complete. */
export interface UploadResult {
  readonly received: number;
  readonly sha256: string;
}

export interface UploadOptions {
  /** Bytes per chunk (and per request). Default 524288. */
  readonly chunkSize?: number;
  /** Attempts in all, first one included. Default 5. */
  readonly attempts?: number;
  readonly fetch?: typeof fetch;
}

export async function uploadInChunks(
  client: UpsdkClient,
  file: AlbumFile & { readonly size: number },
  endpoint: string,
  { chunkSize = 524_288, attempts = 5, fetch = globalThis.fetch }: UploadOptions = {},
): Promise<UploadResult> {
  const put = async (range: string, body?: Uint8Array): Promise<Response> => {
    // (TypeScript ≥ 5.7 types a plain Uint8Array as possibly shared memory, which fetch refuses; ours never is.)
    const response = await fetch(endpoint, {
      method: 'PUT',
      headers: { 'content-range': range },
      body: body as BodyInit,
    });
    if (!response.ok) throw new Error(`upload failed with HTTP ${response.status}`);
    return response;
  };
  let from = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      if (file.size === 0) return (await (await put('bytes */0')).json()) as UploadResult;
      let offset = from;
      let last: Response | undefined;
      for await (const bytes of readAlbumFile(client, file, { chunkSize, from })) {
        last = await put(`bytes ${offset}-${offset + bytes.length - 1}/${file.size}`, bytes);
        offset += bytes.length;
      }
      return (await last!.json()) as UploadResult;
    } catch (error) {
      if (attempt >= attempts) throw error;
      // Ask the server where it is: chunks it stored are not sent again, none is skipped.
      const head = await fetch(endpoint, { method: 'HEAD' });
      from = Number(head.headers.get('upload-offset') ?? 0);
    }
  }
}
