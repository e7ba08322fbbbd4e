/**
 * `createLoginHandler`: the login endpoint as a web-standard
 * `(Request) => Promise<Response>`. `POST {code}` → the user's session
 * payload; errors as `application/problem+json`. Its contract is the
 * `POST /upsdk/login` in the shipped OpenAPI document (src/server/openapi.json).
 */
import { UpsdkError } from '../../shared/error.js';
import { BODY_TIMEOUT_MS, readBody } from '../shared/body.js';
import { MOBILE_SCOPES, REAL_NAME_SCOPES, type LoginScope } from '../../shared/login-contract.js';
import type { LoginSession } from '../../shared/login-contract.js';
import type { FetchHandler } from '../shared/plain-http.js';
import { OpenApiError } from './errors.js';
import { bodyProblem, problemResponse as problem } from '../shared/problem.js';
import { toWebResponse } from '../shared/plain-http.js';
import type { CodeExchange, LoginService, RealName } from './service.js';

/** User information the handler can fetch right after the exchange. */
export type ProfileField = 'mobile' | 'realName';

/** Everything known about the user after a login (server side only: it holds the accessToken). */
export interface LoginResult extends CodeExchange {
  /** When `profile` asked for it and the scope allows it; absent if the user has no mobile number. */
  readonly mobile?: string | undefined;
  /** When `profile` asked for it and the scope allows it. */
  readonly realName?: RealName | undefined;
}

/** The default answer: who the user is, without the accessToken (the browser's `LoginSession`). */
export type DefaultLoginAnswer = LoginSession;

/** Options of {@link createLoginHandler}. */
export interface LoginHandlerOptions<T> {
  /** Fetch these after the exchange when the granted scope allows them. Default none. */
  readonly profile?: readonly ProfileField[] | undefined;
  /**
   * Make the answer — typically: create your session and set its cookie.
   * Return a JSON-able value (answered with 200) or a whole `Response`.
   * Default: {@link DefaultLoginAnswer}.
   */
  readonly onLogin?:
    ((login: LoginResult, request: Request) => T | Response | Promise<T | Response>) | undefined;
  /** Largest request body read, in bytes; larger bodies get 413. Default 4096. */
  readonly maxBodyBytes?: number | undefined;
  /** Milliseconds the body may take to arrive; a slower one gets 408. Default 10000. */
  readonly bodyTimeoutMs?: number | undefined;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
// The platform's "the user has no / did not share a mobile number" (§7.7): not a failed login.
const NO_MOBILE: ReadonlySet<string> = new Set(['N62135', 'N62136', 'S52136']);

const badRequest = (detail: string): Response => problem(400, { code: 'invalid_request', detail });

/** The `code` of the body, or the answer refusing it (the body counted while read: chunked bodies too). */
async function readCode(request: Request, limit: number, timeoutMs: number): Promise<string | Response> {
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) {
    return problem(415, { code: 'unsupported_media_type', detail: 'Send the body as application/json' });
  }
  const read = await readBody(request, limit, timeoutMs);
  if (typeof read !== 'string') return toWebResponse(bodyProblem(read, limit));
  let body: unknown;
  try {
    body = JSON.parse(read);
  } catch {
    return badRequest('The body is not valid JSON');
  }
  const code = (body as { code?: unknown } | null)?.code;
  if (typeof body !== 'object' || body === null || typeof code !== 'string' || code === '') {
    return badRequest('Expected the body to be a JSON object with a non-empty string `code`');
  }
  return code;
}

async function loginFor(
  service: LoginService,
  code: string,
  profile: readonly ProfileField[],
): Promise<LoginResult> {
  const exchange = await service.exchangeCode(code);
  const scope = exchange.scope as LoginScope;
  let mobile: string | undefined;
  if (profile.includes('mobile') && MOBILE_SCOPES.includes(scope)) {
    mobile = await service.getMobile(exchange).catch((error: unknown) => {
      if (error instanceof OpenApiError && NO_MOBILE.has(error.code)) return undefined;
      throw error;
    });
  }
  const wantsName = profile.includes('realName') && REAL_NAME_SCOPES.includes(scope);
  const realName = wantsName ? await service.getRealName(exchange) : undefined;
  return { ...exchange, ...(mobile === undefined ? {} : { mobile }), ...(realName ? { realName } : {}) };
}

const defaultAnswer = (login: LoginResult): DefaultLoginAnswer => ({
  openId: login.openId,
  scope: login.scope,
  ...(login.mobile === undefined ? {} : { mobile: login.mobile }),
  ...(login.realName ?? {}),
});

function errorResponse(error: unknown): Response {
  const status = (error as { status?: unknown }).status;
  if (error instanceof UpsdkError && typeof status === 'number' && status >= 400 && status <= 599) {
    return problem(status, { code: error.code, detail: error.msg });
  }
  // Never echo an unknown error: it might carry a token.
  return problem(500, { code: 'internal_error', detail: 'The login failed on the server' });
}

/**
 * Create the login endpoint: `POST {code}` (the code from the authorize
 * callback or `appletAuth`, as received) exchanges the code, optionally reads
 * the mobile number / real name, and answers `onLogin`'s value (default
 * `{openId, scope, …profile}`). The accessToken never leaves the server
 * unless `onLogin` sends it. Errors: 400 (`invalid_request`, `invalid_param`,
 * `a31`), 405, 413, 415, 500, 502 (platform codes such as `a10`, `N62131`,
 * `decrypt_failed`), all `application/problem+json`.
 *
 * @example
 * ```ts
 * const login = createLoginService({ tokens: signer, symmetricKey });
 * const handler = createLoginHandler(login, {
 *   profile: ['mobile'],
 *   onLogin: async (user) => {
 *     const sessionId = await sessions.create(user.openId);
 *     return Response.json({ openId: user.openId }, { headers: { 'set-cookie': `sid=${sessionId}; HttpOnly; Secure` } });
 *   },
 * });
 * http.createServer(toNodeHandler(handler)).listen(8788, '127.0.0.1'); // mounted at /upsdk/login
 * ```
 */
export function createLoginHandler<T = DefaultLoginAnswer>(
  service: LoginService,
  options: LoginHandlerOptions<T> = {},
): FetchHandler {
  const limit = options.maxBodyBytes ?? 4096;
  // A login body is a few dozen bytes: one that trickles for longer than this is given up.
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  const profile = options.profile ?? [];
  const onLogin = options.onLogin ?? ((login: LoginResult) => defaultAnswer(login) as T);
  return async (request) => {
    if (request.method !== 'POST') {
      return problem(405, { code: 'method_not_allowed', detail: 'Use POST', headers: { allow: 'POST' } });
    }
    const code = await readCode(request, limit, bodyTimeoutMs);
    if (code instanceof Response) return code;
    try {
      const answer = await onLogin(await loginFor(service, code, profile), request);
      if (answer instanceof Response) return answer;
      return new Response(JSON.stringify(answer), {
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
