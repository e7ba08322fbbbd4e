/**
 * JSON requests to the playground server. Its errors are problem+json (RFC 9457 with our `code`):
 * they become a {@link ServerProblem} carrying that code, so the log shows a refused request red
 * with the server's own code and words, never as a success.
 */

/** The server refused a request: `code` and `detail` from its problem+json answer. */
export class ServerProblem extends Error {
  override name = 'ServerProblem';
  constructor(
    readonly code: string,
    readonly status: number,
    detail: string,
  ) {
    super(detail);
  }
}

/** Read a problem+json (or older `{error, msg}`) answer into its code and words. */
async function problemOf(url: string, response: Response): Promise<ServerProblem> {
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof answer[key] === 'string' ? (answer[key] as string) : undefined;
  return new ServerProblem(
    text('code') ?? text('error') ?? `http_${response.status}`,
    response.status,
    text('detail') ?? text('msg') ?? `${url} answered HTTP ${response.status}`,
  );
}

/**
 * POST `body` as JSON; resolves with the JSON answer, rejects with a {@link ServerProblem}.
 *
 * @example
 * ```ts
 * const order = await postJson<{ outTradeNo: string }>('/wallets/preorder', { wallet, totalFee: 1 });
 * ```
 */
export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, {
    signal: signal ?? null,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await problemOf(url, response);
  return (await response.json()) as T;
}
