/**
 * Turning a notification's text into name/value pairs, in order and with
 * repeats kept, so the next step can refuse what is ambiguous. Two readings
 * of `k=v&k=v`: the spec's raw one (§5.4.3's sample sends `operateTime=2019-11-05 10:45:55`
 * and base64 with a literal `+`; only `%XX` is decoded) and the standard
 * `application/x-www-form-urlencoded` one (`+` is a space). Which one a
 * platform uses is not documented, so the receiver tries both against the
 * signature.
 */

/** How `+` is read: literally (`raw`) or as a space (`standard`). */
export type FormReading = 'raw' | 'standard';

/** One field as it came, before any check. */
export type FieldPair = readonly [name: string, value: string];

const decode = (text: string, reading: FormReading): string =>
  decodeURIComponent(reading === 'standard' ? text.replace(/\+/g, ' ') : text);

/**
 * The pairs of a query or form body (without the leading `?`), or `undefined`
 * when a `%` escape is malformed. Empty segments (`a=1&&b=2`) are skipped; a
 * segment without `=` is a name with an empty value.
 *
 * @example
 * ```ts
 * readForm('openId=A+2p&t=1%202', 'raw'); // [['openId', 'A+2p'], ['t', '1 2']]
 * readForm('openId=A+2p', 'standard'); // [['openId', 'A 2p']]
 * ```
 */
export function readForm(text: string, reading: FormReading): FieldPair[] | undefined {
  const pairs: FieldPair[] = [];
  try {
    for (const segment of text.split('&')) {
      if (segment === '') continue;
      const equals = segment.indexOf('=');
      const name = equals === -1 ? segment : segment.slice(0, equals);
      const value = equals === -1 ? '' : segment.slice(equals + 1);
      pairs.push([decode(name, reading), decode(value, reading)]);
    }
  } catch {
    return undefined;
  }
  return pairs;
}

/** The readings worth trying for `text`: the standard one only differs when a `+` is there. */
export const readingsOf = (text: string): readonly FormReading[] =>
  text.includes('+') ? ['raw', 'standard'] : ['raw'];

/**
 * The pairs of a JSON object body whose values are strings or numbers (§5.3.2's sample),
 * or `undefined` for anything else.
 */
export function readJson(text: string): FieldPair[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const pairs: FieldPair[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string') pairs.push([name, value]);
    else if (typeof value === 'number' && Number.isFinite(value)) pairs.push([name, String(value)]);
    else return undefined;
  }
  return pairs;
}
