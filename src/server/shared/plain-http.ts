/**
 * A transport-neutral request/response pair for our own handlers. The web
 * adapter wraps it in `Request`/`Response`; `toNodeHandler` recognizes our
 * handlers and talks to node:http directly, skipping the web objects, which
 * cost several times the signing itself.
 */

/** What a handler reads from a request; the adapter has read the body already. */
export interface PlainRequest {
  readonly method: string;
  /** A header by lower-case name. */
  header(name: string): string | undefined;
  /** The body as UTF-8 text, or `undefined` when it exceeded the endpoint's limit. */
  readonly body: string | undefined;
}

/** What a handler answers. */
export interface PlainResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/** A handler on plain requests; it answers synchronously when it can, which saves a promise per request. */
export type PlainHandler = (request: PlainRequest) => PlainResponse | Promise<PlainResponse>;

/** A plain handler and the largest body it reads. */
export interface PlainEndpoint {
  readonly handle: PlainHandler;
  readonly maxBodyBytes: number;
}

/** A web-standard request handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

const PLAIN = Symbol('upsdk-kit.plainHandler');

type WithPlain = FetchHandler & { readonly [PLAIN]?: PlainEndpoint };

/** The body of a web request as text, or undefined once it exceeds `limit` bytes. */
export async function webBody(request: Request, limit: number): Promise<string | undefined> {
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

/** A web `Response` for `plain`. */
export function toWebResponse(plain: PlainResponse): Response {
  return new Response(plain.body, { status: plain.status, headers: plain.headers });
}

/** Wrap a plain endpoint as a web-standard handler that `toNodeHandler` can unwrap again. */
export function toFetchHandler(endpoint: PlainEndpoint): FetchHandler {
  const handler: FetchHandler = async (request) => {
    const body = await webBody(request, endpoint.maxBodyBytes);
    const header = (name: string): string | undefined => request.headers.get(name) ?? undefined;
    return toWebResponse(await endpoint.handle({ method: request.method, header, body }));
  };
  return Object.assign(handler, { [PLAIN]: endpoint });
}

/** The plain endpoint behind `handler`, when it is one of ours. */
export function plainEndpointOf(handler: FetchHandler): PlainEndpoint | undefined {
  return (handler as WithPlain)[PLAIN];
}
