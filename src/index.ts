/**
 * `upsdk-kit`: the core only — `createClient` (start-up and the generic
 * `call`), the errors and the types. Each plugin family is its own entry
 * (`upsdk-kit/payment`, `upsdk-kit/bluetooth`, …) of functions that take the
 * client first, so a page ships only what it imports.
 */
export { createClient } from './client/client.js';
export type { UpsdkClient, CallOptions, CallArgs } from './client/client.js';
export type { ClientOptions, ClientMode } from './client/options.js';
export { VENDOR_SCRIPT_URL } from './client/options.js';
export type { Signature, SignerFunction, SignerSource, SignRequestContext } from './client/signer-source.js';
export type { UpsdkPluginMap, PluginName, PluginParams, PluginResult } from './client/plugin-map.js';
export type { HostEnvironment } from './client/environment.js';
export { detectEnvironment } from './client/environment.js';
export { UpsdkError } from './shared/error.js';
export type { UpsdkErrorInit } from './shared/error.js';
export {
  UpsdkTimeoutError,
  UpsdkUnavailableError,
  UpsdkConfigError,
  normalizeFailure,
} from './client/errors.js';
export type { VendorFailure } from './client/errors.js';
export type { PaymentPluginMap } from './client/wire/payment.js';
export type { PagePluginMap } from './client/wire/page.js';
export type { DevicePluginMap, ScanType } from './client/wire/device.js';
export type { LocationPluginMap, RawGpsPosition } from './client/wire/location.js';
export type { AppletPluginMap, AppletParams } from './client/wire/applet.js';
export type { ChunkAnswer, ChunkWindow, AlbumSourceCode, MediaPluginMap } from './client/wire/media.js';
export type {
  BluetoothPluginMap,
  WireBluetoothDevice,
  WireCharacteristicRef,
  WireDiscoveryParams,
  WireFlag,
} from './client/wire/bluetooth.js';
export type { HcePluginMap, WireHceAnswer } from './client/wire/hce.js';
export type { CallControl, OperationOptions } from './plugins/define.js';
