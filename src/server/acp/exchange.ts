/**
 * The ACP client's one HTTP seam: POST a form, read the reply text under a
 * deadline that covers the body too, no redirects, a size cap. Every
 * failure is an {@link AcpError}. When the shared upstream transport of
 * issue 20 lands (src/server/shared/), this function is the one place to
 * point at it.
 */
import { AcpError } from './errors.js';

/** One request to the gateway. */
export interface ExchangeRequest {
  readonly operation: string;
  readonly url: string;
  /** `application/x-www-form-urlencoded` text. */
  readonly body: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetch: typeof fetch;
  readonly signal?: AbortSignal | undefined;
}

/** The reply's text; whether the request surely never left is told by the error's `code`. */
export async function exchange(request: ExchangeRequest): Promise<string> {
  const { operation, signal: caller } = request;
  caller?.throwIfAborted();
  // One controller and one timer (not AbortSignal.timeout/any, which cost more per call than the rest).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const onAbort = (): void => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  const failed = (cause: unknown): AcpError => {
    if (caller?.aborted) return caller.reason as AcpError;
    if (timedOut) {
      return new AcpError({
        code: 'upstream_timeout',
        msg: `no whole reply within ${request.timeoutMs} ms`,
        operation,
        retryable: true,
        cause,
      });
    }
    return new AcpError({
      code: 'upstream_unreachable',
      msg: 'the gateway could not be reached',
      operation,
      retryable: true,
      cause,
    });
  };
  try {
    return await readReply(request, controller.signal, failed);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onAbort);
  }
}

async function readReply(
  request: ExchangeRequest,
  signal: AbortSignal,
  failed: (cause: unknown) => AcpError,
): Promise<string> {
  const { operation } = request;
  let response: Response;
  try {
    response = await request.fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: request.body,
      redirect: 'error',
      signal,
    });
  } catch (cause) {
    throw failed(cause);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new AcpError({
      code: `upstream_http_${response.status}`,
      msg: `HTTP ${response.status}`,
      operation,
      retryable: response.status >= 500 || response.status === 429,
    });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    for (;;) {
      if (!reader) break;
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > request.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new AcpError({
          code: 'too_large',
          msg: `the reply is over ${request.maxBytes} bytes`,
          operation,
        });
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof AcpError) throw cause;
    throw failed(cause);
  }
  return Buffer.concat(chunks).toString('utf8');
}
