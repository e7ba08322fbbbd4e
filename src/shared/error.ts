/**
 * `UpsdkError`, the base class of every error upsdk-kit raises, alone in its
 * module so that a page which only checks `instanceof UpsdkError` ships a few
 * hundred bytes, not the failure normalizer and every subclass.
 */

/** Fields every {@link UpsdkError} carries. */
export interface UpsdkErrorInit {
  /** Vendor code (`c05`, `01`, `1101`, …) or one of ours (`timeout`, `unavailable`, `invalid_param`, …). */
  readonly code: string;
  /** Human-readable reason, from the vendor when it gave one. */
  readonly msg: string;
  /** The plugin whose call failed, when the failure belongs to one. */
  readonly plugin?: string | undefined;
  /** The payload exactly as the bridge delivered it. */
  readonly raw?: unknown;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * Base class of every error raised by upsdk-kit.
 *
 * @example
 * ```ts
 * try {
 *   await pay(client, { tn });
 * } catch (error) {
 *   if (error instanceof UpsdkError) console.log(error.code, error.msg);
 * }
 * ```
 */
export class UpsdkError extends Error {
  override name = 'UpsdkError';
  readonly code: string;
  readonly msg: string;
  readonly plugin: string | undefined;
  readonly raw: unknown;

  constructor(init: UpsdkErrorInit) {
    super(`${init.plugin ? `${init.plugin}: ` : ''}${init.msg} (code ${init.code})`, { cause: init.cause });
    this.code = init.code;
    this.msg = init.msg;
    this.plugin = init.plugin;
    this.raw = init.raw;
  }
}

/** A parameter failed validation before the bridge was called. Code `invalid_param`. */
export function invalidParam(plugin: string, field: string, expected: string, got: unknown): UpsdkError {
  return new UpsdkError({
    code: 'invalid_param',
    msg: `Expected \`${field}\` to be ${expected}, got ${describe(got)}`,
    plugin,
    raw: got,
  });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a ${typeof value}`;
}
