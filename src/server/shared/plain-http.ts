/**
 * A transport-neutral request/response pair for our own handlers. The web
 * adapter wraps it in `Request`/`Response`; `toNodeHandler` recognizes our
 * handlers and talks to node:http directly, skipping the web objects, which
 * cost several times the signing itself (and under load, since node accepts
 * one new connection per event-loop turn, every turn made longer delays them all).
 */
import { BODY_TIMEOUT_MS, readBody, type BodyRead } from './body.js';

/** What a handler may read before the body: enough to refuse a request unread. */
export interface PlainHead {
  readonly method: string;
  /** The request target as sent: path and query (`/notify?a=1`). */
  readonly target: string;
  /** A header by lower-case name. */
  header(name: string): string | undefined;
}

/** What a handler reads from a request; the adapter has read the body already. */
export interface PlainRequest extends PlainHead {
  /**
   * The body as UTF-8 text, or why the adapter did not read it whole: larger than the
   * endpoint's limit, slower than its deadline, or not UTF-8.
   */
  readonly body: BodyRead;
}

/** What a handler answers. */
export interface PlainResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/** A handler on plain requests; it answers synchronously when it can, which saves a promise per request. */
export type PlainHandler = (request: PlainRequest) => PlainResponse | Promise<PlainResponse>;

/** A plain handler and the limits its body is read under. */
export interface PlainEndpoint {
  readonly handle: PlainHandler;
  readonly maxBodyBytes: number;
  /** Longest wait for the whole body, in ms; the adapter's own limit applies when it is shorter. */
  readonly bodyTimeoutMs?: number | undefined;
  /** An answer given before the body is read (an unsupported method or type), or undefined to read it. */
  readonly refuseUnread?: ((head: PlainHead) => PlainResponse | undefined) | undefined;
}

/** A web-standard request handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

const PLAIN = Symbol('upsdk-kit.plainHandler');

type WithPlain = FetchHandler & { readonly [PLAIN]?: PlainEndpoint };

/** A web `Response` for `plain`. */
export function toWebResponse(plain: PlainResponse): Response {
  return new Response(plain.body, { status: plain.status, headers: plain.headers });
}

/** Wrap a plain endpoint as a web-standard handler that `toNodeHandler` can unwrap again. */
export function toFetchHandler(endpoint: PlainEndpoint): FetchHandler {
  const handler: FetchHandler = async (request) => {
    const url = new URL(request.url);
    const head: PlainHead = {
      method: request.method,
      target: url.pathname + url.search,
      header: (name) => request.headers.get(name) ?? undefined,
    };
    const early = endpoint.refuseUnread?.(head);
    if (early) {
      await request.body?.cancel().catch(() => undefined);
      return toWebResponse(early);
    }
    const body = await readBody(request, endpoint.maxBodyBytes, endpoint.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
    return toWebResponse(await endpoint.handle({ ...head, body }));
  };
  return Object.assign(handler, { [PLAIN]: endpoint });
}

/** The plain endpoint behind `handler`, when it is one of ours. */
export function plainEndpointOf(handler: FetchHandler): PlainEndpoint | undefined {
  return (handler as WithPlain)[PLAIN];
}
