/**
 * Where the client gets `upsdk.config` signatures: the user's signer
 * endpoint (a URL) or their own async function.
 */
import { configError as fail, UpsdkConfigError } from './errors.js';
import { settleOnce } from '../shared/settle-once.js';
import { textOf } from '../shared/text-of.js';

/** What a signer returns for one page URL. */
export interface Signature {
  /** Seconds since the epoch, as used in the signature. */
  readonly timestamp: string | number;
  /** The 16-character nonce used in the signature. */
  readonly nonceStr: string;
  /** sha256 hex of the five sorted factors (spec §7.1). */
  readonly signature: string;
  /** The appId the signer signed for; overrides the client's `appId` when given. */
  readonly appId?: string | undefined;
  /** Identifies the frontToken used, so a failed config can report exactly that token. */
  readonly tokenId?: string | undefined;
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

/** Signs one page URL for the client: `retry` and `tokenId` when the previous signature was rejected. */
export type Sign = (url: string, retry: boolean, tokenId?: string) => Promise<Signature>;

/**
 * The client's signing step for a signer option: a URL is POSTed `{url}`
 * (plus `retry` and `tokenId` when retrying) as JSON; a function is called.
 * The answer is validated (`timestamp` a string or number, `nonceStr` and
 * `signature` strings, the latter non-empty); the request is aborted after
 * `timeout` ms. Failures are `UpsdkConfigError`s.
 *
 * @example
 * ```ts
 * const sign = signerFor('/upsdk/signature', () => fetch, 15_000);
 * const signature = await sign(location.href, false);
 * ```
 */
export function signerFor(source: SignerSource, fetchImpl: () => typeof fetch, timeout: number): Sign {
  const post = async (url: string, { retry, tokenId, signal }: SignRequestContext): Promise<unknown> => {
    const response = await fetchImpl()(String(source), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(retry ? { url, retry, tokenId } : { url }),
      signal,
    }).catch((cause: unknown) => {
      throw fail('signer_unreachable', `${String(source)} unreachable`, undefined, cause);
    });
    const payload = (await response.json().catch(() => undefined)) as
      { detail?: unknown; title?: unknown } | undefined;
    if (!response.ok)
      throw fail(
        `signer_http_${response.status}`,
        `HTTP ${response.status} ${textOf(payload?.detail ?? payload?.title ?? response.statusText)}`,
        payload,
      );
    return payload;
  };
  const request = async (url: string, context: SignRequestContext): Promise<Signature> => {
    const value = await (typeof source === 'function' ? source : post)(url, context);
    const { timestamp, nonceStr, signature } = (value ?? {}) as Partial<Record<keyof Signature, unknown>>;
    if (
      /^(string|number)$/.test(typeof timestamp) &&
      typeof nonceStr === 'string' &&
      typeof signature === 'string' &&
      signature
    )
      return value as Signature;
    throw fail('signer_bad_response', 'need {timestamp, nonceStr, signature}', value);
  };
  return (url, retry, tokenId) => {
    const controller = new AbortController();
    return settleOnce<Signature>(
      (resolve, reject) =>
        void request(url, { retry, tokenId, signal: controller.signal }).then(resolve, (error: unknown) =>
          reject(
            error instanceof UpsdkConfigError
              ? error
              : fail('signer_failed', String(error), undefined, error),
          ),
        ),
      timeout,
      () => {
        const error = fail('timeout', `signer: no answer within ${timeout} ms`);
        controller.abort(error);
        return error;
      },
    );
  };
}
