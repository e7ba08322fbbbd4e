/**
 * Small parameter checks shared by every plugin family. Each returns the
 * checked value (narrowed) or throws `invalid_param` naming the plugin and
 * the field, so the bridge is never called with bad input.
 */
import { invalidParam } from '../client/errors.js';

/**
 * A non-empty string.
 *
 * @example
 * ```ts
 * const deviceId = nonEmptyString('connectBLEDevice', 'deviceId', input); // throws on '' or 42
 * ```
 */
export function nonEmptyString(plugin: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '')
    throw invalidParam(plugin, field, 'a non-empty string', value);
  return value;
}

/**
 * An integer in `min…max` (inclusive).
 *
 * @example
 * ```ts
 * integerInRange('readAlbumData', 'chunkSize', 600_000, 1, 524_288); // throws "… in 1…524288, got 600000"
 * ```
 */
export function integerInRange(
  plugin: string,
  field: string,
  value: unknown,
  min: number,
  max: number,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidParam(plugin, field, `an integer in ${min}…${max}`, value);
  }
  return value;
}

/**
 * One of a fixed set of strings.
 *
 * @example
 * ```ts
 * const encoding = oneOf('bluetooth', 'valueEncoding', input, ['hex', 'base64'] as const);
 * ```
 */
export function oneOf<const T extends string>(
  plugin: string,
  field: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidParam(plugin, field, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
  }
  return value as T;
}

/** Length bounds of {@link hexString}. */
export interface HexBounds {
  /** Fewest characters. Default 1. */
  readonly min?: number;
  /** Most characters. Default unbounded. */
  readonly max?: number;
  /** Require an even number of characters (whole bytes). Default false. */
  readonly even?: boolean;
}

/**
 * A string of hexadecimal digits (either case), within length bounds.
 *
 * @example
 * ```ts
 * hexString('startHCE', 'aids[0]', 'A000000010', { min: 10, max: 32 });
 * ```
 */
export function hexString(plugin: string, field: string, value: unknown, bounds: HexBounds = {}): string {
  const { min = 1, max = Infinity, even = false } = bounds;
  const ok =
    typeof value === 'string' &&
    /^[0-9A-Fa-f]*$/.test(value) &&
    value.length >= min &&
    value.length <= max &&
    (!even || value.length % 2 === 0);
  if (!ok) {
    const size = max === Infinity ? `at least ${min}` : `${min}–${max}`;
    throw invalidParam(plugin, field, `${size}${even ? ' (even)' : ''} hex digits`, value);
  }
  return value;
}

/**
 * A non-empty array whose items pass `item` (called with the item's field name, e.g. `aids[2]`).
 *
 * @example
 * ```ts
 * const aids = nonEmptyArray('startHCE', 'aids', input, (name, aid) => hexString('startHCE', name, aid));
 * ```
 */
export function nonEmptyArray<T>(
  plugin: string,
  field: string,
  value: unknown,
  item: (name: string, value: unknown) => T,
): T[] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalidParam(plugin, field, 'a non-empty array', value);
  return value.map((entry: unknown, index) => item(`${field}[${index}]`, entry));
}

/**
 * `undefined`, or a value that passes `check`.
 *
 * @example
 * ```ts
 * const services = optional(input.services, (v) => nonEmptyArray('startBluetoothDevicesDiscovery', 'services', v, uuid));
 * ```
 */
export function optional<T>(value: unknown, check: (value: unknown) => T): T | undefined {
  return value === undefined ? undefined : check(value);
}

/**
 * A boolean (not a truthy value: `'no'` would be truthy).
 *
 * @example
 * ```ts
 * boolean('startBluetoothDevicesDiscovery', 'allowDuplicates', true);
 * ```
 */
export function boolean(plugin: string, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalidParam(plugin, field, 'a boolean', value);
  return value;
}
