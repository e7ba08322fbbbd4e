import type { Server } from 'node:http';

/** Start the playground server (page, signer, upload sink, login, fake platform) and resolve once it listens. */
export function startServer(options?: {
  port?: number;
  host?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<Server>;
