export { toNodeHandler } from './node-handler.js';
export {
  createUploadSink,
  type UploadSink,
  type UploadSinkOptions,
  type UploadState,
} from './upload-sink.js';
export type { FetchHandler, NodeHandler, NodeHandlerOptions } from './node-handler.js';
export {
  canonicalString,
  configSignature,
  tokenRequestSignature,
  signableUrl,
  createNonce,
  unixTimestamp,
} from '../shared/signature.js';
export type { ConfigSignatureFactors, TokenRequestFactors } from '../shared/signature.js';
