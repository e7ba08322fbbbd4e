/** `upsdk-kit/hce`: `hce(client, options?)`, NFC host card emulation (spec §6.24), one per client. */
export { hce } from './plugins/hce/index.js';
export type { Hce, HceOptions } from './plugins/hce/api.js';
export { HceError, HCE_CODES } from './plugins/hce/codes.js';
export type { HceState, HceStateReason } from './plugins/hce/codes.js';
export type { HceEvents, HceMessage } from './plugins/hce/messages.js';
export type { BinaryInput, DecodedValue, ValueCodec, ValueEncoding } from './plugins/value-codec.js';
