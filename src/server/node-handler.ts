/**
 * Adapt a web-standard `(Request) => Promise<Response>` handler to
 * `node:http` (and so Express, Koa, Fastify's raw mode).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A web-standard request handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A `node:http` request listener. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /** Largest request body read, in bytes; larger bodies get 413. Default 64 KiB. */
  readonly maxBodyBytes?: number;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, body: Buffer | undefined): Request {
  const host = req.headers.host ?? 'localhost';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(new URL(req.url ?? '/', `http://${host}`), {
    method: req.method ?? 'GET',
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });
}

/**
 * Wrap `handler` for `http.createServer`.
 *
 * @example
 * ```ts
 * http.createServer(toNodeHandler(createSignatureHandler(signer))).listen(8787, '127.0.0.1');
 * ```
 */
export function toNodeHandler(handler: FetchHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  return (req, res) => {
    void (async () => {
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const body = hasBody ? await readBody(req, limit) : undefined;
      const response =
        body === 'too-large'
          ? new Response(JSON.stringify({ type: 'about:blank', title: 'Payload Too Large', status: 413 }), {
              status: 413,
              headers: { 'content-type': 'application/problem+json' },
            })
          : await handler(toRequest(req, body));
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/problem+json');
      }
      res.end(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }));
      // Never echo the error: it might carry a token. Log only its kind.
      console.error(
        `upsdk-kit: request handler failed (${error instanceof Error ? error.name : typeof error})`,
      );
    });
  };
}
