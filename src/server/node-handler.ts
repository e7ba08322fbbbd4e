/**
 * Adapt a web-standard `(Request) => Promise<Response>` handler to
 * `node:http` (and so Express, Koa, Fastify's raw mode). Our own handlers
 * are served natively, without building web `Request`/`Response` objects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BODY_TIMEOUT_MS, decodeBody, type RefusedBody } from './shared/body.js';
import {
  plainEndpointOf,
  type FetchHandler,
  type PlainEndpoint,
  type PlainHead,
  type PlainResponse,
} from './shared/plain-http.js';
import { bodyProblem, problem } from './shared/problem.js';

export type { FetchHandler } from './shared/plain-http.js';

/** A `node:http` request listener. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /** Largest request body read, in bytes; larger bodies get 413. Default 64 KiB. */
  readonly maxBodyBytes?: number | undefined;
  /**
   * Milliseconds a request body may take to arrive before the request is answered 408 and the
   * connection closed; a large body gets longer, at {@link NodeHandlerOptions.minBodyRate}. Default 10000.
   */
  readonly bodyTimeout?: number | undefined;
  /** Bytes per second a large body is allowed: its deadline is at least its size over this rate. Default 32768. */
  readonly minBodyRate?: number | undefined;
}

/** The limits a request body is read under. */
interface BodyLimits {
  readonly maxBytes: number;
  readonly timeout: number;
  readonly minRate: number;
}

/** Why a body was not read whole. */
type Unread = 'too-large' | 'too-slow';

/**
 * Collect the body up to `limits.maxBytes` bytes within its deadline, then call `done` once.
 * Event-based rather than `for await`: leaving an async iterator early destroys the socket,
 * and the client would see a reset instead of our 413 or 408.
 */
function collectBody(
  req: IncomingMessage,
  limits: BodyLimits,
  done: (body: Buffer | Unread) => void,
  fail: (error: Error) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  // A body trickled byte by byte would otherwise hold the socket until node's own requestTimeout
  // (300 s by default under a bare `http.createServer`).
  const expected = declaredLength(req) || limits.maxBytes;
  const deadline = Math.max(limits.timeout, (expected / limits.minRate) * 1000);
  const stop = (outcome: Buffer | Unread): void => {
    clearTimeout(timer);
    req.off('data', onData).off('end', onEnd).off('error', onError);
    if (!Buffer.isBuffer(outcome)) req.resume();
    done(outcome);
  };
  const timer = setTimeout(() => stop('too-slow'), deadline);
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size <= limits.maxBytes) return void chunks.push(chunk);
    stop('too-large');
  };
  const onEnd = (): void => stop(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  const onError = (error: Error): void => {
    clearTimeout(timer);
    fail(error);
  };
  req.on('data', onData).once('end', onEnd).once('error', onError);
}

/** The body, why it was not read, or `'aborted'` when the request failed (client gone, or node's request timeout). */
const readBody = (req: IncomingMessage, limits: BodyLimits): Promise<Buffer | Unread | 'aborted'> =>
  new Promise((resolve) => collectBody(req, limits, resolve, () => resolve('aborted')));

// RFC 9112 §3.2 / RFC 3986 §3.2.2: host [":" port], host an IP literal or a reg-name.
const HOST =
  /^(?:\[[\dA-Fa-f:.]+\]|\[v[\dA-Fa-f]+\.[\w.~!$&'()*+,;=:-]+\]|(?:[\w.~!$&'()*+,;=-]|%[\dA-Fa-f]{2})*)(?::\d*)?$/;

/** Whether the `Host` header is absent (HTTP/1.0) or well-formed; anything else is answered 400. */
const validHost = (req: IncomingMessage): boolean =>
  req.headers.host === undefined || HOST.test(req.headers.host);

const badHost = (): PlainResponse =>
  problem(400, { code: 'invalid_request', detail: 'malformed Host header' });

const TOO_LARGE: RefusedBody = { refused: 'too_large' };
const TOO_SLOW: RefusedBody = { refused: 'too_slow' };

/** The request's absolute URL, or undefined when the `Host` header does not make one. */
function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return undefined;
  }
}

function toRequest(req: IncomingMessage, url: URL, body: Buffer | undefined, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : null,
    signal,
  });
}

function failed(res: ServerResponse, error: unknown): void {
  if (!res.headersSent) {
    res.statusCode = 500;
    res.setHeader('content-type', 'application/problem+json');
  }
  res.end(problem(500, { code: 'internal_error', detail: 'the handler failed' }).body);
  // Never echo the error: it might carry a token. Log only its kind.
  console.error(`upsdk-kit: request handler failed (${error instanceof Error ? error.name : typeof error})`);
}

/** The declared `Content-Length`, or 0 when absent (chunked bodies are counted while read). */
const declaredLength = (req: IncomingMessage): number => Number(req.headers['content-length'] ?? 0);

