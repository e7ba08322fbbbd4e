import type { Server } from 'node:http';

/** Start the playground server (page, signer, upload sink) and resolve once it listens. */
export function startServer(options?: { port?: number; host?: string }): Promise<Server>;
