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

/**
 * Split a reply body into fields; `undefined` when it is not `k=v&…` text
 * (an empty key, a duplicate key, an unclosed bracket).
 */
export function parseReply(text: string): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  let key: string | undefined;
  let current = '';
  let closer = '';
  const put = (): boolean => {
    if (key === undefined) return current === '';
    if (key === '' || Object.hasOwn(fields, key)) return false;
    fields[key] = current;
    return true;
  };
  for (const char of text) {
    if (closer) {
      if (char === closer) closer = '';
      current += char;
    } else if (char === '{' || char === '[') {
      closer = char === '{' ? '}' : ']';
      current += char;
    } else if (char === '=' && key === undefined) {
      key = current;
      current = '';
    } else if (char === '&') {
      if (!put()) return undefined;
      key = undefined;
      current = '';
    } else {
      current += char;
    }
  }
  if (closer || !put()) return undefined;
  return fields;
}

/**
 * Whether the signed text of `fields` splits back into exactly these
 * fields: a message where one value swallowed its neighbour (`a=1&b=2` sent
 * as the single field `a` = `1&b=2`) has the same signing string as the
 * original and would verify, so it is refused here.
 */
export function regroupsTo(fields: AcpFields): boolean {
  const unsigned = Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'signature'));
  const reparsed = parseReply(signingString(unsigned));
  if (!reparsed) return false;
  const names = Object.keys(unsigned);
  return (
    names.length === Object.keys(reparsed).length && names.every((name) => reparsed[name] === unsigned[name])
  );
}
