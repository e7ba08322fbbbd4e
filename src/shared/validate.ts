/**
 * Checks and wire conversions for plugin parameters. Each helper takes a
 * natural value and returns what the bridge expects (numbers as strings,
 * flags as '0'/'1'), or throws an `UpsdkError` with code `invalid_param`
 * naming the plugin being {@link validated}. So every message reads the same:
 * "Expected `tn` to be a non-empty string, got """.
 */
import { invalidParam, UpsdkError } from './error.js';

/**
 * The plugin whose params (or answer) are being checked, and that answer.
 * Checks run synchronously inside {@link validated}, so module variables
 * carry this context to {@link fail} and {@link badResult} without an
 * intermediate error class or a try/catch per call.
 */
let checking = '';
let answer: unknown;
let report: FailureReporter | undefined;

/** Throws a failed check as the caller's own error (the server's checks describe secrets by shape). */
export type FailureReporter = (field: string, expected: string, got: unknown) => never;

/**
 * Run `build` on behalf of `plugin`: it converts and checks params, or (given
 * the `raw` answer) normalizes that answer. A failed check throws an
 * `UpsdkError` naming the plugin: `invalid_param` from {@link fail},
 * `invalid_result` (carrying `raw`) from {@link badResult}; `onFail`, when
 * given, throws failed checks as its own error instead.
 */
export function validated<T>(plugin: string, build: () => T, raw?: unknown, onFail?: FailureReporter): T {
  checking = plugin;
  answer = raw;
  report = onFail;
  return build();
}

/**
 * Throw the `invalid_param` error of the plugin being {@link validated}:
 * "Expected `field` to be expected, got …". For checks too particular for a helper here.
 */
export function fail(field: string, expected: string, got: unknown): never {
  if (report) report(field, expected, got);
  throw invalidParam(checking, field, expected, got);
}

/** Throw the `invalid_result` error of the answer being {@link validated}: `msg` says what was wrong. */
export function badResult(msg: string): never {
  throw new UpsdkError({ code: 'invalid_result', msg, plugin: checking, raw: answer });
}

/** Whether `value` is a number (an integer, when asked) in `min…max`; NaN and the infinities never are. */
function isNumberIn(value: unknown, min: number, max: number, integer?: boolean): value is number {
  return (
    (integer ? Number.isInteger(value) : Number.isFinite(value)) &&
    (value as number) >= min &&
    (value as number) <= max
  );
}

/** `allowed` as a message lists them: `"a", "b", 3`. */
function choices(allowed: readonly unknown[]): string {
  return allowed.map((item) => JSON.stringify(item)).join(', ');
}

/** A non-empty string, passed on as is. */
export function text(field: string, value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : fail(field, 'a non-empty string', value);
}

/** Any string, the empty one included. */
export function anyText(field: string, value: unknown): string {
  return typeof value === 'string' ? value : fail(field, 'a string', value);
}

/** Leave `undefined` out; check anything else with `check`. */
export function optional<T>(
  field: string,
  value: unknown,
  check: (field: string, value: unknown) => T,
): T | undefined {
  return value === undefined ? undefined : check(field, value);
}

/** A check of one field: its name and value in, the wire value out, or a failed check thrown. */
export type Check<T> = (field: string, value: unknown) => T;

/**
 * `check` for a field that may be left out: `undefined` stays out.
 *
 * @example
 * ```ts
 * fields(input, { transNo: text, bizType: maybe(text) });
 * ```
 */
export function maybe<T>(check: Check<T>): Check<T | undefined> {
  return (field, value) => optional(field, value, check);
}

/**
 * Params made field by field: each check converts the field of `input` with
 * its name, in order, so most converters are a table rather than code.
 *
 * @example
 * ```ts
 * fields({ title: 'T' }, { title: maybe(anyText), shareUrl: maybe(httpUrl) }); // { title: 'T', shareUrl: undefined }
 * ```
 */
export function fields<const Checks extends Readonly<Record<string, Check<unknown>>>>(
  input: object,
  checks: Checks,
): { -readonly [K in keyof Checks]: ReturnType<Checks[K]> } {
  const params: Record<string, unknown> = {};
  for (const [name, check] of Object.entries(checks)) {
    params[name] = check(name, (input as Readonly<Record<string, unknown>>)[name]);
  }
  return params as { -readonly [K in keyof Checks]: ReturnType<Checks[K]> };
}

