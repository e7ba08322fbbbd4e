/**
 * HCE result codes (spec §6.24). The app reports them inside `success`, so a
 * "successful" call may still be a failure; this table is the one place that
 * knows what each code means.
 */
import { UpsdkError } from '../../client/errors.js';
import { textOf } from '../../shared/text-of.js';
import { fieldsOf, text } from '../payload.js';

/** Why HCE is not usable, from `getHCEState`. */
export type HceStateReason = 'ok' | 'unsupported' | 'disabled' | 'no-hce' | 'not-default' | 'unknown';

/** The code meaning success. */
export const HCE_OK = '0000';

interface CodeInfo {
  readonly meaning: string;
  readonly reason?: HceStateReason | undefined;
}

/** Every documented code, with the documented meaning (translated). */
export const HCE_CODES: Readonly<Record<string, CodeInfo>> = {
  '0000': { meaning: 'ok', reason: 'ok' },
  '1001': { meaning: 'the device does not support NFC', reason: 'unsupported' },
  '1002': { meaning: 'the device supports NFC but the system NFC switch is off', reason: 'disabled' },
  '1003': { meaning: 'the device supports NFC but not HCE', reason: 'no-hce' },
  '1004': { meaning: 'UnionPay is not set as the default NFC app', reason: 'not-default' },
  '1101': { meaning: 'registering the AIDs failed' },
  '1102': { meaning: 'the AID list is malformed' },
  '1103': { meaning: 'invalid input parameters' },
  '1301': { meaning: 'sending the command failed' },
  '1401': { meaning: 'invalid input parameters' },
  '1402': { meaning: 'unregistering the AIDs failed' },
};

/** The documented meaning of `code`, or a note that it is undocumented. */
export function hceMeaning(code: string): string {
  return HCE_CODES[code]?.meaning ?? (code ? `undocumented HCE code ${code}` : 'the app sent no code');
}

/** Init of {@link HceError}. */
interface HceErrorInit {
  readonly code: string;
  readonly msg?: string | undefined;
  readonly plugin: string;
  readonly raw: unknown;
}

/**
 * An HCE plugin answered a code other than `0000`. `code` is the vendor code,
 * `meaning` its documented meaning, `msg` the app's own message if it sent one.
 *
 * @example
 * ```ts
 * try { await hce(client).start(['A000000010']); }
 * catch (error) { if (error instanceof HceError && error.code === '1101') retryLater(); }
 * ```
 */
export class HceError extends UpsdkError {
  override name = 'HceError';
  /** The documented meaning of `code`. */
  readonly meaning: string;

  constructor(init: HceErrorInit) {
    const meaning = hceMeaning(init.code);
    super({
      code: init.code,
      msg: init.msg ? `${meaning} (${init.msg})` : meaning,
      plugin: init.plugin,
      raw: init.raw,
    });
    this.meaning = meaning;
  }
}

/**
 * The answer's code as text; `''` when it carries none (the app sent nothing to judge by).
 * A code of another shape is still not `0000`, so it reads as its JSON and fails.
 */
const codeOf = (raw: unknown): string => {
  const code = fieldsOf(raw)('code');
  return code == null ? '' : text(code) || textOf(code);
};

/**
 * Throw an {@link HceError} if the answer carries a failure code (no code counts as success).
 *
 * @example
 * ```ts
 * checkAnswer(raw, 'startHCE'); // throws HceError for '1101'
 * ```
 */
export function checkAnswer(raw: unknown, plugin: string): void {
  const code = codeOf(raw);
  if (code && code !== HCE_OK) throw new HceError({ code, msg: text(fieldsOf(raw)('msg')), plugin, raw });
}

/** Result of `hce.state()`. */
export interface HceState {
  /** True only for `0000`. */
  readonly ok: boolean;
  readonly code: string;
  readonly reason: HceStateReason;
  /** The documented meaning of `code`. */
  readonly meaning: string;
}

/** `getHCEState`'s answer as a state (its failure codes are states, not errors); no code is `unknown`. */
export function toHceState(raw: unknown): HceState {
  const code = codeOf(raw);
  return {
    ok: code === HCE_OK,
    code,
    reason: HCE_CODES[code]?.reason ?? 'unknown',
    meaning: hceMeaning(code),
  };
}
