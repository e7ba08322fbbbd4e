/**
 * Adapt a web-standard `(Request) => Promise<Response>` handler to
 * `node:http` (and so Express, Koa, Fastify's raw mode).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem } from './problem.js';

/** A web-standard request handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A `node:http` request listener. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /** Largest request body read, in bytes; larger bodies get 413. Default 64 KiB. */
  readonly maxBodyBytes?: number;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  // Event-based rather than `for await`: leaving an async iterator early destroys the
  // socket, and the client would see a reset instead of our 413.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).off('error', reject);
      req.resume();
      resolve('too-large');
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    req.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

function toRequest(req: IncomingMessage, body: Buffer | undefined, signal: AbortSignal): Request {
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
    signal,
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
    // Aborts when the client goes away first, so handlers can stop work nobody waits for.
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    void (async () => {
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const body = hasBody ? await readBody(req, limit) : undefined;
      const response =
        body === 'too-large'
          ? problem(413, { code: 'payload_too_large', detail: `the body exceeds ${limit} bytes` })
          : await handler(toRequest(req, body, gone.signal));
      res.statusCode = response.status;
      // The rest of a too-large body is never read: end the connection after answering.
      if (body === 'too-large') res.setHeader('connection', 'close');
      response.headers.forEach((value, name) => res.setHeader(name, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/problem+json');
      }
      const body = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'the handler failed', code: 'internal' };
      res.end(JSON.stringify(body));
      // Never echo the error: it might carry a token. Log only its kind.
      console.error(`upsdk-kit: request handler failed (${error instanceof Error ? error.name : typeof error})`);
    });
  };
}
