/**
 * Readers for what `success` delivers. The bridge answers in several shapes
 * for the same plugin (a JSON string on Android, an object on iOS, numbers
 * as strings, fields copied onto an Event), so normalizers read through
 * these helpers and throw {@link InvalidResult} when nothing usable came;
 * the generic plugin runner turns that into an `UpsdkError` with code
 * `invalid_result`, the plugin name and the raw payload.
 */
import { UpsdkError } from '../client/errors.js';

/** The success payload did not have the expected shape. */
export class InvalidResult extends Error {
  override name = 'InvalidResult';
}

/** An `UpsdkError` (code `invalid_result`) for a payload `plugin` answered with. */
export function invalidResult(plugin: string, error: InvalidResult, raw: unknown): UpsdkError {
  return new UpsdkError({ code: 'invalid_result', msg: error.message, plugin, raw, cause: error });
}

/** Parse a JSON string; anything else is returned as is. */
export function parseIfJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return raw;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    throw new InvalidResult(`the bridge answered malformed JSON: ${raw.slice(0, 80)}`);
  }
}

/** `raw[name]` when `raw` is an object (a plain one or an Event carrying fields), else undefined. */
export function field(raw: unknown, name: string): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;
}

/**
 * The answer itself, or its `name` field when it is an object: plugins whose
 * upsdk.js unwraps a field answer the bare value, older versions the object,
 * some platforms a JSON string of it.
 */
export function unwrap(raw: unknown, name: string): unknown {
  const payload = parseIfJson(raw);
  return typeof payload === 'object' && payload !== null ? field(payload, name) : payload;
}

/** A finite number from a number or a numeric string. */
export function toNumber(value: unknown, what: string): number {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(number))
    throw new InvalidResult(`expected ${what} to be a number, got ${String(value)}`);
  return number;
}

/** A non-empty string from a string or a number. */
export function toText(value: unknown, what: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value !== '') return value;
  throw new InvalidResult(`expected ${what} to be a non-empty string, got ${String(value)}`);
}

/** The vendor's `'1'`/`'yes'` (any case) as true, `'0'`/`'no'` as false. */
export function toFlag(value: unknown, what: string): boolean {
  const normalized = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (normalized === '1' || normalized === 'yes' || normalized === true || normalized === 1) return true;
  if (normalized === '0' || normalized === 'no' || normalized === false || normalized === 0) return false;
  throw new InvalidResult(`expected ${what} to be a flag ('0'/'1' or 'yes'/'no'), got ${String(value)}`);
}
