// The store contract lives in the server-shared layer; this path stays for src/server/acp/notification.ts.
export type * from './shared/store.js';
