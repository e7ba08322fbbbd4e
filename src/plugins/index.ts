/**
 * Every typed plugin family, assembled for `createClient`: the spec §6
 * plugins flat on the client, the mini-program extras under `applet`, the
 * page's listener plugins as `events`.
 */
import type { UpsdkCore } from '../client/client.js';
import { timeoutsOf } from './define.js';
import { createApplet, type AppletApi } from './applet/index.js';
import { appletPlugins } from './applet/plugins.js';
import { createDevice, devicePlugins, type DeviceApi } from './device/index.js';
import { createLocation, locationPlugins, type LocationApi } from './location/index.js';
import { createPage, pagePlugins, type PageApi } from './page/index.js';
import { createPayment, paymentPlugins, type PaymentApi } from './payment/index.js';
import { createUiListeners, type UiListenerApi } from './ui-events.js';

/** The typed plugin methods of a client. */
export interface PluginsApi extends PaymentApi, PageApi, DeviceApi, LocationApi, UiListenerApi {
  /**
   * Mini-program extras (setTitleStyle, openApplet, navigateTo, saveData, appletAuth, …).
   *
   * @example
   * ```ts
   * await client.applet.openApplet({ appId: '2618afce47553ed3' });
   * ```
   */
  readonly applet: AppletApi;
}

/**
 * Default timeouts of plugins that wait on the user, by plugin name: read by
 * `client.call`, so raw calls and typed methods share them.
 */
export const PLUGIN_TIMEOUTS: Readonly<Record<string, number>> = timeoutsOf(
  paymentPlugins,
  pagePlugins,
  devicePlugins,
  locationPlugins,
  appletPlugins,
);

/** Every typed family bound to `core`. */
export function createPlugins(core: UpsdkCore): PluginsApi {
  return {
    ...createPayment(core),
    ...createPage(core),
    ...createDevice(core),
    ...createLocation(core),
    ...createUiListeners(core),
    applet: createApplet(core),
  };
}
