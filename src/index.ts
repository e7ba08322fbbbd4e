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
export type { PluginsApi } from './plugins/index.js';
export type { CallControl } from './plugins/define.js';
export type { PaymentApi, PayInput, VerifyPayPwdInput, AddBankCardInput } from './plugins/payment/index.js';
export type { PageApi, ShareInput } from './plugins/page/index.js';
export type { RightButtonInput, Unsubscribe } from './plugins/page/right-button.js';
export type { DeviceApi, ChooseImageInput, ImageSource, ScanType } from './plugins/device/index.js';
export { ChosenImage } from './plugins/device/image.js';
export type {
  LocationApi,
  GpsPosition,
  NaviInput,
  NaviPlace,
  RawGpsPosition,
} from './plugins/location/index.js';
export type { UiEvents, UiListenerApi } from './plugins/ui-events.js';
export type { AppletApi } from './plugins/applet/index.js';
export type {
  AppletParams,
  TitleStyleInput,
  TitleGradient,
  OpenAppletInput,
  CreateWebViewInput,
} from './plugins/applet/plugins.js';
