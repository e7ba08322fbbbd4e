/**
 * Redaction of a call's secrets (app secret, keys, tokens, user credentials)
 * from anything an upstream may have echoed back: reply messages, raw reply
 * objects, and the messages of underlying errors. An upstream that puts the
 * request into its answer must not turn our error message (and so a 502
 * `detail` a browser reads, or a log line) into a copy of the secret.
 */

/** What replaces each occurrence of a secret. */
export const REDACTED = '[redacted]';

// Shorter values (a count, a one-letter flag) would mangle ordinary text and are no secret.
const MIN_SECRET_LENGTH = 4;

/** Replace every secret in a text; `(text) => text` when there is nothing to hide. */
export type Redactor = (text: string) => string;

/**
 * The forms a secret travels in: as given, JSON-escaped (a value inside a JSON
 * `msg`) and percent-encoded (a value inside a query or form string).
 */
function formsOf(secret: string): string[] {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  return [...forms];
}

/**
 * A redactor for `secrets` (undefined and short values skipped), longest first so
 * that a secret containing another is replaced whole.
 *
 * @example
 * ```ts
 * const redact = createRedactor([secret, token]);
 * redact(`upstream said: bad token ${token}`); // 'upstream said: bad token [redacted]'
 * ```
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const forms = [
    ...new Set(
      secrets.flatMap((secret) =>
        typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH ? formsOf(secret) : [],
      ),
    ),
  ].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}

/** `value` with every string inside it (object values and keys, array items) redacted; depth-bounded. */
export function redactValue(value: unknown, redact: Redactor, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[redact(key)] = redactValue(item, redact, depth + 1);
  return out;
}

/**
 * A copy of an underlying error fit to travel as `cause`: same name and
 * `code`, message redacted, its own cause copied the same way (a few levels).
 * Runtimes put URLs, headers or reply fragments into such messages.
 */
export function safeCause(error: unknown, redact: Redactor, depth = 0): Error {
  const source = error instanceof Error ? error : new Error(typeof error === 'string' ? error : typeof error);
  const inner =
    depth < 3 && source.cause !== undefined ? safeCause(source.cause, redact, depth + 1) : undefined;
  const copy = new Error(redact(source.message), inner ? { cause: inner } : undefined);
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  return copy;
}
