export { createClient } from './client/client.js';
export type { UpsdkClient, UpsdkCore, CallOptions, CallArgs, FamilyOptions } from './client/client.js';
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
export {
  buildAuthorizeUrl,
  AUTHORIZE_PAGES,
  LOGIN_SCOPES,
  MOBILE_SCOPES,
  REAL_NAME_SCOPES,
  OPEN_PLATFORM_URL,
} from './login/authorize-url.js';
export type {
  AuthorizeOptions,
  AuthorizeUrl,
  InAppScope,
  OutOfAppScope,
  LoginScope,
  LoginContext,
} from './login/authorize-url.js';
export { parseAuthorizeCallback, isAuthorizeCallback, stripCallback } from './login/callback.js';
export type { AuthorizeCallback, ParseCallbackOptions } from './login/callback.js';
export { UpsdkLoginError, USER_REFUSED } from './login/errors.js';
export type { UpsdkLoginErrorInit } from './login/errors.js';
export { signIn, startLogin, completeLogin, STATE_STORAGE_KEY } from './login/sign-in.js';
export { exchangeAtEndpoint } from './login/endpoint.js';
export type { LoginEndpointOptions, LoginSession } from './login/endpoint.js';
export type {
  SignInOptions,
  SignInOutcome,
  StartLoginOptions,
  CompleteLoginOptions,
  AppletAuthSource,
  BrowserHost,
} from './login/sign-in.js';
export type { FileApi } from './plugins/media/api.js';
export type { AlbumFile, AlbumSourceType, ChooseFileOptions } from './plugins/media/album.js';
export type { AudioRecording, VideoRecording, RecordingOptions } from './plugins/media/recordings.js';
export type { ChunkAnswer, ChunkWindow, AlbumSourceCode, MediaPluginMap } from './plugins/media/wire.js';
export type { ChunkSource } from './streams/chunk-source.js';
export type { ReadOptions, ReadProgress } from './streams/read-options.js';
export { MAX_CHUNK_SIZE } from './streams/read-options.js';
export { decodeBase64, encodeBase64, Base64Error } from './streams/base64.js';
export type { BinaryInput, DecodedValue, ValueCodec, ValueEncoding } from './plugins/value-codec.js';
export type { Bluetooth } from './plugins/bluetooth/api.js';
export type {
  AdapterState,
  AdapterStateChange,
  BluetoothCharacteristic,
  BluetoothDevice,
  BluetoothEvents,
  BluetoothOptions,
  BluetoothService,
  CharacteristicProperties,
  CharacteristicRef,
  CharacteristicValue,
  ConnectionState,
  DiscoveryOptions,
  NotifyInput,
  WriteInput,
} from './plugins/bluetooth/types.js';
export type {
  BluetoothPluginMap,
  WireBluetoothDevice,
  WireCharacteristicRef,
  WireDiscoveryParams,
  WireFlag,
} from './plugins/bluetooth/map.js';
export type { Hce, HceOptions } from './plugins/hce/api.js';
export { HceError, HCE_CODES } from './plugins/hce/codes.js';
export type { HceState, HceStateReason } from './plugins/hce/codes.js';
export type { HceEvents, HceMessage } from './plugins/hce/messages.js';
export type { HcePluginMap, WireHceAnswer } from './plugins/hce/map.js';
export type { PluginsApi } from './plugins/index.js';
export type { CallControl, OperationOptions } from './plugins/define.js';
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
