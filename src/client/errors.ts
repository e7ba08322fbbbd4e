/**
 * The error hierarchy. Every failure a client call can produce is an
 * `UpsdkError` (or the abort signal's own reason), whatever shape the vendor
 * bridge used to report it.
 */
import { codeFromText } from './sdk-texts.js';

/** Fields every {@link UpsdkError} carries. */
export interface UpsdkErrorInit {
  /** Vendor code (`c05`, `01`, `1101`, …) or one of ours (`timeout`, `unavailable`, `invalid_param`, …). */
  readonly code: string;
  /** Human-readable reason, from the vendor when it gave one. */
  readonly msg: string;
  /** The plugin whose call failed, when the failure belongs to one. */
  readonly plugin?: string;
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
 *   await client.pay({ tn });
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

/** A call (or the start-up it waited for) took longer than its timeout. Code `timeout`. */
export class UpsdkTimeoutError extends UpsdkError {
  override name = 'UpsdkTimeoutError';
  /** The timeout that elapsed, in milliseconds. */
  readonly timeout: number;

  constructor(plugin: string, timeout: number) {
    super({ code: 'timeout', msg: `no answer within ${timeout} ms`, plugin });
    this.timeout = timeout;
  }
}

/**
 * upsdk cannot run here: the page is not inside the UnionPay app (and no
 * simulator is installed), or upsdk.js failed to load. Code `unavailable`
 * or `script_load_failed`.
 */
export class UpsdkUnavailableError extends UpsdkError {
  override name = 'UpsdkUnavailableError';
}

/** `upsdk.config` failed even after one retry with a fresh signature, or the signer failed. */
export class UpsdkConfigError extends UpsdkError {
  override name = 'UpsdkConfigError';
}

/** What the vendor reports failure with, normalized. */
export interface VendorFailure {
  readonly code: string;
  readonly msg: string;
}

const CODE_LIKE = /^[A-Za-z]{0,2}\d{1,6}$/;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/**
 * Map every failure shape seen from the bridge onto `{code, msg}`:
 * `{errcode, errmsg}`, `{code, msg}`, `{msg}`, a bare string (a code if it
 * looks like one), a number, an Event carrying those fields, or nothing.
 */
export function normalizeFailure(payload: unknown, fallbackCode = 'unknown'): VendorFailure {
  if (payload === undefined || payload === null || payload === '') {
    return { code: fallbackCode, msg: 'the bridge reported a failure without details' };
  }
  if (typeof payload === 'string' || typeof payload === 'number') {
    const value = String(payload);
    return CODE_LIKE.test(value) ? { code: value, msg: value } : { code: fallbackCode, msg: value };
  }
  if (typeof payload === 'object') {
    const record = payload as Record<string, unknown>;
    const msg = text(record.errmsg) ?? text(record.msg) ?? text(record.errMsg) ?? text(record.message);
    // The newest upsdk.js wraps a bare string in {msg}: a bare code stays a code.
    const code =
      text(record.errcode) ??
      text(record.code) ??
      text(record.errCode) ??
      (msg !== undefined && CODE_LIKE.test(msg) ? msg : fallbackCode);
    return { code, msg: msg ?? code };
  }
  return { code: fallbackCode, msg: String(payload) };
}

/**
 * An `UpsdkError` for a vendor failure payload of `plugin`. A failure that
 * carries only a message (every `pay` failure does) gets its code back from
 * the SDK's fixed texts: `c02`…`c05`, or `cancel`.
 */
export function vendorError(plugin: string, payload: unknown, fallbackCode = 'unknown'): UpsdkError {
  const failure = normalizeFailure(payload, fallbackCode);
  const code = failure.code === fallbackCode ? (codeFromText(failure.msg) ?? fallbackCode) : failure.code;
  return new UpsdkError({ code, msg: failure.msg, plugin, raw: payload });
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
