/** What one chunked-reader call answered, checked and decoded (BRIDGE-FACTS "Chunked readers"). */
import { UpsdkError } from '../client/errors.js';
import { field, isRecord, lenientJson } from '../plugins/payload.js';
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
 * Turn a raw `{data, isFinished}` answer into bytes. Tolerates `isFinished` as '1'/1/true (or
 * `isFinish`) and an answer delivered as a JSON string. A garbled answer is `bad_chunk` and an
 * empty chunk that is not the last one is `no_progress` — both transient, so the chunk is asked
 * for again and a bridge that never moves on fails after the retries instead of looping forever.
 */
export function parseChunkAnswer(plugin: string, raw: unknown, offset: number): Chunk {
  // Never echo the payload into the message: it may be megabytes of base64.
  const unusable = (code: string, why: string, cause?: unknown): UpsdkError =>
    new UpsdkError({ code, msg: `chunk at offset ${offset}: ${why}`, plugin, raw, cause });
  // Not JSON: rejected below as not an object.
  const answer = lenientJson(raw);
  const data = field(answer, 'data') ?? '';
  const flag = field(answer, 'isFinished') ?? field(answer, 'isFinish');
  const finished = FINISHED.has(flag);
  if (!isRecord(answer) || typeof data !== 'string' || !(finished || NOT_FINISHED.has(flag))) {
    throw unusable('bad_chunk', 'not {data: base64, isFinished}');
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = decodeBase64(data);
  } catch (cause) {
    throw unusable('bad_chunk', 'data is not base64', cause);
  }
  if (!finished && bytes.length === 0) throw unusable('no_progress', 'empty but not the last one');
  return { offset, bytes, finished };
}
