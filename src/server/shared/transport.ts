/**
 * `upstreamRequest`: the one way server code talks to an upstream (the open
 * platform's token and backend interfaces, the pre-order provider, ACP).
 * Every exchange gets the same defences:
 * - one deadline over the whole exchange, reading the body included, so a
 *   reply whose headers arrive and whose body then stalls or drips ends in time;
 * - redirects refused (`redirect: 'error'`, and any 3xx a custom fetch hands
 *   back): a POST is never re-sent, credentials included, to another place;
 * - a reply size cap (default 1 MiB) counted while streaming;
 * - every failure a {@link TransportError} with a code, its message and cause
 *   free of the call's secrets;
 * - retries only for calls the caller marks idempotent.
 */
import { raceAbort } from '../../shared/abort.js';
import { createRedactor, safeCause, type Redactor } from './redact.js';
import { cappedStream, OverCap, readCapped, type Guard } from './reply-body.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { isTransientStatus, TransportError, type TransportCode } from './transport-error.js';

/** How the reply's body is handed back. */
export type ReplyKind = 'text' | 'bytes' | 'stream';

/** The body type for each {@link ReplyKind}. */
export type ReplyBody<K extends ReplyKind> = K extends 'bytes'
  ? Uint8Array
  : K extends 'stream'
    ? ReadableStream<Uint8Array>
    : string;

/** The default reply size cap: 1 MiB. */
export const DEFAULT_MAX_REPLY_BYTES = 1024 * 1024;

/** One exchange. */
export interface UpstreamRequest<K extends ReplyKind = 'text'> {
  /** Names the call in messages (`frontToken`, `qual.send`, `WECHAT_PreOrder`); never a secret. */
  readonly operation: string;
  readonly url: string | URL;
  /** Default `POST` when there is a body, `GET` otherwise. */
  readonly method?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: string | Uint8Array | URLSearchParams | undefined;
  /** How to hand back the body. Default `text` (UTF-8). */
  readonly reply?: K | undefined;
  /** Milliseconds for the whole exchange, the body included (for `stream`, until it is read). */
  readonly timeoutMs: number;
  /** Largest reply body accepted, in bytes. Default 1 MiB. */
  readonly maxReplyBytes?: number | undefined;
  /** Aborts the exchange; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Values never to appear in an error (secret, keys, tokens, user credentials of this call). */
  readonly secrets?: readonly (string | undefined)[] | undefined;
  /** Whether sending twice is harmless (token fetches, queries); only then is `retry` used. */
  readonly idempotent?: boolean | undefined;
  /** Attempts and backoff for an idempotent call's transient failures. Default one attempt. */
  readonly retry?: RetryPolicy | undefined;
  /** Statuses returned as replies rather than raised. Default 200…299. */
  readonly acceptStatus?: ((status: number) => boolean) | undefined;
  /** Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
}

/** A reply the call accepts. */
export interface UpstreamReply<B> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: B;
  /** Redacts this call's secrets: for messages built from the reply (an echoed `msg`). */
  readonly redact: Redactor;
}

const isSuccess = (status: number): boolean => status >= 200 && status <= 299;
const ignore = (): void => undefined;

/** Thrown by the deadline's abort, so a timeout is told apart from the caller's abort. */
class DeadlinePassed extends Error {
  override name = 'DeadlinePassed';
}

/** The exchange of one attempt, with the pieces that classify its failure. */
interface Attempt {
  readonly guard: Guard;
  readonly deadline: AbortController;
  readonly timer: ReturnType<typeof setTimeout>;
  readonly signal: AbortSignal;
  /** True once the reply's headers arrived. */
  headers: boolean;
}

function startAttempt(request: UpstreamRequest<ReplyKind>): Attempt {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DeadlinePassed()), request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
  // raceAbort bounds each step even when a custom fetch ignores the signal; a step it gives up
  // on (already aborted) still rejects later, which must not surface as an unhandled rejection.
  const guard: Guard = (step) => {
    step.catch(ignore);
    return raceAbort(step, signal);
  };
  return { guard, deadline, timer, signal, headers: false };
}

/** The {@link TransportError} for whatever ended an attempt. */
function failure(
  request: UpstreamRequest<ReplyKind>,
  attempt: Attempt,
  error: unknown,
  redact: Redactor,
): unknown {
  if (request.signal?.aborted) return request.signal.reason;
  if (error instanceof TransportError) return error;
  const op = request.operation;
  const fail = (code: TransportCode, message: string, retryable: boolean, cause?: unknown): TransportError =>
    new TransportError({
      code,
      operation: op,
      detail: message,
      retryable,
      cause: cause === undefined ? undefined : safeCause(cause, redact),
    });
  if (attempt.deadline.signal.aborted) {
    const when = attempt.headers ? ' (the reply body did not finish)' : '';
    return fail('upstream_timeout', `no complete answer within ${request.timeoutMs} ms${when}`, true);
  }
  if (error instanceof OverCap) return tooLarge(request, undefined);
  const inner = (error as { cause?: { message?: unknown; code?: unknown } } | undefined)?.cause;
  if (typeof inner?.message === 'string' && /redirect/i.test(inner.message)) return redirected(op);
  const why = typeof inner?.code === 'string' ? inner.code : error instanceof Error ? error.name : 'error';
  return attempt.headers
    ? fail('upstream_interrupted', `the connection failed while the reply was read (${why})`, true, error)
    : fail('upstream_unreachable', `the upstream could not be reached (${why})`, true, error);
}

