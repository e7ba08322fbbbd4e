/**
 * A hostile upstream on loopback (node:http): it answers every request the way
 * it is told — a 200 without `resp`, a refusal or an HTTP error whose body,
 * `msg` and headers echo the request (tokens, credentials) and the secrets it
 * was told, a redirect, headers then a stalled or dripping body, a reset in
 * mid-body, a 100 MB body — and records what it received and wrote.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/** What the upstream does with the next requests. */
export type Behaviour =
  /** A JSON body built from the echo (`status` 200 for a "bad 200", 4xx, 5xx, …). */
  | { readonly kind: 'json'; readonly status: number; readonly body: (echo: string) => unknown }
  /** A redirect to `location` (another origin), `status` 301…308. */
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string }
  /** 200 and its headers, then silence. */
  | { readonly kind: 'stall' }
  /** 200 and its headers, then one byte every `everyMs`, forever. */
  | { readonly kind: 'drip'; readonly everyMs: number }
  /** 200, half a JSON body, then the connection destroyed. */
  | { readonly kind: 'reset' }
  /** 200 and 100 MB of JSON-looking bytes, declared in Content-Length or chunked. */
  | { readonly kind: 'oversize'; readonly declared: boolean };

/** A running hostile upstream. */
export interface HostileUpstream {
  readonly url: string;
  /** Requests received, by path. */
  readonly requests: string[];
  /** Bytes of body written in answers so far. */
  readonly bytesWritten: () => number;
  behave(behaviour: Behaviour): void;
}

const HUNDRED_MB = 100 * 1024 * 1024;
const servers: Server[] = [];

/** Listen on a random loopback port, closed (connections included) after the test; answers the base URL. */
export async function listenUntilTestEnds(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Start a hostile upstream that also echoes `secrets` (as an upstream that
 * knows them might: the app secret, the merchant key).
 */
export async function hostileUpstream(secrets: readonly string[] = []): Promise<HostileUpstream> {
  let behaviour: Behaviour = { kind: 'json', status: 200, body: () => ({}) };
  const requests: string[] = [];
  let written = 0;
  const write = (res: ServerResponse, chunk: string | Buffer): boolean => {
    written += chunk.length;
    return res.write(chunk);
  };

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    requests.push(req.url ?? '/');
    const echo = `${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body} ${secrets.join(' ')}`;
    const b = behaviour;
    // Every answer also echoes in a header, as some gateways' debug headers do.
    res.setHeader('x-echo', encodeURIComponent(echo).slice(0, 4000));
    if (b.kind === 'json') {
      res.writeHead(b.status, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(b.body(echo)));
    }
    if (b.kind === 'redirect') {
      res.writeHead(b.status, { location: b.location, 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ resp: 'ERR', msg: echo }));
    }
    if (b.kind === 'oversize') {
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(b.declared ? { 'content-length': String(HUNDRED_MB) } : {}),
      });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (written < HUNDRED_MB && !res.destroyed)
          if (!write(res, chunk)) return void res.once('drain', pump);
        res.end();
      };
      return pump();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.flushHeaders();
    if (b.kind === 'stall') return;
    if (b.kind === 'reset') {
      write(res, `{"resp":"00","msg":${JSON.stringify(echo)},"params":{`);
      return void setTimeout(() => res.destroy(), 20);
    }
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : write(res, ' ')), b.everyMs);
    res.once('close', () => clearInterval(timer));
  }

  const server = createServer((req, res) => void answer(req, res).catch(() => res.destroy()));
  return {
    url: await listenUntilTestEnds(server),
    requests,
    bytesWritten: () => written,
    behave: (next) => void (behaviour = next),
  };
}

/** Every message in an error and its chain of causes, with `detail`/`msg` fields. */
export function errorTexts(error: unknown): string[] {
  const texts: string[] = [];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    if (current instanceof Error) texts.push(current.message, current.stack ?? '');
    const fields = current as { msg?: unknown; detail?: unknown };
    if (typeof fields.msg === 'string') texts.push(fields.msg);
    if (typeof fields.detail === 'string') texts.push(fields.detail);
    current = (current as { cause?: unknown }).cause;
  }
  return texts;
}
