/** Cleanups run after each test of the file that imports this module, newest first: servers closed, fakes stopped. */
import { afterEach } from 'vitest';
import { serve, type Served } from './serve.js';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Run `cleanup` after the test. */
export const later = (cleanup: () => Promise<void> | void): void => void cleanups.push(cleanup);

/** A served web handler, closed after the test. */
export async function served(handler: (request: Request) => Promise<Response>): Promise<Served> {
  const server = await serve(handler);
  later(() => server.close());
  return server;
}
