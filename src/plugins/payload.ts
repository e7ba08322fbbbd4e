/**
 * Reading fields off whatever the bridge hands a callback: a plain object,
 * an Event with the fields copied onto it (or carried in `detail`), a bare
 * value, or a JSON string (Android answers some plugins that way; numbers
 * often come as strings).
 *
 * Two kinds of readers share the same basics:
 * - lenient ones (`fieldsOf`, `text`, `num`, `flag`, `list`) never throw, for
 *   event payloads, where a throw inside a native callback would be lost;
 * - strict ones (`toText`, `toNumber`, `parseIfJson`) throw an `UpsdkError`
 *   with code `invalid_result`, the plugin name and the raw payload when
 *   nothing usable came (see `validated`).
 */
import { badResult } from '../shared/validate.js';

/** Reads one field of a payload. */
export type FieldReader = (name: string) => unknown;

/** Whether `value` is an object whose fields can be read (not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** `JSON.parse`, or `failed` when the text is not JSON. */
function parseJson(text: string, failed: () => unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return failed();
  }
}

/** A string parsed as JSON (`undefined` when it is not JSON); anything else as it is. */
export const lenientJson = (raw: unknown): unknown =>
  typeof raw === 'string' ? parseJson(raw, () => undefined) : raw;

/** Parse a JSON object or array string; anything else is returned as is. Throws on malformed JSON. */
export function parseIfJson(raw: unknown): unknown {
  return typeof raw === 'string' && /^\s*[[{]/.test(raw)
    ? parseJson(raw, () => badResult(`the bridge answered malformed JSON: ${raw.slice(0, 80)}`))
    : raw;
}

/** `raw[name]` when `raw` is an object (a plain one or an Event carrying fields), else undefined. */
export function field(raw: unknown, name: string): unknown {
  return isRecord(raw) ? raw[name] : undefined;
}

/**
 * A reader for the fields of `raw` (parsed first if it is a JSON string; a
 * field missing on the payload is looked up in its `detail`).
 *
 * @example
 * ```ts
 * const field = fieldsOf(eventOrObject);
 * const deviceId = text(field('deviceId'));
 * ```
 */
export function fieldsOf(raw: unknown): FieldReader {
  const source = lenientJson(raw);
  if (!isRecord(source)) return () => undefined;
  const detail = field(source, 'detail');
  return (name) => (source[name] !== undefined ? source[name] : field(detail, name));
}

/**
 * The answer itself, or its `name` field when it is an object: plugins whose
 * upsdk.js unwraps a field answer the bare value, older versions the object,
 * some platforms a JSON string of it.
 */
export function unwrap(raw: unknown, name: string): unknown {
  const payload = parseIfJson(raw);
  return isRecord(payload) ? payload[name] : payload;
}

/**
 * A vendor flag as a boolean: `'yes'`/`'no'` in any case, `'1'`/`'0'`, `'true'`/`'false'` or a real boolean.
 *
 * @example
 * ```ts
 * flag('YES'); // true
 * ```
 */
export function flag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return typeof value === 'string' && ['yes', 'true', '1', 'y'].includes(value.trim().toLowerCase());
}

/**
 * A string field (finite numbers are stringified; anything else is `''`).
 *
 * @example
 * ```ts
 * text(42); // '42'
 * ```
 */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : Number.isFinite(value) ? String(value) : '';
}

/**
 * A number field (`'-40'` → -40); `NaN` when missing or not numeric.
 *
 * @example
 * ```ts
 * num('-61'); // -61
 * ```
 */
export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
}

/**
 * An array field; a JSON-encoded array is parsed, anything else is `[]`.
 *
 * @example
 * ```ts
 * list('["a","b"]'); // ['a', 'b']
 * ```
 */
export function list(value: unknown): unknown[] {
  const parsed = lenientJson(value);
  return Array.isArray(parsed) ? parsed : [];
}

/** Throw `invalid_result`: "expected `what` to be `expected`, got …". */
export function unexpected(what: string, expected: string, value: unknown): never {
  return badResult(`expected ${what} to be ${expected}, got ${String(value)}`);
}

/** A finite number from a number or a numeric string; throws `invalid_result` otherwise. */
export function toNumber(value: unknown, what: string): number {
  const number = num(value);
  return Number.isFinite(number) ? number : unexpected(what, 'a number', value);
}

/** A non-empty string from a string or a finite number; throws `invalid_result` otherwise. */
export function toText(value: unknown, what: string): string {
  return text(value) || unexpected(what, 'a non-empty string', value);
}