const redirected = (op: string, status?: number): TransportError =>
  new TransportError({
    code: 'upstream_redirected',
    operation: op,
    detail: `the upstream answered with a redirect${status ? ` (HTTP ${status})` : ''}, which is never followed`,
    retryable: false,
    status,
  });

const tooLarge = (request: UpstreamRequest<ReplyKind>, status: number | undefined): TransportError =>
  new TransportError({
    code: 'upstream_too_large',
    operation: request.operation,
    detail: `the reply exceeds ${request.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES} bytes`,
    retryable: false,
    status,
  });

/** Whether the call takes `status` as a reply: never a redirect. */
const isAccepted = (request: UpstreamRequest<ReplyKind>, status: number): boolean =>
  !(status >= 300 && status <= 399) && (request.acceptStatus ?? isSuccess)(status);

/** The error for a status the call does not accept: a redirect, or `upstream_http_<status>`. */
function refusedStatus(request: UpstreamRequest<ReplyKind>, status: number): TransportError {
  if (status >= 300 && status <= 399) return redirected(request.operation, status);
  return new TransportError({
    code: `upstream_http_${status}`,
    operation: request.operation,
    detail: `the upstream answered HTTP ${status}`,
    retryable: isTransientStatus(status),
    status,
  });
}

async function exchangeOnce<K extends ReplyKind>(
  request: UpstreamRequest<K>,
  redact: Redactor,
): Promise<UpstreamReply<ReplyBody<K>>> {
  const attempt = startAttempt(request);
  const cap = request.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
  const stop = (): void => clearTimeout(attempt.timer);
  let response: Response | undefined;
  let streaming = false;
  try {
    const body = request.body;
    response = await attempt.guard(
      (request.fetch ?? globalThis.fetch)(request.url, {
        method: request.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: { ...request.headers },
        // A fresh copy: a Uint8Array view over a shared buffer is not a BodyInit everywhere.
        body: body instanceof Uint8Array ? body.slice() : (body ?? null),
        redirect: 'error',
        signal: attempt.signal,
      }),
    );
    attempt.headers = true;
    if (!isAccepted(request, response.status)) {
      // Read a refusal's (small) body so the connection stays reusable; its content is never shown.
      await readCapped(response.body, 64 * 1024, attempt.guard).catch(ignore);
      throw refusedStatus(request, response.status);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > cap) throw tooLarge(request, response.status);
    const { status, headers } = response;
    const kind = request.reply ?? 'text';
    if (kind === 'stream') {
      streaming = true;
      const mapError = (error: unknown): unknown => failure(request, attempt, error, redact);
      const stream = cappedStream(response.body, cap, attempt.guard, mapError, stop);
      return { status, headers, body: stream as ReplyBody<K>, redact };
    }
    const bytes = await readCapped(response.body, cap, attempt.guard);
    const out = kind === 'bytes' ? bytes : new TextDecoder().decode(bytes);
    return { status, headers, body: out as ReplyBody<K>, redact };
  } catch (error) {
    response?.body?.cancel().catch(ignore);
    throw failure(request, attempt, error, redact);
  } finally {
    if (!streaming) stop();
  }
}

/**
 * Make one exchange (retried when `idempotent` and `retry` say so) and
 * answer the accepted reply.
 *
 * @throws {@link TransportError} for every failure; the signal's reason when `signal` aborts.
 * @example
 * ```ts
 * const reply = await upstreamRequest({
 *   operation: 'orderquery', url: `${baseUrl}/UnifiedPay/Gateway`, body: form,
 *   headers: { 'content-type': 'application/x-www-form-urlencoded' },
 *   timeoutMs: 10_000, secrets: [merchantKey], idempotent: true,
 *   retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 2_000, random: Math.random },
 * });
 * const answer = JSON.parse(reply.body);
 * ```
 */
export function upstreamRequest<K extends ReplyKind = 'text'>(
  request: UpstreamRequest<K>,
): Promise<UpstreamReply<ReplyBody<K>>> {
  const redact = createRedactor(request.secrets ?? []);
  const policy = request.idempotent === true ? request.retry : undefined;
  if (!policy || policy.attempts <= 1) return exchangeOnce(request, redact);
  return withRetries(
    () => exchangeOnce(request, redact),
    policy,
    (error) => error instanceof TransportError && error.retryable && !request.signal?.aborted,
  );
}
