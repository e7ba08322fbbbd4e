/**
 * A vendor failure of every typed plugin becomes an `UpsdkError` naming the
 * plugin, with the vendor's code. Plugins that never answer (and the
 * listener registrations, which do not wait for an answer) can only fail by
 * not existing: an app too old for them (`c04`).
 */
import { describe, expect, it } from 'vitest';
import { UpsdkError, type UpsdkClient } from '../../src/index.js';
import type { Simulator } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';
import { applet } from '../../src/applet.js';
import {
  chooseImage,
  getScreenBrightness,
  monitorScreenShot,
  scanQRCode,
  setScreenBrightness,
} from '../../src/device.js';
import { getLocationCity, getLocationGps, navi } from '../../src/location.js';
import {
  closeWebApp,
  setNavigationBarRightButton,
  setNavigationBarTitle,
  showFlashInfo,
  showSharePopup,
} from '../../src/page.js';
import { addBankCard, pay, verifyPayPwd } from '../../src/payment.js';

type Act = (client: UpsdkClient) => Promise<unknown>;

const ANSWERING: Readonly<Record<string, Act>> = {
  pay: (c) => pay(c, { tn: 't' }),
  verifyPayPwd: (c) => verifyPayPwd(c, { transNo: 'n' }),
  addBankCard: (c) => addBankCard(c),
  scanQRCode: (c) => scanQRCode(c),
  chooseImage: (c) => chooseImage(c),
  getLocationCity: (c) => getLocationCity(c),
  getLocationGps: (c) => getLocationGps(c),
  navi: (c) =>
    navi(c, { from: { latitude: 1, longitude: 2, name: 'a' }, to: { latitude: 3, longitude: 4, name: 'b' } }),
  getScreenBrightness: (c) => getScreenBrightness(c),
  setScreenBrightness: (c) => setScreenBrightness(c, { brightness: 0.5 }),
  setTitleStyle: (c) => applet(c).setTitleStyle({ appletStyle: 'black' }),
  openApplet: (c) => applet(c).openApplet({ appId: 'a' }),
  navigateTo: (c) => applet(c).navigateTo({ url: '/a' }),
  navigateBack: (c) => applet(c).navigateBack(),
  redirectTo: (c) => applet(c).redirectTo({ url: '/a' }),
  reLaunch: (c) => applet(c).reLaunch({ url: '/a' }),
  switchTab: (c) => applet(c).switchTab({ url: '/a' }),
  saveData: (c) => applet(c).saveData({ key: 'k', value: 'v' }),
  queryData: (c) => applet(c).queryData({ key: 'k' }),
  deleteData: (c) => applet(c).deleteData({ key: 'k' }),
  getAllKeys: (c) => applet(c).getAllKeys(),
  getSystemInfo: (c) => applet(c).getSystemInfo(),
  vibrate: (c) => applet(c).vibrate(),
  appletAuth: (c) => applet(c).appletAuth(),
  collectCurrentApplet: (c) => applet(c).collectCurrentApplet(),
  addCommonApp: (c) => applet(c).addCommonApp({ url: 'https://example.com/a' }),
  getUserLogoutDate: (c) => applet(c).getUserLogoutDate(),
  changeScreenShot: (c) => applet(c).changeScreenShot({ forbid: false }),
  removeScreenShot: (c) => applet(c).removeScreenShot(),
};

const SILENT: Readonly<Record<string, Act>> = {
  setNavigationBarTitle: (c) => setNavigationBarTitle(c, { title: 't' }),
  closeWebApp: (c) => closeWebApp(c),
  showFlashInfo: (c) => showFlashInfo(c, { msg: 'm' }),
  showSharePopup: (c) => showSharePopup(c),
  createWebView: (c) => applet(c).createWebView({ url: 'https://example.com' }),
  setNavigationBarRightButton: (c) => setNavigationBarRightButton(c, { title: 't' }, () => undefined),
  monitorScreenShot: (c) => monitorScreenShot(c, () => undefined),
};

async function failure(act: Act, client: UpsdkClient): Promise<UpsdkError> {
  const error: unknown = await act(client).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UpsdkError);
  return error as UpsdkError;
}

/** An app whose upsdk lacks `plugin` (too old for it). */
function withoutPlugin(sim: Simulator, plugin: string): void {
  delete (sim.upsdk as Record<string, unknown>)[plugin];
}

describe('vendor failures', () => {
  // pay is left out: upsdk.js keeps only a message of its failures (test/client/pay-failures.test.ts).
  for (const [plugin, act] of Object.entries(ANSWERING).filter(([name]) => name !== 'pay')) {
    it(`${plugin} rejects with the vendor's code and its own name`, async () => {
      const { sim, client } = setup();
      sim.fault(plugin, { fail: 'errcode', code: 'c02', msg: 'no permission' });
      const error = await failure(act, client);
      expect({ code: error.code, msg: error.msg, plugin: error.plugin }).toEqual({
        code: 'c02',
        msg: 'no permission',
        plugin,
      });
      expect(error.raw).toEqual({ errcode: 'c02', errmsg: 'no permission' });
    });
  }

  for (const [plugin, act] of Object.entries(SILENT)) {
    it(`${plugin} rejects with c04 when the app lacks it`, async () => {
      const { sim, client } = setup();
      withoutPlugin(sim, plugin);
      const error = await failure(act, client);
      expect({ code: error.code, plugin: error.plugin }).toEqual({ code: 'c04', plugin });
    });
  }
});
