/**
 * A real, throw-away redis-server for store tests: a free loopback port, no
 * persistence (`--save '' --appendonly no`), stopped after the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createClient } from 'redis';
import type { RedisClientLike } from '../../../src/server/index.js';

/** A connected node-redis client, as the store sees it plus what tests need. */
export interface TestClient extends RedisClientLike {
  flushAll(): Promise<unknown>;
  del(key: string): Promise<unknown>;
  exists(key: string): Promise<number>;
  close(): Promise<void>;
}

/** A running redis-server. */
export interface RedisServer {
  readonly url: string;
  /** A new connected client; closed by `stop()`. */
  client(): Promise<TestClient>;
  /** Kill the server, losing every key (no persistence); clients stay and try to reconnect. */
  down(): Promise<void>;
  /** Start the server again on the same port (after {@link RedisServer.down}). */
  up(): Promise<void>;
  /** Kill the server, losing every key (no persistence), and start it again on the same port. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output}`));
    });
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Start redis-server on a free loopback port. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child = await launch(port);
  const url = `redis://127.0.0.1:${port}`;
  const clients: TestClient[] = [];
  return {
    url,
    async client() {
      const client = createClient({
        url,
        disableOfflineQueue: true,
        socket: { reconnectStrategy: (retries) => Math.min(20 * retries, 200) },
      });
      client.on('error', () => undefined);
      await client.connect();
      // The assignment checks that a real node-redis client satisfies RedisClientLike.
      const typed: TestClient = client;
      clients.push(typed);
      return typed;
    },
    down: () => kill(child),
    async up() {
      child = await launch(port);
    },
    async restart(downMs = 300) {
      await kill(child);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      child = await launch(port);
    },
    async stop() {
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
      await kill(child);
    },
  };
}
