/** What one chunked-reader call answered, checked and decoded (BRIDGE-FACTS "Chunked readers"). */
import { UpsdkError } from '../client/errors.js';
import { decodeBase64 } from './base64.js';

/** One decoded chunk. */
export interface Chunk {
  /** Byte offset of the chunk in the file. */
  readonly offset: number;
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** The bridge said this was the last chunk. */
  readonly finished: boolean;
}

const FINISHED: ReadonlySet<unknown> = new Set(['1', 1, true, 'true']);
const NOT_FINISHED: ReadonlySet<unknown> = new Set(['0', 0, false, 'false', undefined, null, '']);

/**
 * Turn a raw `{data, isFinished}` answer into bytes. Tolerates `isFinished` as '1'/1/true and an
 * answer delivered as a JSON string. A garbled answer is `bad_chunk` and an empty chunk that is
 * not the last one is `no_progress` — both transient, so the chunk is asked for again and a bridge
 * that never moves on fails after the retries instead of looping forever.
 */
export function parseChunkAnswer(plugin: string, raw: unknown, offset: number): Chunk {
  const answer = typeof raw === 'string' && raw.startsWith('{') ? safeJson(raw) : raw;
  const record =
    typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : undefined;
  const data = record?.data ?? '';
  const flag = record?.isFinished ?? record?.isFinish;
  if (!record || typeof data !== 'string' || !(FINISHED.has(flag) || NOT_FINISHED.has(flag))) {
    throw badChunk(plugin, offset, 'the answer is not {data: base64, isFinished}', raw);
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = decodeBase64(data);
  } catch (cause) {
    throw badChunk(plugin, offset, `data is not base64 (${String(cause)})`, raw);
  }
  const finished = FINISHED.has(flag);
  if (!finished && bytes.length === 0) {
    throw new UpsdkError({
      code: 'no_progress',
      msg: `the chunk at offset ${offset} was empty but not the last one`,
      plugin,
      raw,
    });
  }
  return { offset, bytes, finished };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function badChunk(plugin: string, offset: number, why: string, raw: unknown): UpsdkError {
  // Never echo the payload into the message: it may be megabytes of base64.
  return new UpsdkError({
    code: 'bad_chunk',
    msg: `unusable chunk at offset ${offset}: ${why}`,
    plugin,
    raw,
  });
}
