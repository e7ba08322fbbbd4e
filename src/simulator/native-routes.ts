/**
 * Which `cordova.exec(service, action)` each upsdk plugin reaches — the one
 * table both layers of the simulator share: the model of upsdk.js calls
 * native through it, and the fake native layer answers by it (also under the
 * vendor's real script). Rows marked `guess` are not public: the service or
 * action name is our plausible choice; BRIDGE-FACTS.md "The native layer
 * under it" lists the known ones.
 */

/** Where one plugin goes natively. */
export interface NativeRoute {
  readonly service: string;
  readonly action: string;
  /** For the location plugins, which share one action: the `type` upsdk.js adds. */
  readonly type?: string | undefined;
  /** True when the service/action name is our guess, not a public fact. */
  readonly guess: boolean;
}

type Row = readonly [service: string, guess: boolean, plugins: string];

/** Service → the plugins it serves (action = plugin name unless the row says otherwise). */
const ROWS: readonly Row[] = [
  ['UPWebPay', false, 'pay'],
  ['UPWebPay', true, 'verifyPayPwd addBankCard'],
  ['UPWebUI', false, 'scanQRCode chooseImage showFlashInfo'],
  ['UPWebUI', true, 'showSharePopup'],
  ['UPWebBars', false, 'setNavigationBarTitle setNavigationBarRightButton'],
  ['UPWebClosePage', false, 'closeWebApp'],
  ['UPWebNativeInfo', false, 'readAlbumData readAudioRecordingData readVideoRecordingData'],
  ['UPWebNativeInfo', false, 'readFaceVideoData readFaceImageData'],
  ['UPWebNativeInfo', true, 'chooseFileFromAlbum startAudioRecording stopAudioRecording startVideoRecording'],
  ['UPWebScreen', true, 'getScreenBrightness setScreenBrightness monitorScreenShot'],
  ['UPWebScreen', true, 'changeScreenShot removeScreenShot'],
  ['UPWebMap', true, 'navi'],
  [
    'UPWPluginBluetooth',
    false,
    'openBluetoothAdapter closeBluetoothAdapter getBluetoothAdapterState startBluetoothDevicesDiscovery ' +
      'stopBluetoothDevicesDiscovery getBluetoothDevices connectBLEDevice disconnectBLEDevice ' +
      'getConnectedBluetoothDevices getBLEDeviceServices getBLEDeviceCharacteristics ' +
      'readBLECharacteristicValue writeBLECharacteristicValue notifyBLECharacteristicValueChange ' +
      'registerBluetoothDeviceFound cancelBluetoothDeviceFound registerBLEConnectionStateChange ' +
      'cancelBLEConnectionStateChange registerBLECharacteristicValueChange cancelBLECharacteristicValueChange ' +
      'registerBluetoothAdapterStateChange cancelBluetoothAdapterStateChange openBluetoothSetting',
  ],
  ['UPHceManagerPlugin', false, 'getHCEState startHCE stopHCE onHCEMessage sendHCEMessage openNFCSetting'],
  [
    'UPWebApplet',
    true,
    'setTitleStyle openApplet createWebView navigateTo navigateBack redirectTo reLaunch switchTab ' +
      'saveData queryData deleteData getAllKeys getSystemInfo vibrate appletAuth collectCurrentApplet ' +
      'addCommonApp getUserLogoutDate',
  ],
];

/** Where plugins outside the table (a newer app's, a test's own) are routed: our guess. */
export const EXTRA_SERVICE = 'UPWebPlugin';

const ROUTES = new Map<string, NativeRoute>([
  ['config', { service: 'UPWebSdk', action: 'config', guess: false }],
  ['getLocationCity', { service: 'UPWalletPlugin', action: 'fetchNativeData', type: '0', guess: false }],
  ['getLocationGps', { service: 'UPWalletPlugin', action: 'fetchNativeData', type: '1', guess: false }],
  ...ROWS.flatMap(([service, guess, plugins]) =>
    plugins.split(' ').map((plugin): [string, NativeRoute] => [plugin, { service, action: plugin, guess }]),
  ),
]);

/** The native route of `plugin` (a guessed one for plugins outside the table). */
export function nativeRoute(plugin: string): NativeRoute {
  return ROUTES.get(plugin) ?? { service: EXTRA_SERVICE, action: plugin, guess: true };
}

/** Every plugin routed to `service` (empty for an unknown service). */
export function pluginsOfService(service: string): readonly string[] {
  return [...ROUTES].filter(([, route]) => route.service === service).map(([plugin]) => plugin);
}

/**
 * The plugin an exec reached: by service and action, and for the shared
 * location action by the `type` upsdk.js put in the params.
 */
export function pluginOfExec(service: string, action: string, params: Readonly<Record<string, unknown>>) {
  if (service === EXTRA_SERVICE) return action;
  for (const [plugin, route] of ROUTES) {
    if (route.service !== service || route.action !== action) continue;
    if (route.type === undefined || route.type === String(params.type)) return plugin;
  }
  return undefined;
}
