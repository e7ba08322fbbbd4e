/**
 * ACP's message text: the signing string (fields sorted by key, raw
 * `key=value` joined by `&`) and the reply body, a `k=v&…` text whose values
 * are not URL-encoded (the `signPubKeyCert` PEM keeps its newlines). A value
 * may hold `=`; `{…}` and `[…]` may hold `&` — the vendor SDK's parser
 * (seed 000, `parseQString`) reads them the same way.
 */

/** A message: every field as a string. */
export type AcpFields = Readonly<Record<string, string>>;

/** Every field but `signature`, sorted by key, as `k=v&k=v` (raw values). */
export function signingString(fields: AcpFields): string {
  return Object.keys(fields)
    .filter((name) => name !== 'signature')
    .sort()
    .map((name) => `${name}=${fields[name]}`)
    .join('&');
}

const AMP = 0x26;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * Where the value starting at `start` ends: the next `&` outside `{…}` / `[…]`,
 * or the end of `text`; -1 when a bracket is left open. Scans char codes, no copies.
 */
function valueEnd(text: string, start: number): number {
  let closer = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (closer !== 0) {
      if (code === closer) closer = 0;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      closer = code + 2; // '}' and ']' follow their openers by two code points
    } else if (code === AMP) {
      return i;
    }
  }
  return closer === 0 ? text.length : -1;
}

/**
 * Split a reply body into fields; `undefined` when it is not `k=v&…` text
 * (a part without `=`, an empty key, a duplicate key, an unclosed bracket).
 */
export function parseReply(text: string): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  let at = 0;
  while (at < text.length) {
    if (text.charCodeAt(at) === AMP) {
      at += 1; // an empty part
      continue;
    }
    const equals = text.indexOf('=', at);
    const amp = text.indexOf('&', at);
    if (equals <= at || (amp !== -1 && amp < equals)) return undefined;
    const key = text.slice(at, equals);
    const end = valueEnd(text, equals + 1);
    if (end === -1 || Object.hasOwn(fields, key)) return undefined;
    fields[key] = text.slice(equals + 1, end);
    at = end + 1;
  }
  return fields;
}
