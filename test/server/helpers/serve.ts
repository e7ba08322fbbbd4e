/** Real HTTP on loopback for server tests: serve a web handler, and talk to it. */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { toNodeHandler, type FetchHandler } from '../../../src/server/index.js';
import {
  createFakeOpenPlatform,
  type FakeOpenPlatform,
  type FakeOpenPlatformOptions,
} from '../../../src/simulator/index.js';

/** A server listening on 127.0.0.1 at a random port. */
export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Listen on a random loopback port with `handler` behind `toNodeHandler`. */
export async function serve(handler: FetchHandler): Promise<Served> {
  const server: Server = createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets (fetch pools them) would hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** The fake open platform served over node:http. */
export interface ServedPlatform extends Served {
  readonly platform: FakeOpenPlatform;
}

/** Start the fake open platform on a random loopback port. */
export async function servePlatform(options: FakeOpenPlatformOptions = {}): Promise<ServedPlatform> {
  const platform = createFakeOpenPlatform(options);
  const served = await serve(platform.handle);
  return { ...served, platform };
}

/** A JSON answer: status, content type and parsed body. */
export interface JsonReply {
  readonly status: number;
  readonly type: string;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

/** POST `body` (serialized unless already a string) and read the reply. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return read(response);
}

/** Read a response as a {@link JsonReply}. */
export async function read(response: Response): Promise<JsonReply> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: the body stays empty and the test looks at `text`.
  }
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    headers: response.headers,
    body,
    text,
  };
}

/** A raw TCP exchange with a loopback server, for requests `fetch` will not send. */
export interface RawExchange {
  /** Everything the server sent, once it closed the connection. */
  readonly closed: Promise<string>;
  /** Send more bytes. */
  write(text: string): void;
  /** Close our side. */
  destroy(): void;
}

/** Connect to `url`'s host and port, send `text` (when given) and collect the answer. */
export function rawExchange(url: string, text = ''): Promise<RawExchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const closed = new Promise<string>((done) => {
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      socket.once('close', () => done(received));
    });
    socket.once('error', () => undefined);
    socket.once('connect', () => {
      if (text) socket.write(text);
      resolve({ closed, write: (more) => void socket.write(more), destroy: () => socket.destroy() });
    });
    socket.once('error', reject);
  });
}
