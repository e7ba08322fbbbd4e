/**
 * Query-string reading that decodes each value exactly once with
 * `decodeURIComponent`, so a literal `+` stays `+`. `URLSearchParams` applies
 * form decoding and turns `+` into a space — the trap of FAQ 13 (spec §7.8):
 * codes, openIds and signatures are base64 and often contain `+`.
 */

/**
 * Parse `search` (with or without the leading `?`) into a map of decoded values.
 *
 * @throws URIError for a malformed percent-escape or a parameter given twice
 *   (an ambiguous callback is never guessed at).
 * @example
 * ```ts
 * parseQuery('?code=ab%2Bc+d&state=x').get('code'); // 'ab+c+d'
 * ```
 */
export function parseQuery(search: string): Map<string, string> {
  const values = new Map<string, string>();
  const text = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeURIComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeURIComponent(pair.slice(equals + 1));
    if (values.has(name)) throw new URIError(`the parameter \`${name}\` appears more than once`);
    values.set(name, value);
  }
  return values;
}
