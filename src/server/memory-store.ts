// The memory store lives in the server-shared layer; this path stays for src/server/acp/notification.ts.
export { createMemoryStore } from './shared/memory-store.js';
export type { MemoryStoreOptions } from './shared/memory-store.js';
