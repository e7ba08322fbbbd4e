/**
 * Reading a request body inside a web-standard handler, whatever adapter (or
 * none) sits in front of it: the declared length is checked first, then the
 * stream is counted while read and cancelled at the cap, a body that trickles
 * is given up at a deadline, and the bytes must be UTF-8. `request.text()`
 * would buffer a 300 MB body before anyone could refuse it, and would turn
 * bytes that are not UTF-8 into U+FFFD, so a signed value could change
 * without its signature being checked against what was sent.
 */

/** Why a body was not read. */
export type BodyRefusal = 'too_large' | 'too_slow' | 'unreadable';

/** A body that was not read whole, or not as text. */
export interface RefusedBody {
  readonly refused: BodyRefusal;
}

/** The body as UTF-8 text, or why it was refused. */
export type BodyRead = string | RefusedBody;

/**
 * How long a body may take to arrive unless a handler says otherwise, in ms: the node adapter's
 * `bodyTimeout`, a web handler called with no adapter in front, the login handler.
 */
export const BODY_TIMEOUT_MS = 10_000;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** `bytes` as UTF-8 text, or the refusal of bytes that are not UTF-8. */
export function decodeBody(bytes: Uint8Array): BodyRead {
  try {
    return decoder.decode(bytes);
  } catch {
    return { refused: UNREADABLE };
  }
}

// Outcomes for a handler's log, not error codes a caller sees (they become 408/413/400 answers).
const SLOW: BodyRefusal = 'too_slow';
const LARGE: BodyRefusal = 'too_large';
const UNREADABLE: BodyRefusal = 'unreadable';

/** Resolves `undefined` after `ms`; `clear` stops the timer. */
function deadline(ms: number): { readonly expired: Promise<undefined>; clear(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return { expired, clear: () => clearTimeout(timer) };
}

/**
 * Read `request`'s body, at most `maxBytes`, within `timeoutMs`.
 *
 * @example
 * ```ts
 * const body = await readBody(request, 64 * 1024, 10_000);
 * if (typeof body !== 'string') return new Response(null, { status: body.refused === 'too_large' ? 413 : 400 });
 * ```
 */
export async function readBody(request: Request, maxBytes: number, timeoutMs: number): Promise<BodyRead> {
  const stream = request.body;
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    // Never read: cancelling tells the producer (and node's adapter) to stop.
    await stream?.cancel().catch(() => undefined);
    return { refused: 'too_large' };
  }
  if (!stream) return '';
  const reader = stream.getReader();
  const timer = deadline(timeoutMs);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stop = async (refused: BodyRefusal): Promise<BodyRead> => {
    timer.clear();
    await reader.cancel().catch(() => undefined);
    return { refused };
  };
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timer.expired]);
      if (next === undefined) return await stop(SLOW);
      if (next.done) break;
      size += next.value.byteLength;
      // A declared length is a claim, not a bound: the stream is counted either way.
      if (size > maxBytes) return await stop(LARGE);
      chunks.push(next.value);
    }
  } catch {
    return stop(UNREADABLE);
  }
  timer.clear();
  return decodeBody(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
}
