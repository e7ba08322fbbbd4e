/**
 * A small resumable upload endpoint for chunked uploads from the app: `POST /uploads/` opens an
 * upload and answers its URL (`Location`, an unguessable server-issued id); each chunk is a
 * `PUT /uploads/<id>` with `Content-Range: bytes <first>-<last>/<total>`; `HEAD` tells how many
 * bytes arrived (`Upload-Offset`), so a client resumes after a failed request. The finished
 * file's SHA-256 is in the last answer. Web-standard, so it runs behind `toNodeHandler`, in a
 * service worker, or in-process. Files are kept in memory, bounded in count, total bytes and
 * idle time: this is a reference and test sink, not storage.
 */
import { toHex } from '../shared/hex.js';
import { checkRange } from './errors.js';
import { problemResponse } from './shared/problem.js';

/** Options of {@link createUploadSink}. Durations in ms. */
export interface UploadSinkOptions {
  /** Path prefix of upload URLs. Default `/uploads/`. */
  readonly prefix?: string | undefined;
  /** Largest file accepted, in bytes; larger ones get 413. Default 64 MiB. */
  readonly maxBytes?: number | undefined;
  /** Bytes held across all uploads (announced sizes count in full); past it, 507. Default 4 × `maxBytes`. */
  readonly maxTotalBytes?: number | undefined;
  /** Uploads held at once, complete ones included; past it, opening one gets 429. Default 16. */
  readonly maxUploads?: number | undefined;
  /** An upload untouched this long is dropped with its bytes. Default 300000 (5 min). */
  readonly idleTimeout?: number | undefined;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
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
  /** Handle one request (POST at the prefix; PUT, HEAD or GET under it). */
  handle(request: Request): Promise<Response>;
  /** The state of upload `id`, if it is held. */
  state(id: string): UploadState | undefined;
  /** The bytes received for upload `id` (concatenated). */
  bytes(id: string): Uint8Array | undefined;
  /** What the sink holds now: uploads and bytes counted against the limits. */
  usage(): { readonly uploads: number; readonly bytes: number };
}

interface Upload {
  parts: Uint8Array[];
  received: number;
  total: number | undefined;
  sha256: string | undefined;
  touchedAt: number;
}

const ID = /^[0-9a-f]{32}$/;
const RANGE = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+|\*)$/;
const MiB = 1024 * 1024;

const json = (body: unknown, status: number, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });

const problem = (
  status: number,
  code: string,
  detail: string,
  headers: Record<string, string> = {},
  retryAfter?: number,
): Response => problemResponse(status, { code, detail, headers, retryAfter });

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

/** 128 random bits: knowing one upload's URL tells nothing about another's. */
const newId = (): string => toHex(globalThis.crypto.getRandomValues(new Uint8Array(16)));

/** Bytes an upload counts against the total: its announced size, or what arrived while unknown. */
const weight = (upload: Upload): number => Math.max(upload.received, upload.total ?? 0);

/**
 * Create an upload sink.
 *
 * @example
 * ```ts
 * const sink = createUploadSink({ maxBytes: 100 * 1024 * 1024 });
 * createNodeServer({ '/uploads/': sink.handle }, { maxBodyBytes: 600_000 }).listen(8788, '127.0.0.1');
 * // client: POST /uploads/ → Location /uploads/<id>; PUT it with Content-Range: bytes 0-524287/3000000, …;
 * // HEAD /uploads/<id> → Upload-Offset
 * ```
 */
