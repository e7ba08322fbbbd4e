/**
 * `createSignatureHandler`: the signer endpoint as a web-standard
 * `(Request) => Promise<Response>` (Node 20, Next.js route handlers, Hono,
 * Workers). Its contract is the OpenAPI document shipped beside it.
 */
import { SignerError } from './errors.js';
import { createOriginPolicy } from './origin-policy.js';
import {
  toFetchHandler,
  type FetchHandler,
  type PlainHandler,
  type PlainResponse,
} from './shared/plain-http.js';
import { bodyProblem, problem } from './shared/problem.js';
import { signNow, type SignatureResult, type Signer, type SignReport } from './signer.js';

/** Cross-origin access for pages served from another origin than the signer. */
export interface CorsOptions {
  /** Origins allowed to call; same syntax as `allowedOrigins`. Default the signer's `allowedOrigins`. */
  readonly origins?: readonly string[] | undefined;
  /** How long browsers may cache a preflight, in seconds. Default 600. */
  readonly maxAge?: number | undefined;
}

/** Options of {@link createSignatureHandler}. */
export interface SignatureHandlerOptions {
  /** Answer CORS requests: `true` for the signer's allowed origins, or explicit options. Default off (same origin). */
  readonly cors?: boolean | CorsOptions | undefined;
  /** Largest request body read, in bytes; larger bodies get 413. Default 16384. */
  readonly maxBodyBytes?: number | undefined;
}

const ALLOW = 'POST, OPTIONS';
// Every answer depends on `Origin` (403, CORS grants), so caches must key on it.
// Shared, never mutated: the common answer without a CORS grant allocates no header objects.
const VARY: Record<string, string> = Object.freeze({ vary: 'Origin' });
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json',
  'cache-control': 'no-store',
});
const JSON_VARY: Readonly<Record<string, string>> = Object.freeze({ ...JSON_HEADERS, ...VARY });
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const badRequest = (detail: string): SignerError =>
  new SignerError({ code: 'invalid_request', msg: detail, status: 400 });

function parseReport(text: string): { url: unknown } & SignReport {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('Expected the body to be a JSON object');
  const { url, retry, tokenId } = body as Record<string, unknown>;
  if (retry !== undefined && typeof retry !== 'boolean') throw badRequest('Expected `retry` to be a boolean');
  if (tokenId !== undefined && (typeof tokenId !== 'string' || tokenId.length > 128)) {
    throw badRequest('Expected `tokenId` to be a string of at most 128 characters');
  }
  return { url, retry, tokenId };
}

/**
 * Create the signature endpoint: `POST {url, retry?, tokenId?}` answers
 * `{appId, timestamp, nonceStr, signature, tokenId}`; errors are
 * `application/problem+json` (400, 403, 405, 413, 415, 429, 502, 503).
 * Responses never contain a token or the secret.
 *
 * @example
 * ```ts
 * // Next.js: app/upsdk/signature/route.ts
 * export const POST = createSignatureHandler(signer);
 * // node:http
 * http.createServer(toNodeHandler(createSignatureHandler(signer, { cors: true }))).listen(8787, '127.0.0.1');
 * ```
 */
export function createSignatureHandler(signer: Signer, options: SignatureHandlerOptions = {}): FetchHandler {
  const maxBodyBytes = options.maxBodyBytes ?? 16_384;
  const cors = options.cors === true ? {} : options.cors || undefined;
  const corsPolicy = cors?.origins ? createOriginPolicy(cors.origins, 4096) : undefined;
  const allowsOrigin = (origin: string): boolean => (corsPolicy ?? signer).allowsOrigin(origin);
  const maxAge = String(cors?.maxAge ?? 600);

  const failure = (error: unknown, headers: Record<string, string>): PlainResponse => {
    if (error instanceof SignerError && error.status !== 500) {
      return problem(error.status, {
        code: error.code,
        detail: error.msg,
        retryAfter: error.retryAfter,
        headers,
      });
    }
    // Unexpected: say nothing about it (it might carry a token); log only its kind.
    console.error(
      `upsdk-kit: signature handler failed (${error instanceof Error ? error.name : typeof error})`,
    );
    return problem(500, { code: 'internal_error', detail: 'the signer failed unexpectedly', headers });
  };
  const success = (result: SignatureResult, headers: Record<string, string>): PlainResponse => ({
    status: 200,
    headers: headers === VARY ? JSON_VARY : { ...headers, ...JSON_HEADERS },
    body: JSON.stringify(result),
  });

  const handle: PlainHandler = (request) => {
    const origin = request.header('origin');
    const allowed = origin === undefined || allowsOrigin(origin);
    // A CORS grant only to an allowed origin: a refused one (`null` included) reads nothing.
    const headers: Record<string, string> =
      cors && origin !== undefined && allowed ? { 'access-control-allow-origin': origin, ...VARY } : VARY;
    try {
      if (!allowed) {
        throw new SignerError({
          code: 'origin_not_allowed',
          msg: 'the request origin is not allowed',
          status: 403,
        });
      }
      if (request.method === 'OPTIONS') {
        const preflight: Record<string, string> = cors
          ? {
              'access-control-allow-methods': 'POST',
              'access-control-allow-headers': 'content-type',
              'access-control-max-age': maxAge,
            }
          : {};
        return { status: 204, headers: { ...headers, ...preflight, allow: ALLOW }, body: null };
      }
      if (request.method !== 'POST') {
        return problem(405, {
          code: 'method_not_allowed',
          detail: `use POST, not ${request.method}`,
          headers: { ...headers, allow: ALLOW },
        });
      }
      if (!JSON_TYPE.test(request.header('content-type') ?? '')) {
        return problem(415, {
          code: 'unsupported_media_type',
          detail: 'send application/json',
          headers: { ...headers, 'accept-post': 'application/json' },
        });
      }
      if (typeof request.body !== 'string') return bodyProblem(request.body, maxBodyBytes, headers);
      const { url, retry, tokenId } = parseReport(request.body);
      const report = { retry, tokenId };
      // With the token in memory there is nothing to wait for: answer without a promise.
      const now = signNow(signer, url, report);
      if (now) return success(now, headers);
      return signer.sign(url as string, report).then(
        (result) => success(result, headers),
        (error: unknown) => failure(error, headers),
      );
    } catch (error) {
      return failure(error, headers);
    }
  };
  return toFetchHandler({ handle, maxBodyBytes });
}
