/**
 * `createNodeServer`: a `node:http` server for our handlers with the limits a
 * public endpoint needs against slow or abusive clients (slow headers, bodies
 * trickled byte by byte, idle sockets, connection floods), routed by path.
 * Every limit is one of node:http's own; this module only picks the values.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  acceptsDeclaredBody,
  toNodeHandler,
  type FetchHandler,
  type NodeHandler,
  type NodeHandlerOptions,
} from './node-handler.js';
import { problem } from './shared/problem.js';

/** Options of {@link createNodeServer}; durations in ms. */
export interface NodeServerOptions extends NodeHandlerOptions {
  /** Longest wait for a request's headers, from the connection's start. Default 10000. */
  readonly headersTimeout?: number | undefined;
  /** Longest wait for a whole request, body included. Default 30000. */
  readonly requestTimeout?: number | undefined;
  /** How long an idle keep-alive connection stays open. Default 5000. */
  readonly keepAliveTimeout?: number | undefined;
  /** Connections held at once; more are closed at once. Default 1000. */
  readonly maxConnections?: number | undefined;
}

/** Handlers by path: `"/upsdk/signature"` matches that path exactly, `"/uploads/"` (trailing slash) every path under it. */
export type NodeRoutes = Readonly<Record<string, FetchHandler>>;

const DEFAULTS = {
  // Real clients send their headers in one packet; 10 s leaves room for a bad mobile link and
  // drops a slow-loris socket (or one that never sends anything) well before it matters.
  headersTimeout: 10_000,
  // A signature request is a few hundred bytes; an upload chunk of 512 KiB needs ~16 s at 256 kbit/s.
  // 30 s covers both, where node's default of 300 s let a body trickled at 1 B/s hold a socket for 5 min.
  requestTimeout: 30_000,
  // node's own default, written out: a browser reuses the connection for the next request.
  keepAliveTimeout: 5_000,
  // Under the usual 1024-descriptor soft limit, leaving room for Redis, upstream calls and logs.
  maxConnections: 1_000,
} as const;

// node checks the two timeouts above only this often (default 30 s, which would let every socket
// overstay by up to half a minute); 1 s keeps the overstay small at negligible cost.
const CHECK_INTERVAL = 1_000;

const notFound = (res: ServerResponse): void => {
  const answer = problem(404, { code: 'not_found', detail: 'no endpoint at this path' });
  // Close: a body sent to a wrong path is never read.
  res.writeHead(404, { ...answer.headers, connection: 'close' });
  res.end(answer.body);
};

function router(
  routes: FetchHandler | NodeRoutes,
  options: NodeHandlerOptions,
): (path: string) => NodeHandler | undefined {
  if (typeof routes === 'function') {
    const only = toNodeHandler(routes, options);
    return () => only;
  }
  const exact = new Map<string, NodeHandler>();
  const prefixes: [string, NodeHandler][] = [];
  for (const [path, handler] of Object.entries(routes)) {
    const node = toNodeHandler(handler, options);
    if (path.endsWith('/')) prefixes.push([path, node]);
    else exact.set(path, node);
  }
  return (path) => exact.get(path) ?? prefixes.find(([prefix]) => path.startsWith(prefix))?.[1];
}

/**
 * Create (not start) a node:http server for `routes`, a handler or handlers by path (404 problem+json
 * elsewhere), with timeouts and a connection cap against slow clients. A body larger than the
 * handler's limit is answered 413 from its declared length, without `100 Continue`.
 *
 * @example
 * ```ts
 * const server = createNodeServer({ '/upsdk/signature': createSignatureHandler(signer) });
 * server.listen(8787, '127.0.0.1');
 * ```
 */
export function createNodeServer(routes: FetchHandler | NodeRoutes, options: NodeServerOptions = {}): Server {
  const route = router(routes, options);
  const pathOf = (req: IncomingMessage): string => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    return query === -1 ? url : url.slice(0, query);
  };
  const server = createServer(
    {
      headersTimeout: options.headersTimeout ?? DEFAULTS.headersTimeout,
      requestTimeout: options.requestTimeout ?? DEFAULTS.requestTimeout,
      keepAliveTimeout: options.keepAliveTimeout ?? DEFAULTS.keepAliveTimeout,
      connectionsCheckingInterval: Math.min(CHECK_INTERVAL, options.headersTimeout ?? CHECK_INTERVAL),
    },
    (req, res) => {
      const handler = route(pathOf(req));
      if (handler) handler(req, res);
      else notFound(res);
    },
  );
  server.maxConnections = options.maxConnections ?? DEFAULTS.maxConnections;
  // With a listener here node no longer sends `100 Continue` by itself: invite only bodies we will read.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const handler = route(pathOf(req));
    if (!handler) return notFound(res);
    if (acceptsDeclaredBody(handler, req)) res.writeContinue();
    handler(req, res);
  });
  return server;
}
