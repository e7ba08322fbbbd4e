/** The browser's request to your login endpoint (`createLoginHandler` on the server). */
import { settleOnce } from '../shared/settle-once.js';
import { UpsdkLoginError } from './errors.js';

export type { LoginSession } from '../shared/login-contract.js';
import type { LoginSession } from '../shared/login-contract.js';

/** How to reach your login endpoint. */
export interface LoginEndpointOptions {
  /** URL of the login endpoint, e.g. `/upsdk/login`. */
  readonly endpoint: string;
  /** Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** Milliseconds to wait for the endpoint's answer. Default 30000. */
  readonly timeout?: number | undefined;
  /** Aborts the request; rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

const OPERATION = 'signIn';

async function post<T>(code: string, options: LoginEndpointOptions, signal: AbortSignal): Promise<T> {
  const response = await (options.fetch ?? fetch)(options.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code }),
    signal,
  });
  const { ok, status } = response;
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | null | undefined;
  if (ok && typeof body === 'object' && body !== null) return body as T;
  // A failed answer is a problem detail (`createLoginHandler`): its `code` and `detail` say what went wrong.
  const problem = (!ok && body) || {};
  throw new UpsdkLoginError({
    code: typeof problem.code === 'string' ? problem.code : ok ? 'invalid_result' : `http_${status}`,
    msg:
      typeof problem.detail === 'string'
        ? problem.detail
        : `the login endpoint answered ${ok ? 'no JSON object' : `HTTP ${status}`}`,
    plugin: OPERATION,
    status,
    raw: body,
  });
}

/**
 * POST `{code}` to your login endpoint and answer its JSON. Settles once:
 * the answer, the endpoint's problem, a timeout or the abort.
 *
 * @throws {@link UpsdkLoginError} with the endpoint's problem `code` and `status` (e.g. `a31`, 400), or `timeout`.
 * @example
 * ```ts
 * const session = await exchangeAtEndpoint<LoginSession>(code, { endpoint: '/upsdk/login' });
 * ```
 */
export async function exchangeAtEndpoint<T = LoginSession>(
  code: string,
  options: LoginEndpointOptions,
): Promise<T> {
  const controller = new AbortController();
  const timeout = options.timeout ?? 30_000;
  try {
    return await settleOnce<T>(
      (resolve, reject) => void post<T>(code, options, controller.signal).then(resolve, reject),
      timeout,
      () =>
        new UpsdkLoginError({
          code: 'timeout',
          msg: `no answer within ${timeout} ms`,
          plugin: OPERATION,
        }),
      options.signal,
    );
  } finally {
    // Whichever way it settled, the request is over.
    controller.abort();
  }
}
