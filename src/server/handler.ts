/**
 * `createSignatureHandler`: the signer endpoint as a web-standard
 * `(Request) => Promise<Response>` (Node 20, Next.js route handlers, Hono,
 * Workers). Its contract is the OpenAPI document shipped beside it.
 */
import { SignerError } from './errors.js';
import type { FetchHandler } from './node-handler.js';
import { createOriginPolicy } from './origin-policy.js';
import { problem } from './problem.js';
import type { Signer, SignReport } from './signer.js';

/** Cross-origin access for pages served from another origin than the signer. */
export interface CorsOptions {
  /** Origins allowed to call; same syntax as `allowedOrigins`. Default the signer's `allowedOrigins`. */
  readonly origins?: readonly string[];
  /** How long browsers may cache a preflight, in seconds. Default 600. */
  readonly maxAge?: number;
}

/** Options of {@link createSignatureHandler}. */
export interface SignatureHandlerOptions {
  /** Answer CORS requests: `true` for the signer's allowed origins, or explicit options. Default off (same origin). */
  readonly cors?: boolean | CorsOptions;
  /** Largest request body read, in bytes; larger bodies get 413. Default 16384. */
  readonly maxBodyBytes?: number;
}

const ALLOW = 'POST, OPTIONS';
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const badRequest = (detail: string): SignerError => new SignerError({ code: 'invalid_request', msg: detail, status: 400 });

async function readBody(request: Request, limit: number): Promise<string | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null) return Number(declared) > limit ? undefined : request.text();
  if (!request.body) return '';
  // No declared length (chunked): count while reading so a huge body is never buffered.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseReport(text: string): { url: unknown } & SignReport {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Expected the body to be a JSON object');
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
 * // Next.js: app/api/upsdk-signature/route.ts
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

  return async (request) => {
    const origin = request.headers.get('origin');
    const headers: Record<string, string> = cors && origin !== null ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    try {
      if (origin !== null && !allowsOrigin(origin)) {
        throw new SignerError({ code: 'origin_not_allowed', msg: 'the request origin is not allowed', status: 403 });
      }
      if (request.method === 'OPTIONS') {
        const preflight: Record<string, string> = cors
          ? { 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': maxAge }
          : {};
        return new Response(null, { status: 204, headers: { ...headers, ...preflight, allow: ALLOW } });
      }
      if (request.method !== 'POST') {
        return problem(405, { code: 'method_not_allowed', detail: `use POST, not ${request.method}`, headers: { ...headers, allow: ALLOW } });
      }
      if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) {
        return problem(415, { code: 'unsupported_media_type', detail: 'send application/json', headers: { ...headers, 'accept-post': 'application/json' } });
      }
      const text = await readBody(request, maxBodyBytes);
      if (text === undefined) {
        return problem(413, { code: 'payload_too_large', detail: `the body exceeds ${maxBodyBytes} bytes`, headers });
      }
      const { url, retry, tokenId } = parseReport(text);
      const result = await signer.sign(url as string, { retry, tokenId });
      return new Response(JSON.stringify(result), {
        status: 200,
        headers: { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    } catch (error) {
      if (error instanceof SignerError && error.status !== 500) {
        return problem(error.status, { code: error.code, detail: error.msg, retryAfter: error.retryAfter, headers });
      }
      // Unexpected: say nothing about it (it might carry a token); log only its kind.
      console.error(`upsdk-kit: signature handler failed (${error instanceof Error ? error.name : typeof error})`);
      return problem(500, { code: 'internal', detail: 'the signer failed unexpectedly', headers });
    }
  };
}
