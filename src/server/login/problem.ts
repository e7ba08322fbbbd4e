/**
 * Error answers as RFC 9457 problem details (`application/problem+json`).
 * Same shape and signature as the signer's `problem()`: when both are
 * merged, this module can be replaced by that one.
 */

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** What a problem answer says beyond its status. `code` is stable for programs to branch on. */
export interface ProblemInit {
  readonly code: string;
  readonly detail: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A problem+json response with `status`. */
export function problem(status: number, init: ProblemInit): Response {
  const body = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail: init.detail,
    code: init.code,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...init.headers, 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}
