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
