/**
 * The kinds of field the open platform's interfaces take (spec §5), each a
 * check plus the conversion to the wire's string. The interface table
 * (`interfaces.ts`) names a kind per field; the client runs them all before
 * anything is encrypted, signed or sent, so a bad value fails here with a
 * clear message and never reaches the platform.
 */
import { isIP } from 'node:net';
import { fail, httpUrl, matching, oneOf } from '../../shared/validate.js';

/** A check: the caller's value in, the wire string out, or a failed check thrown through `fail`. */
export type FieldCheck = (field: string, value: unknown) => string;

// Codes, openIds and accessTokens are base64-like; a space can only be a '+' that was form-decoded (FAQ 13–14).
const CREDENTIAL = /^[A-Za-z0-9+/=_.-]{1,1024}$/;
// Ids we or the platform issue (order numbers, plan ids, pools like '681ee844-40de-…'): printable, no spaces.
const IDENTIFIER = /^[\x21-\x7e]{1,64}$/;

/** What a credential looked like, without showing it. */
function credentialShape(value: string): string {
  if (value === '') return 'an empty string';
  return value.includes('%') ? 'a percent-encoded string' : 'other characters';
}

/**
 * An openId, accessToken or code exactly as the platform issued it. Tabs and
 * line breaks are dropped and spaces restored to the `+` they were before a
 * form decode (FAQ 13).
 */
export const credential: FieldCheck = (field, value) => {
  if (typeof value !== 'string') return fail(field, CREDENTIAL_EXPECTED, typeof value);
  const restored = value.replace(/[\t\r\n]/g, '').replace(/ /g, '+');
  return CREDENTIAL.test(restored) ? restored : fail(field, CREDENTIAL_EXPECTED, credentialShape(restored));
};
const CREDENTIAL_EXPECTED = `the value exactly as the platform issued it (1…1024 of A-Z a-z 0-9 + / = _ . -, decoded once)`;

/** An id: 1…64 printable ASCII characters without spaces. */
export const identifier: FieldCheck = (field, value) =>
  matching(field, value, IDENTIFIER, '1…64 printable ASCII characters without spaces');

/** Free text of at most `max` characters (remarks, names). */
export const text =
  (max: number): FieldCheck =>
  (field, value) =>
    typeof value === 'string' && value.trim() !== '' && [...value].length <= max
      ? value
      : fail(field, `a non-blank string of at most ${max} characters`, value);

/** Exactly `length` letters or digits (an institution account `insAcctId` is 18, §5.8.1). */
export const alphanumeric =
  (length: number): FieldCheck =>
  (field, value) =>
    matching(field, value, new RegExp(`^[A-Za-z0-9]{${length}}$`), `exactly ${length} letters or digits`);

/** Digits only, `min`…`max` of them (mobile numbers, card numbers, amounts as text). */
export const digits =
  (min: number, max: number): FieldCheck =>
  (field, value) =>
    matching(field, value, new RegExp(`^\\d{${min},${max}}$`), `a string of ${min}…${max} digits`);

/** A mainland mobile number: 11 digits starting with 1. */
export const mobile: FieldCheck = (field, value) =>
  matching(field, value, /^1\d{10}$/, 'an 11-digit mobile number starting with 1');

/** A resident identity card number: 15 digits, or 17 digits and a digit or X. */
export const idCard: FieldCheck = (field, value) =>
  matching(field, value, /^(\d{15}|\d{17}[\dXx])$/, 'a 15- or 18-character identity card number');

/**
 * A whole number in `min`…`max`, given as a number or a string of digits;
 * on the wire as decimal digits. Amounts are in fen (分), never negative.
 */
export const integer =
  (min: number, max: number, unit = ''): FieldCheck =>
  (field, value) => {
    const number = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
    const ok = typeof number === 'number' && Number.isSafeInteger(number) && number >= min && number <= max;
    return ok ? String(number) : fail(field, `a whole number${unit} in ${min}…${max}`, value);
  };

/** An amount in fen (1 yuan = 100 fen): a whole number, not negative. */
export const fen: FieldCheck = integer(0, 1e13, ' of fen');

const validDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** A calendar date as `yyyyMMdd`. */
export const date: FieldCheck = (field, value) => {
  const match = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  return match && validDate(Number(match[1]), Number(match[2]), Number(match[3]))
    ? (value as string)
    : fail(field, 'a calendar date as yyyyMMdd (e.g. 20191029)', value);
};

/** A date and time as `yyyyMMddHHmmss`. */
export const dateTime: FieldCheck = (field, value) => {
  const match = typeof value === 'string' ? /^(\d{8})([01]\d|2[0-3])([0-5]\d)([0-5]\d)$/.exec(value) : null;
  return match && date(field, match[1]) === match[1]
    ? (value as string)
    : fail(field, 'a date and time as yyyyMMddHHmmss (e.g. 20190712144820)', value);
};

/** One of `allowed`. */
export const enumeration =
  <const T extends string>(allowed: readonly T[]): FieldCheck =>
  (field, value) =>
    oneOf(field, value, allowed);

/** An absolute http(s) URL (a notification address, a page to open). */
export const url: FieldCheck = (field, value) => httpUrl(field, value);

/** An IPv4 or IPv6 address. */
export const ipAddress: FieldCheck = (field, value) =>
  typeof value === 'string' && isIP(value) !== 0 ? value : fail(field, 'an IPv4 or IPv6 address', value);

/**
 * Text of at most `units`, counting a Chinese (non-ASCII) character as two:
 * §5.5.1 allows 140 characters, 70 when Chinese.
 */
export const weightedText =
  (units: number): FieldCheck =>
  (field, value) => {
    const weight =
      typeof value === 'string' ? [...value].reduce((sum, c) => sum + (c <= '\x7f' ? 1 : 2), 0) : 0;
    return typeof value === 'string' && value.trim() !== '' && weight <= units
      ? value
      : fail(field, `non-blank text of at most ${units} characters (${units / 2} Chinese)`, value);
  };

/** Any string the platform accepts as is (free-form codes the spec does not constrain). */
export const anyCode: FieldCheck = (field, value) =>
  matching(field, value, /^[\x20-\x7e]{1,64}$/, '1…64 printable ASCII characters');

/** Beijing time (UTC+8), which the platform's dates and times are in (FAQ 3, 25). */
export function beijingTime(ms: number): { readonly date: string; readonly dateTime: string } {
  const stamp = new Date(ms + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  return { date: stamp.slice(0, 8), dateTime: stamp };
}
