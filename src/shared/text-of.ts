/**
 * The text of a value that came from outside (the app's params, a server's
 * JSON): strings as they are, objects and arrays as JSON, anything else by
 * `String()`. Never `[object Object]`, which would hide what was sent.
 *
 * @example
 * ```ts
 * textOf('a'); // 'a'
 * textOf({ code: 1 }); // '{"code":1}'
 * textOf(42); // '42'
 * ```
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      // A cycle or a bigint inside: the type at least, rather than a throw from an error path.
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}
