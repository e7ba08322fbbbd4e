/**
 * Reading fields off whatever the bridge hands a callback: a plain object,
 * an Event with the fields copied onto it (or carried in `detail`), or a
 * JSON string (Android answers some plugins that way). Normalizers use these
 * readers and never throw, because a throw inside a native callback would be lost.
 */

/** Reads one field of a payload. */
export type FieldReader = (name: string) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * A reader for the fields of `raw`.
 *
 * @example
 * ```ts
 * const field = fieldsOf(eventOrObject);
 * const deviceId = text(field('deviceId'));
 * ```
 */
export function fieldsOf(raw: unknown): FieldReader {
  let source = raw;
  if (typeof source === 'string') {
    try {
      source = JSON.parse(source) as unknown;
    } catch {
      source = undefined;
    }
  }
  if (!isRecord(source)) return () => undefined;
  const record = source;
  const detail = isRecord(record.detail) ? record.detail : undefined;
  return (name) => (record[name] !== undefined ? record[name] : detail?.[name]);
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
 * A string field (numbers are stringified; anything else is `''`).
 *
 * @example
 * ```ts
 * text(42); // '42'
 * ```
 */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
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
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as unknown;
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }
  return [];
}
