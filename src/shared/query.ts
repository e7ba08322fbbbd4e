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
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    // name, then everything after the first `=` (a missing `=` reads as an empty value)
    const [, name, value] = /^([^=]*)=?(.*)$/s.exec(pair)!.map(decodeURIComponent);
    if (values.has(name!)) throw new URIError(`\`${name!}\` given twice`);
    values.set(name!, value!);
  }
  return values;
}
