/**
 * The signed field map of a notification, parsed once and checked to be the
 * only map its signing string can stand for. Signers of the `k=v&k=v` kind
 * (open platform §7.5, the pre-order provider, ACP) sign raw values, so a
 * value holding `&x=` reads back as two fields, and a captured message can be
 * regrouped — one value swallowing the next field — without breaking the
 * signature. A map is accepted only when re-splitting its signing string
 * gives that same map; names that are blank, repeated, or equal once
 * trimmed are refused (a padded name alone is kept: §5.3.2's sample signs
 * `" transNo"`), and unsigned fields never reach the family.
 */
import type { FieldPair } from './form.js';

/** How a family signs: which field carries the signature and which fields it leaves out. */
export interface SigningRule {
  /** The field holding the signature (`signature`, `sign`). */
  readonly signatureField: string;
  /** Whether a value is left out of the signature (empty, or blank for §7.5's `trim()`). */
  readonly isUnsigned: (name: string, value: string) => boolean;
  /**
   * Split a signing string back into fields; default: at `&`, a segment without `=`
   * continuing the previous value. ACP-style nested `{…}` values need their own.
   */
  readonly resplit?: ((signing: string) => FieldPair[] | undefined) | undefined;
}

/** Why a message's fields were refused before any signature check. */
export type FieldRefusal = 'no_signature' | 'blank_name' | 'duplicate_name' | 'regrouped';

/** A message's signed fields, ready for verification. */
export interface SignedFields {
  /** The signature as received, untouched. */
  readonly signature: string;
  /** Every signed field, by name as received (unsigned and blank ones are not here). */
  readonly fields: Readonly<Record<string, string>>;
  /** `k=v&k=v` of `fields`, names sorted: what the signature covers. */
  readonly signing: string;
}

/** `k=v&…` of `fields` with names in ascending UTF-16 order (Java's `Collections.sort`, the seeds' ASCII order). */
export function signingString(fields: Readonly<Record<string, string>>): string {
  return Object.keys(fields)
    .sort()
    .map((name) => `${name}=${fields[name]}`)
    .join('&');
}

/** The default re-split: each `&` starts a field unless what follows holds no `=`. */
export function resplitSigning(signing: string): FieldPair[] | undefined {
  const pairs: [string, string][] = [];
  for (const segment of signing.split('&')) {
    const equals = segment.indexOf('=');
    const last = pairs.at(-1);
    if (equals === -1) {
      if (!last) return undefined;
      last[1] += `&${segment}`;
    } else {
      pairs.push([segment.slice(0, equals), segment.slice(equals + 1)]);
    }
  }
  return pairs;
}

function readsBackTheSame(
  fields: Readonly<Record<string, string>>,
  signing: string,
  rule: SigningRule,
): boolean {
  const again = (rule.resplit ?? resplitSigning)(signing);
  if (!again || again.length !== Object.keys(fields).length) return false;
  return again.every(([name, value]) => Object.hasOwn(fields, name) && fields[name] === value);
}

/**
 * Check the pairs of one message and take out its signed fields.
 *
 * @example
 * ```ts
 * const rule = { signatureField: 'sign', isUnsigned: (_name: string, value: string) => value === '' };
 * parseSigned([['a', '1&b=2'], ['sign', 'X']], rule); // { refused: 'regrouped' }
 * parseSigned([['b', '2'], ['a', '1'], ['sign', 'X']], rule); // { signature: 'X', fields: {b, a}, signing: 'a=1&b=2' }
 * ```
 */
export function parseSigned(
  pairs: readonly FieldPair[],
  rule: SigningRule,
): SignedFields | { readonly refused: FieldRefusal } {
  const seen = new Set<string>();
  // No prototype: a field named `__proto__` stays a field.
  const fields = Object.create(null) as Record<string, string>;
  let signature: string | undefined;
  for (const [name, value] of pairs) {
    const bare = name.trim();
    if (bare === '') return { refused: 'blank_name' };
    // `"transNo "` next to `transNo` is the same field twice to anyone who trims.
    if (seen.has(bare)) return { refused: 'duplicate_name' };
    seen.add(bare);
    if (name === rule.signatureField) {
      signature = value;
      continue;
    }
    // Unsigned fields are the sender's to invent: left out, never shown to the family.
    if (rule.isUnsigned(name, value)) continue;
    fields[name] = value;
  }
  if (signature === undefined || signature.trim() === '') return { refused: 'no_signature' };
  const signing = signingString(fields);
  if (!readsBackTheSame(fields, signing, rule)) return { refused: 'regrouped' };
  return { signature, fields, signing };
}
