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

type Act = (client: UpsdkClient) => Promise<unknown>;

const ANSWERING: Readonly<Record<string, Act>> = {
  pay: (c) => c.pay({ tn: 't' }),
  verifyPayPwd: (c) => c.verifyPayPwd({ transNo: 'n' }),
  addBankCard: (c) => c.addBankCard(),
  scanQRCode: (c) => c.scanQRCode(),
  chooseImage: (c) => c.chooseImage(),
  getLocationCity: (c) => c.getLocationCity(),
  getLocationGps: (c) => c.getLocationGps(),
  navi: (c) =>
    c.navi({ from: { latitude: 1, longitude: 2, name: 'a' }, to: { latitude: 3, longitude: 4, name: 'b' } }),
  getScreenBrightness: (c) => c.getScreenBrightness(),
  setScreenBrightness: (c) => c.setScreenBrightness({ brightness: 0.5 }),
  setTitleStyle: (c) => c.applet.setTitleStyle({ appletStyle: 'black' }),
  openApplet: (c) => c.applet.openApplet({ appId: 'a' }),
  navigateTo: (c) => c.applet.navigateTo({ url: '/a' }),
  navigateBack: (c) => c.applet.navigateBack(),
  redirectTo: (c) => c.applet.redirectTo({ url: '/a' }),
  reLaunch: (c) => c.applet.reLaunch({ url: '/a' }),
  switchTab: (c) => c.applet.switchTab({ url: '/a' }),
  saveData: (c) => c.applet.saveData({ key: 'k', value: 'v' }),
  queryData: (c) => c.applet.queryData({ key: 'k' }),
  deleteData: (c) => c.applet.deleteData({ key: 'k' }),
  getAllKeys: (c) => c.applet.getAllKeys(),
  getSystemInfo: (c) => c.applet.getSystemInfo(),
  vibrate: (c) => c.applet.vibrate(),
  appletAuth: (c) => c.applet.appletAuth(),
  collectCurrentApplet: (c) => c.applet.collectCurrentApplet(),
  addCommonApp: (c) => c.applet.addCommonApp({ url: 'https://example.com/a' }),
  getUserLogoutDate: (c) => c.applet.getUserLogoutDate(),
  changeScreenShot: (c) => c.applet.changeScreenShot({ forbid: false }),
  removeScreenShot: (c) => c.applet.removeScreenShot(),
};

const SILENT: Readonly<Record<string, Act>> = {
  setNavigationBarTitle: (c) => c.setNavigationBarTitle({ title: 't' }),
  closeWebApp: (c) => c.closeWebApp(),
  showFlashInfo: (c) => c.showFlashInfo({ msg: 'm' }),
  showSharePopup: (c) => c.showSharePopup(),
  createWebView: (c) => c.applet.createWebView({ url: 'https://example.com' }),
  setNavigationBarRightButton: (c) => c.setNavigationBarRightButton({ title: 't' }, () => undefined),
  monitorScreenShot: (c) => c.monitorScreenShot(() => undefined),
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
