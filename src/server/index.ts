/**
 * `upsdk-kit/server`: the signer (tokens, `sign(url)`), the node adapters
 * (`toNodeHandler`, `createNodeServer`), the stores, the upload sink and the
 * signer's errors. Each upstream family has its own entry:
 * `upsdk-kit/server/open-platform` (login included), `upsdk-kit/server/preorder`
 * and `upsdk-kit/server/acp`.
 */
export { createSigner } from './signer.js';
export type { Signer, SignatureResult, SignReport, IssuedToken } from './signer.js';
export type { SignerOptions } from './options.js';
export { createSignatureHandler } from './handler.js';
export type { SignatureHandlerOptions, CorsOptions } from './handler.js';
export { toNodeHandler } from './node-handler.js';
export { createNodeServer } from './node-server.js';
export type { NodeServerOptions, NodeRoutes } from './node-server.js';
export {
  createUploadSink,
  type UploadSink,
  type UploadSinkOptions,
  type UploadState,
} from './upload-sink.js';
export type { FetchHandler, NodeHandler, NodeHandlerOptions } from './node-handler.js';
export { createMemoryStore } from './shared/memory-store.js';
export type { MemoryStoreOptions } from './shared/memory-store.js';
export { createRedisStore } from './redis-store.js';
export type { RedisClientLike, RedisScriptArguments, RedisStoreOptions } from './redis-store.js';
export type { SignerStore, TokenRecord, InvalidateOutcome } from './shared/store.js';
export { SignerError, UpstreamError } from './errors.js';
export type { SignerErrorInit, UpstreamErrorInit } from './errors.js';
export type { SignerEvent, SignerLogger } from './events.js';
export type { ProblemDetails } from './shared/problem.js';
export { OPEN_PLATFORM_URL, TOKEN_PATHS } from './upstream.js';
export type { TokenKind } from './upstream.js';
export {
  canonicalString,
  configSignature,
  tokenRequestSignature,
  signableUrl,
  createNonce,
  unixTimestamp,
} from '../shared/signature.js';
export type { ConfigSignatureFactors, TokenRequestFactors } from '../shared/signature.js';
