export { createClient } from './client/client.js';
export type { UpsdkClient, UpsdkCore, CallOptions, CallArgs } from './client/client.js';
export type { ClientOptions, ClientMode } from './client/options.js';
export { VENDOR_SCRIPT_URL } from './client/options.js';
export type { Signature, SignerFunction, SignerSource, SignRequestContext } from './client/signer-source.js';
export type { UpsdkPluginMap, PluginName, PluginParams, PluginResult } from './client/plugin-map.js';
export type { HostEnvironment } from './client/environment.js';
export { detectEnvironment } from './client/environment.js';
export {
  UpsdkError,
  UpsdkTimeoutError,
  UpsdkUnavailableError,
  UpsdkConfigError,
  normalizeFailure,
} from './client/errors.js';
export type { UpsdkErrorInit, VendorFailure } from './client/errors.js';
export { NativeEvents } from './events/native-events.js';
export type {
  NativeEventSpec,
  NativeEventSpecs,
  EventPayloads,
  ListenerMap,
  IterateOptions,
} from './events/native-events.js';
export type { FileApi } from './plugins/media/api.js';
export type { AlbumFile, AlbumSourceType, ChooseFileOptions } from './plugins/media/album.js';
export type { AudioRecording, VideoRecording, RecordingOptions } from './plugins/media/recordings.js';
export type { ChunkAnswer, ChunkWindow, AlbumSourceCode, MediaPluginMap } from './plugins/media/wire.js';
export type { ChunkSource } from './streams/chunk-source.js';
export type { ReadOptions, ReadProgress } from './streams/read-options.js';
export { MAX_CHUNK_SIZE } from './streams/read-options.js';
export { decodeBase64, encodeBase64, Base64Error } from './streams/base64.js';