/** Write a complete answer and close the connection: the rest of its body is never read. */
function answerAndClose(res: ServerResponse, response: PlainResponse): void {
  res.writeHead(response.status, { ...response.headers, connection: 'close' });
  res.end(response.body ?? undefined);
}

/** Whether the request carries a body at all (a declared length or a chunked one). */
const hasBody = (req: IncomingMessage): boolean =>
  declaredLength(req) > 0 || req.headers['transfer-encoding'] !== undefined;

/** Write a complete answer, keeping the connection open for the next request. */
function answer(res: ServerResponse, response: PlainResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body ?? undefined);
}

/** Serve one of our endpoints straight from node:http objects, synchronously when it can. */
function servePlain(
  endpoint: PlainEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
  limits: BodyLimits,
): void {
  if (!validHost(req)) return answerAndClose(res, badHost());
  const head: PlainHead = {
    method: req.method ?? 'GET',
    target: req.url ?? '/',
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
  const early = endpoint.refuseUnread?.(head);
  // A body refused unread is never read: the connection ends after the answer.
  if (early) return hasBody(req) ? answerAndClose(res, early) : answer(res, early);
  /** Hand `body` to the endpoint and write its answer; `whole` tells whether the body was read to its end. */
  const respond = (body: string | RefusedBody, whole: boolean): void => {
    const write = (response: PlainResponse): void =>
      whole ? answer(res, response) : answerAndClose(res, response);
    try {
      const response = endpoint.handle({ ...head, body });
      if (response instanceof Promise) response.then(write, (error: unknown) => failed(res, error));
      else write(response);
    } catch (error) {
      failed(res, error);
    }
  };
  const bound = Math.min(endpoint.maxBodyBytes, limits.maxBytes);
  // Answer from the declared length at once rather than wait for (and read) a body we refuse anyway.
  if (declaredLength(req) > bound) return respond(TOO_LARGE, false);
  const timeout = Math.min(limits.timeout, endpoint.bodyTimeoutMs ?? Infinity);
  collectBody(
    req,
    { ...limits, maxBytes: bound, timeout },
    (body) => {
      if (body === 'too-slow') return respond(TOO_SLOW, false);
      if (body === 'too-large') return respond(TOO_LARGE, false);
      respond(decodeBody(body), true);
    },
    // The request failed while read (client gone, or node answered 408): nobody waits for an answer.
    () => res.destroy(),
  );
}

/** Serve any web-standard handler through `Request`/`Response`. */
async function serveWeb(
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  limits: BodyLimits,
): Promise<void> {
  const limit = limits.maxBytes;
  // Aborts when the client goes away first, so handlers can stop work nobody waits for.
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const url = validHost(req) ? requestUrl(req) : undefined;
  if (!url) return answerAndClose(res, badHost());
  if (declaredLength(req) > limit) return answerAndClose(res, bodyProblem(TOO_LARGE, limit));
  const readsBody = req.method !== 'GET' && req.method !== 'HEAD';
  const body = readsBody ? await readBody(req, limits) : undefined;
  if (body === 'too-large') return answerAndClose(res, bodyProblem(TOO_LARGE, limit));
  if (body === 'too-slow') return answerAndClose(res, bodyProblem(TOO_SLOW, limit));
  if (body === 'aborted') return void res.destroy();
  const response = await handler(toRequest(req, url, body, gone.signal));
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Wrap `handler` for `http.createServer`. As safe under a bare `createServer` as under
 * `createNodeServer` against slow bodies: a body that has not arrived within
 * `bodyTimeout` (default 10 s; longer for a large body) is answered 408 and its connection
 * closed, and a malformed `Host` (`a b`) is answered 400.
 *
 * @example
 * ```ts
 * http.createServer(toNodeHandler(createSignatureHandler(signer))).listen(8787, '127.0.0.1');
 * ```
 */
export function toNodeHandler(handler: FetchHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  const limits: BodyLimits = {
    maxBytes: limit,
    timeout: options.bodyTimeout ?? BODY_TIMEOUT_MS,
    minRate: options.minBodyRate ?? 32 * 1024,
  };
  const endpoint = plainEndpointOf(handler);
  const node: NodeHandler = endpoint
    ? (req, res) => servePlain(endpoint, req, res, limits)
    : (req, res) => void serveWeb(handler, req, res, limits).catch((error: unknown) => failed(res, error));
  bodyLimits.set(node, endpoint ? Math.min(endpoint.maxBodyBytes, limit) : limit);
  return node;
}

const bodyLimits = new WeakMap<NodeHandler, number>();

/**
 * Whether `handler` (from {@link toNodeHandler}) will read the body `req` declares, so a server may
 * send `100 Continue` for it; a body it would refuse with 413 is answered without being invited.
 */
export function acceptsDeclaredBody(handler: NodeHandler, req: IncomingMessage): boolean {
  return declaredLength(req) <= (bodyLimits.get(handler) ?? Infinity);
}
