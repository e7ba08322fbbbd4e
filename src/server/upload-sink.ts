/**
 * A small resumable upload endpoint for chunked uploads from the app: each chunk is a
 * `PUT /uploads/<id>` with `Content-Range: bytes <first>-<last>/<total>`; `HEAD` tells how
 * many bytes arrived (`Upload-Offset`), so a client resumes after a failed request. The
 * finished file's SHA-256 is in the last answer. Web-standard, so it runs behind
 * `toNodeHandler`, in a service worker, or in-process. Files are kept in memory: this is a
 * reference and test sink, not storage.
 */
import { toHex } from '../shared/hex.js';
import { problemResponse } from './problem.js';

/** Options of {@link createUploadSink}. */
export interface UploadSinkOptions {
  /** Path prefix of upload URLs. Default `/uploads/`. */
  readonly prefix?: string;
  /** Largest file accepted, in bytes; larger ones get 413. Default 256 MiB. */
  readonly maxBytes?: number;
}

/** What the sink knows about one upload. */
export interface UploadState {
  /** Bytes received so far, from offset 0 without gaps. */
  readonly received: number;
  /** Size announced in `Content-Range`, once known. */
  readonly total: number | undefined;
  /** Lower-case hex SHA-256 of the file, once complete. */
  readonly sha256: string | undefined;
}

/** A running sink. */
export interface UploadSink {
  /** Handle one request (PUT, HEAD or GET under the prefix). */
  handle(request: Request): Promise<Response>;
  /** The state of upload `id`, if it started. */
  state(id: string): UploadState | undefined;
  /** The bytes received for upload `id` (concatenated). */
  bytes(id: string): Uint8Array | undefined;
}

interface Upload {
  parts: Uint8Array[];
  received: number;
  total: number | undefined;
  sha256: string | undefined;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const RANGE = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+|\*)$/;

const json = (body: unknown, status: number, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const problem = (
  status: number,
  code: string,
  detail: string,
  headers: Record<string, string> = {},
): Response => problemResponse(status, { code, detail, headers });

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  return toHex(digest);
}

/**
 * Create an upload sink.
 *
 * @example
 * ```ts
 * const sink = createUploadSink({ maxBytes: 100 * 1024 * 1024 });
 * http.createServer(toNodeHandler(sink.handle, { maxBodyBytes: 600_000 })).listen(8788, '127.0.0.1');
 * // client: PUT /uploads/abc with Content-Range: bytes 0-524287/3000000, …; HEAD /uploads/abc → Upload-Offset
 * ```
 */
export function createUploadSink(options: UploadSinkOptions = {}): UploadSink {
  const prefix = options.prefix ?? '/uploads/';
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const uploads = new Map<string, Upload>();

  const offsetHeader = (upload: Upload | undefined): Record<string, string> => ({
    'upload-offset': String(upload?.received ?? 0),
  });

  async function put(id: string, request: Request): Promise<Response> {
    const range = RANGE.exec(request.headers.get('content-range') ?? '');
    if (!range) return problem(400, 'bad_content_range', 'expected "bytes <first>-<last>/<total>"');
    const [, firstText, lastText, totalText] = range;
    const total = totalText === '*' ? undefined : Number(totalText);
    if (total !== undefined && total > maxBytes)
      return problem(413, 'too_large', `files are limited to ${maxBytes} bytes`);
    const upload = uploads.get(id) ?? { parts: [], received: 0, total, sha256: undefined };
    uploads.set(id, upload);
    if (upload.total !== undefined && total !== undefined && total !== upload.total) {
      return problem(
        409,
        'total_mismatch',
        `the upload was announced as ${upload.total} bytes`,
        offsetHeader(upload),
      );
    }
    upload.total ??= total;
    const body = new Uint8Array(await request.arrayBuffer());
    if (firstText !== undefined) {
      const first = Number(firstText);
      if (first !== upload.received) {
        // Not where we are: the client must resume from our offset (which the header tells).
        return problem(
          409,
          'offset_mismatch',
          `expected bytes from ${upload.received}, got ${first}`,
          offsetHeader(upload),
        );
      }
      if (Number(lastText) - first + 1 !== body.length)
        return problem(400, 'bad_content_range', 'range and body length differ');
      if (first + body.length > (upload.total ?? maxBytes))
        return problem(413, 'too_large', 'more bytes than announced');
      upload.parts.push(body);
      upload.received += body.length;
    }
    if (upload.total !== undefined && upload.received === upload.total && upload.sha256 === undefined) {
      upload.sha256 = await sha256Hex(concat(upload.parts, upload.received));
    }
    return json(describe(id, upload), upload.sha256 ? 201 : 200, offsetHeader(upload));
  }

  const describe = (id: string, upload: Upload) => ({
    id,
    received: upload.received,
    total: upload.total,
    complete: upload.sha256 !== undefined,
    sha256: upload.sha256,
  });

  async function handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(prefix)) return problem(404, 'not_found', `uploads live under ${prefix}`);
    const id = pathname.slice(prefix.length);
    if (!ID.test(id)) return problem(400, 'bad_upload_id', 'ids are 1–64 characters of [A-Za-z0-9_-]');
    const upload = uploads.get(id);
    switch (request.method) {
      case 'PUT':
        return put(id, request);
      case 'HEAD':
        return new Response(null, { status: upload ? 200 : 404, headers: offsetHeader(upload) });
      case 'GET':
        return upload
          ? json(describe(id, upload), 200, offsetHeader(upload))
          : problem(404, 'not_found', `no upload ${id}`);
      default:
        return problem(405, 'method_not_allowed', 'PUT, HEAD or GET', { allow: 'PUT, HEAD, GET' });
    }
  }

  return {
    handle,
    state: (id) => {
      const upload = uploads.get(id);
      return upload && { received: upload.received, total: upload.total, sha256: upload.sha256 };
    },
    bytes: (id) => {
      const upload = uploads.get(id);
      return upload && concat(upload.parts, upload.received);
    },
  };
}