/** A finite number in `min…max`, as a string. */
export function numberIn(field: string, value: unknown, min: number, max: number): string {
  return isNumberIn(value, min, max) ? String(value) : fail(field, `a finite number in ${min}…${max}`, value);
}

/** A positive integer (at most 2^31 − 1, what native ints hold), as a string. */
export function positiveInteger(field: string, value: unknown): string {
  return isNumberIn(value, 1, 0x7fffffff, true) ? String(value) : fail(field, 'a positive integer', value);
}

/** A number in 0…1 with at most one decimal (`0.3`), as the bridge wants it: `'0.3'`. */
export function tenth(field: string, value: unknown): string {
  // Count tenths with a tolerance: 0.1 + 0.2 is 3.0000000000000004 tenths, and means 0.3.
  // Multiplied only once known a number: a BigInt or a Symbol would throw a TypeError of its own.
  const tenths = isNumberIn(value, 0, 1) ? value * 10 : NaN;
  return Math.abs(tenths - Math.round(tenths)) < 1e-9
    ? (Math.round(tenths) / 10).toFixed(1)
    : fail(field, 'a number in 0…1 with at most one decimal', value);
}

/** A positive number of milliseconds (a timeout); `Infinity` waits for ever. */
export function duration(field: string, value: unknown): number {
  return typeof value === 'number' && value > 0
    ? value
    : fail(field, 'a positive number of milliseconds', value);
}

/** A boolean. */
export function bool(field: string, value: unknown): boolean {
  return typeof value === 'boolean' ? value : fail(field, 'a boolean', value);
}

/** A boolean as the vendor's `'1'`/`'0'`. */
export function flag(field: string, value: unknown): '0' | '1' {
  return bool(field, value) ? '1' : '0';
}

/** One of `allowed`; the message lists them. */
export function oneOf<const T extends string | number>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): T {
  return (allowed as readonly unknown[]).includes(value)
    ? (value as T)
    : fail(field, `one of ${choices(allowed)}`, value);
}

/** A non-empty array of distinct members of `allowed`. */
export function listOf<const T extends string>(field: string, value: unknown, allowed: readonly T[]): T[] {
  const expected = `a non-empty array of distinct ${choices(allowed)}`;
  if (!Array.isArray(value) || value.length === 0 || new Set(value).size !== value.length) {
    return fail(field, expected, value);
  }
  return value.map((item: unknown) =>
    (allowed as readonly unknown[]).includes(item) ? (item as T) : fail(field, expected, item),
  );
}

/** A string matching `pattern`; `expected` describes it for the message. */
export function matching(field: string, value: unknown, pattern: RegExp, expected: string): string {
  return typeof value === 'string' && pattern.test(value) ? value : fail(field, expected, value);
}

/** An absolute `http:` or `https:` URL. */
export function httpUrl(field: string, value: unknown): string {
  if (typeof value === 'string' && /^https?:\/\//i.test(value)) {
    try {
      new URL(value);
      return value;
    } catch {
      // fall through to the error below
    }
  }
  return fail(field, 'an absolute http(s) URL', value);
}

/** A function (a listener the caller hands in). */
export function callback<F extends (...args: never[]) => unknown>(field: string, value: unknown): F {
  return typeof value === 'function' ? (value as F) : fail(field, 'a function', value);
}

/** A plain object (not null, not an array). */
export function record(field: string, value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : fail(field, 'an object', value);
}

/** An integer in `min…max` (inclusive), as a number; `unit` (e.g. `'seconds'`) is named in the message. */
export function integerIn(field: string, value: unknown, min: number, max: number, unit?: string): number {
  const what = unit === undefined ? 'an integer' : `an integer number of ${unit}`;
  return isNumberIn(value, min, max, true) ? value : fail(field, `${what} in ${min}…${max}`, value);
}

/** A non-empty array whose items pass `item` (checked under the names `field[0]`, `field[1]`, …). */
export function nonEmptyList<T>(
  field: string,
  value: unknown,
  item: (field: string, value: unknown) => T,
): T[] {
  if (!Array.isArray(value) || value.length === 0) return fail(field, 'a non-empty array', value);
  return value.map((entry: unknown, index) => item(`${field}[${index}]`, entry));
}
