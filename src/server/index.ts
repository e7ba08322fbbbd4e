export { toNodeHandler } from './node-handler.js';
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
