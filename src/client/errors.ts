/**
 * The error hierarchy. Every failure a client call can produce is an
 * `UpsdkError` (or the abort signal's own reason), whatever shape the vendor
 * bridge used to report it.
 */
import { UpsdkError, invalidParam } from '../shared/error.js';
import { codeFromText } from './sdk-texts.js';
import { textOf } from '../shared/text-of.js';

export { UpsdkError, invalidParam };
export type { UpsdkErrorInit } from '../shared/error.js';

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

/** An {@link UpsdkConfigError} of the start-up step `config` (the signer's failures included). */
export const configError = (code: string, msg: string, raw?: unknown, cause?: unknown): UpsdkConfigError =>
  new UpsdkConfigError({ code, msg, raw, cause, plugin: 'config' });

/** An {@link UpsdkUnavailableError}: upsdk cannot run here. */
export const unavailable = (code: string, msg: string, raw?: unknown): UpsdkUnavailableError =>
  new UpsdkUnavailableError({ code, msg, raw });

/** What the vendor reports failure with, normalized. */
export interface VendorFailure {
  readonly code: string;
  readonly msg: string;
}

const CODE_LIKE = /^[A-Za-z]{0,2}\d{1,6}$/;

/** The first of `keys` whose value in `record` is a string or a number, as a string. */
const pick = (record: Record<string, unknown>, keys: readonly string[]): string | undefined => {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
};

/**
 * Map every failure shape seen from the bridge onto `{code, msg}`:
 * `{errcode, errmsg}`, `{code, msg}`, `{msg}`, a bare string (a code if it
 * looks like one), a number, an Event carrying those fields, or nothing.
 *
 * @example
 * ```ts
 * normalizeFailure({ errcode: 'c02', errmsg: 'denied' }); // { code: 'c02', msg: 'denied' }
 * ```
 */
export function normalizeFailure(payload: unknown, fallbackCode = 'unknown'): VendorFailure {
  if (payload == null || payload === '') return { code: fallbackCode, msg: 'no details' };
  // A bare string or number reads as {msg} (the newest upsdk.js wraps one so); a msg shaped like a code is the code.
  const record = (typeof payload === 'object' ? payload : { msg: textOf(payload) }) as Record<
    string,
    unknown
  >;
  const msg = pick(record, ['errmsg', 'msg', 'errMsg', 'message']);
  const code =
    pick(record, ['errcode', 'code', 'errCode']) ??
    (msg !== undefined && CODE_LIKE.test(msg) ? msg : fallbackCode);
  return { code, msg: msg ?? code };
}

/**
 * An `UpsdkError` for a vendor failure payload of `plugin`. A failure that
 * carries only a message (every `pay` failure does) gets its code back from
 * the SDK's fixed texts: `c02`…`c05`, or `cancel`.
 */
export function vendorError(plugin: string, payload: unknown, fallbackCode = 'unknown'): UpsdkError {
  const { code, msg } = normalizeFailure(payload, fallbackCode);
  return new UpsdkError({
    code: code === fallbackCode ? (codeFromText(msg) ?? code) : code,
    msg,
    plugin,
    raw: payload,
  });
}