export function createUploadSink(options: UploadSinkOptions = {}): UploadSink {
  const prefix = options.prefix ?? '/uploads/';
  const maxBytes = checkRange('maxBytes', options.maxBytes ?? 64 * MiB, 0, 2 ** 40);
  const maxTotalBytes = checkRange('maxTotalBytes', options.maxTotalBytes ?? 4 * maxBytes, 0, 2 ** 42);
  const maxUploads = checkRange('maxUploads', options.maxUploads ?? 16, 1, 1_000_000);
  const idleTimeout = checkRange('idleTimeout', options.idleTimeout ?? 300_000, 1, 2 ** 31 - 1);
  const clock = options.clock ?? Date.now;
  const uploads = new Map<string, Upload>();
  let held = 0;

  const drop = (id: string, upload: Upload): void => {
    held -= weight(upload);
    uploads.delete(id);
  };
  /** Drop idle uploads; runs on every request, so the sink never needs a timer of its own. */
  const sweep = (): void => {
    const now = clock();
    for (const [id, upload] of uploads) if (now - upload.touchedAt >= idleTimeout) drop(id, upload);
  };
  /** Seconds until the oldest upload expires: when opening one may succeed again. */
  const untilFreeSlot = (): number => {
    let oldest = Infinity;
    for (const upload of uploads.values()) oldest = Math.min(oldest, upload.touchedAt);
    return Math.ceil((oldest + idleTimeout - clock()) / 1000);
  };
  const offsetHeader = (upload: Upload | undefined): Record<string, string> => ({
    'upload-offset': String(upload?.received ?? 0),
  });
  const describe = (id: string, upload: Upload) => ({
    id,
    received: upload.received,
    total: upload.total,
    complete: upload.sha256 !== undefined,
    sha256: upload.sha256,
  });
  /** Count `bytes` more against the total, or answer 507. */
  const reserve = (upload: Upload, next: Upload['total'], received: number): Response | undefined => {
    const grown = Math.max(received, next ?? 0) - weight(upload);
    if (grown > 0 && held + grown > maxTotalBytes) {
      return problem(507, 'insufficient_storage', `the sink holds at most ${maxTotalBytes} bytes`);
    }
    held += Math.max(0, grown);
    return undefined;
  };

  function open(): Response {
    if (uploads.size >= maxUploads) {
      const detail = `at most ${maxUploads} uploads at once`;
      return problem(429, 'too_many_uploads', detail, {}, untilFreeSlot());
    }
    const id = newId();
    const upload: Upload = {
      parts: [],
      received: 0,
      total: undefined,
      sha256: undefined,
      touchedAt: clock(),
    };
    uploads.set(id, upload);
    return json(describe(id, upload), 201, { location: prefix + id, ...offsetHeader(upload) });
  }

  async function put(id: string, upload: Upload, request: Request): Promise<Response> {
    const range = RANGE.exec(request.headers.get('content-range') ?? '');
    if (!range) return problem(400, 'bad_content_range', 'expected "bytes <first>-<last>/<total>"');
    const [, firstText, lastText, totalText] = range;
    const total = totalText === '*' ? undefined : Number(totalText);
    if (total !== undefined && total > maxBytes)
      return problem(413, 'payload_too_large', `files are limited to ${maxBytes} bytes`);
    if (upload.total !== undefined && total !== undefined && total !== upload.total) {
      const detail = `the upload was announced as ${upload.total} bytes`;
      return problem(409, 'total_mismatch', detail, offsetHeader(upload));
    }
    const full = reserve(upload, upload.total ?? total, upload.received);
    if (full) return full;
    upload.total ??= total;
    if (firstText !== undefined) {
      const first = Number(firstText);
      if (first !== upload.received) {
        // Not where we are: the client must resume from our offset (which the header tells).
        const detail = `expected bytes from ${upload.received}, got ${first}`;
        return problem(409, 'offset_mismatch', detail, offsetHeader(upload));
      }
      const length = Number(lastText) - first + 1;
      if (first + length > (upload.total ?? maxBytes))
        return problem(413, 'payload_too_large', 'more bytes than announced');
      const tooMuch = reserve(upload, upload.total, first + length);
      if (tooMuch) return tooMuch;
      const body = new Uint8Array(await request.arrayBuffer());
      if (length !== body.length) return problem(400, 'bad_content_range', 'range and body length differ');
      upload.parts.push(body);
      upload.received += body.length;
    }
    if (upload.total !== undefined && upload.received === upload.total && upload.sha256 === undefined) {
      upload.sha256 = await sha256Hex(concat(upload.parts, upload.received));
    }
    return json(describe(id, upload), upload.sha256 ? 201 : 200, offsetHeader(upload));
  }

  async function handle(request: Request): Promise<Response> {
    sweep();
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(prefix)) return problem(404, 'not_found', `uploads live under ${prefix}`);
    const id = pathname.slice(prefix.length);
    if (id === '') {
      if (request.method === 'POST') return open();
      return problem(405, 'method_not_allowed', `POST ${prefix} opens an upload`, { allow: 'POST' });
    }
    const upload = ID.test(id) ? uploads.get(id) : undefined;
    if (!upload) {
      // Unknown, expired or never issued: ids come from POST only.
      if (request.method === 'HEAD')
        return new Response(null, { status: 404, headers: offsetHeader(undefined) });
      return problem(404, 'upload_not_found', `no upload ${id.slice(0, 64)}; open one with POST ${prefix}`);
    }
    upload.touchedAt = clock();
    switch (request.method) {
      case 'PUT':
        return put(id, upload, request);
      case 'HEAD':
        return new Response(null, { status: 200, headers: offsetHeader(upload) });
      case 'GET':
        return json(describe(id, upload), 200, offsetHeader(upload));
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
    usage: () => {
      sweep();
      return { uploads: uploads.size, bytes: held };
    },
  };
}
