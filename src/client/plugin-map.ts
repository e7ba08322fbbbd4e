import type { AppletPluginMap } from './wire/applet.js';
import type { BluetoothPluginMap } from './wire/bluetooth.js';
import type { DevicePluginMap } from './wire/device.js';
import type { HcePluginMap } from './wire/hce.js';
import type { LocationPluginMap } from './wire/location.js';
import type { MediaPluginMap } from './wire/media.js';
import type { PagePluginMap } from './wire/page.js';
import type { PaymentPluginMap } from './wire/payment.js';

/**
 * The type-level map of raw plugins: what `client.call(name, params)` sends
 * to the bridge and what `success` delivers. Values are the vendor's own
 * wire shapes (numbers and flags as strings).
 *
 * Add a plugin the library does not know yet by declaration merging:
 *
 * @example
 * ```ts
 * declare module 'upsdk-kit' {
 *   interface UpsdkPluginMap {
 *     getBatteryInfo: { params: {}; result: { level: string } };
 *   }
 * }
 * const info = await client.call('getBatteryInfo'); // typed { level: string }
 * ```
 */
export interface UpsdkPluginMap
  extends
    PaymentPluginMap,
    PagePluginMap,
    DevicePluginMap,
    LocationPluginMap,
    AppletPluginMap,
    MediaPluginMap,
    BluetoothPluginMap,
    HcePluginMap {}

/** Names of the plugins `client.call` knows. */
export type PluginName = Extract<keyof UpsdkPluginMap, string>;

/** Raw params of plugin `K`. */
export type PluginParams<K extends PluginName> = UpsdkPluginMap[K] extends { params: infer P } ? P : never;

/** Raw success payload of plugin `K`. */
export type PluginResult<K extends PluginName> = UpsdkPluginMap[K] extends { result: infer R } ? R : never;

/** Plugins whose real implementation never calls back: they resolve right after dispatch. */
export const CALLBACKLESS_PLUGINS: ReadonlySet<string> = new Set([
  'setNavigationBarTitle',
  'showFlashInfo',
  'showSharePopup',
  'closeWebApp',
  'createWebView',
]);
