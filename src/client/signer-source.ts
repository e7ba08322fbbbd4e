/**
 * Where the client gets `upsdk.config` signatures: the user's signer
 * endpoint (a URL) or their own async function.
 */
import { UpsdkConfigError } from './errors.js';

/** What a signer returns for one page URL. */
export interface Signature {
  /** Seconds since the epoch, as used in the signature. */
  readonly timestamp: string | number;
  /** The 16-character nonce used in the signature. */
  readonly nonceStr: string;
  /** sha256 hex of the five sorted factors (spec §7.1). */
  readonly signature: string;
  /** The appId the signer signed for; overrides the client's `appId` when given. */
  readonly appId?: string;
  /** Identifies the frontToken used, so a failed config can report exactly that token. */
  readonly tokenId?: string;
}

/** Context passed to a signer function. */
export interface SignRequestContext {
  /** True when the previous signature was rejected by `upsdk.config`. */
  readonly retry: boolean;
  /** `tokenId` of the rejected signature, when retrying. */
  readonly tokenId?: string | undefined;
  /** Aborts when the client gives up waiting. */
  readonly signal: AbortSignal;
}

/** An async function that signs a page URL. */
export type SignerFunction = (url: string, context: SignRequestContext) => Promise<Signature>;

/** The signer endpoint's URL, or a function. */
export type SignerSource = string | URL | SignerFunction;

const fail = (code: string, msg: string, raw?: unknown, cause?: unknown): UpsdkConfigError =>
  new UpsdkConfigError({ code, msg, raw, cause });

/** The signer's answer, checked: `timestamp` a string or number, `nonceStr` and `signature` non-empty strings. */
function validateSignature(value: unknown): Signature {
  const { timestamp, nonceStr, signature } = (value ?? {}) as Partial<Record<keyof Signature, unknown>>;
  if (
    /^(string|number)$/.test(typeof timestamp) &&
    typeof nonceStr === 'string' &&
    typeof signature === 'string' &&
    signature
  )
    return value as Signature;
  throw fail('signer_bad_response', 'signer must answer {timestamp, nonceStr, signature}', value);
}

/**
 * Normalize a signer option into a function whose answers are validated.
 * A URL is POSTed `{url}` (plus `retry` and `tokenId` when retrying) as JSON.
 *
 * @example
 * ```ts
 * const sign = toSignerFunction('/upsdk/signature', () => fetch);
 * ```
 */
export function toSignerFunction(source: SignerSource, fetchImpl: () => typeof fetch): SignerFunction {
  return async (url, context) => {
    if (typeof source === 'function') return validateSignature(await source(url, context));
    const { retry, tokenId, signal } = context;
    const response = await fetchImpl()(String(source), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(retry ? { url, retry, tokenId } : { url }),
      signal,
    }).catch((cause: unknown) => {
      throw fail('signer_unreachable', `could not reach signer ${String(source)}`, undefined, cause);
    });
    const payload = (await response.json().catch(() => undefined)) as
      { detail?: unknown; title?: unknown } | undefined;
    if (!response.ok)
      throw fail(
        `signer_http_${response.status}`,
        `signer answered ${response.status}: ${String(payload?.detail ?? payload?.title ?? response.statusText)}`,
        payload,
      );
    return validateSignature(payload);
  };
}
