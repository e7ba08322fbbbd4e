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

/** Normalize a signer option into a function. */
export function toSignerFunction(source: SignerSource, fetchImpl: () => typeof fetch): SignerFunction {
  if (typeof source === 'function') {
    return async (url, context) => validateSignature(await source(url, context));
  }
  const endpoint = String(source);
  return async (url, { retry, tokenId, signal }) => {
    const body = JSON.stringify(retry ? { url, retry, tokenId } : { url });
    let response: Response;
    try {
      response = await fetchImpl()(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        credentials: 'same-origin',
        signal,
      });
    } catch (cause) {
      throw new UpsdkConfigError({
        code: 'signer_unreachable',
        msg: `could not reach signer ${endpoint}`,
        cause,
      });
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const detail = (payload as { detail?: unknown; title?: unknown } | undefined) ?? {};
      throw new UpsdkConfigError({
        code: `signer_http_${response.status}`,
        msg: `signer answered ${response.status}: ${String(detail.detail ?? detail.title ?? response.statusText)}`,
        raw: payload,
      });
    }
    return validateSignature(payload);
  };
}

function validateSignature(value: unknown): Signature {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { timestamp, nonceStr, signature } = record;
  const ok =
    (typeof timestamp === 'string' || typeof timestamp === 'number') &&
    typeof nonceStr === 'string' &&
    typeof signature === 'string' &&
    signature.length > 0;
  if (!ok) {
    throw new UpsdkConfigError({
      code: 'signer_bad_response',
      msg: 'signer must answer {timestamp, nonceStr, signature}',
      raw: value,
    });
  }
  return record as unknown as Signature;
}
