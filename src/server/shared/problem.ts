/** Error answers as RFC 9457 problem details (`application/problem+json`). */
import type { RefusedBody } from './body.js';
import { toWebResponse } from './plain-http.js';
import type { PlainResponse } from './plain-http.js';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  403: 'Forbidden',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

/** The body of a problem answer. `code` is our extension member, stable for programs to branch on. */
export interface ProblemDetails {
  readonly type: 'about:blank';
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
}

/** What a problem answer says beyond its status. */
export interface ProblemInit {
  readonly code: string;
  readonly detail: string;
  /** Seconds, sent as `Retry-After`. */
  readonly retryAfter?: number | undefined;
  /** Extra headers (CORS, Allow, …). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** A problem+json answer with `status`. */
export function problem(status: number, init: ProblemInit): PlainResponse {
  const body: ProblemDetails = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail: init.detail,
    code: init.code,
  };
  const headers: Record<string, string> = {
    ...init.headers,
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
  };
  if (init.retryAfter !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(init.retryAfter)));
  return { status, headers, body: JSON.stringify(body) };
}

/** {@link problem} as a web-standard `Response`, for handlers built on `Request`/`Response`. */
export function problemResponse(status: number, init: ProblemInit): Response {
  return toWebResponse(problem(status, init));
}

/** The answer to a body that was not read whole (413, 408) or not as UTF-8 text (400). */
export function bodyProblem(
  body: RefusedBody,
  maxBytes: number,
  headers?: Readonly<Record<string, string>>,
): PlainResponse {
  switch (body.refused) {
    case 'too_large':
      return problem(413, {
        code: 'payload_too_large',
        detail: `the body exceeds ${maxBytes} bytes`,
        headers,
      });
    case 'too_slow':
      return problem(408, {
        code: 'request_timeout',
        detail: 'the request body did not arrive in time',
        headers,
      });
    case 'unreadable':
      return problem(400, { code: 'invalid_request', detail: 'the body is not UTF-8 text', headers });
  }
}
