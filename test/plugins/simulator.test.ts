/**
 * The simulated plugins behave like the real upsdk.js: string params in,
 * the platform's answer shapes out, the documented mutations of the
 * caller's object, no callbacks where the real one has none, and a `sim.ui`
 * controller to script the user.
 */
import { describe, expect, it, vi } from 'vitest';
import { UpsdkError } from '../../src/index.js';
import { setup } from '../helpers/harness.js';
import { applet } from '../../src/applet.js';
import { showSharePopup } from '../../src/page.js';
import { pay } from '../../src/payment.js';

type RawPlugin = (options: Record<string, unknown>) => void;

/** Start up, then hand back the fake global's plugin to call it directly like a page would. */
async function rawPlugin(name: string, platform: 'ios' | 'android' = 'android') {
  const harness = setup({ platform });
  await harness.client.ready();
  return { ...harness, plugin: harness.sim.upsdk[name] as RawPlugin };
}

/** Call a raw plugin with `options` itself (the bridge may mutate it) and settle with its answer. */
const answer = (plugin: RawPlugin, options: Record<string, unknown>): Promise<unknown> =>
  new Promise((resolve, reject) => plugin(Object.assign(options, { success: resolve, fail: reject })));

describe('simulated plugins', () => {
  it('chooseImage writes 500×1000 onto the caller object when a size is missing', async () => {
    const { plugin } = await rawPlugin('chooseImage');
    const options: Record<string, unknown> = { maxWidth: '300', success: () => undefined };
    plugin(options);
    expect(options).toMatchObject({ maxWidth: 500, maxHeight: 1000, sourceType: '3' });
  });

  it('chooseImage keeps both sizes when both are given', async () => {
    const { plugin } = await rawPlugin('chooseImage');
    const options: Record<string, unknown> = { maxWidth: '300', maxHeight: '200', success: () => undefined };
    plugin(options);
    expect(options).toMatchObject({ maxWidth: '300', maxHeight: '200' });
  });

  it('getLocationGps answers a JSON string on Android', async () => {
    const { plugin, sim } = await rawPlugin('getLocationGps', 'android');
    sim.ui.position = { latitude: 1.5, longitude: 2.5 };
    await expect(answer(plugin, {})).resolves.toBe('{"latitude":"1.5","longitude":"2.5"}');
  });

  it('getLocationGps answers an object on iOS', async () => {
    const { plugin, sim } = await rawPlugin('getLocationGps', 'ios');
    sim.ui.position = { latitude: 1.5, longitude: 2.5 };
    await expect(answer(plugin, {})).resolves.toEqual({ latitude: '1.5', longitude: '2.5' });
  });

  it('pay adds the mode upsdk.js sends to the caller object', async () => {
    const { plugin } = await rawPlugin('pay');
    const options: Record<string, unknown> = { tn: 't', merchantId: 'm' };
    await answer(plugin, options);
    expect(options).toMatchObject({ tn: 't', mode: '00' });
    expect(options).not.toHaveProperty('merchantId');
  });

  it('pay fails with {msg} when the user cancels, as the app does', async () => {
    const { sim, client } = setup();
    sim.ui.payOutcome = 'cancel';
    await expect(pay(client, { tn: 't' })).rejects.toMatchObject({
      plugin: 'pay',
      raw: { msg: '用户取消支付 (the user cancelled)' },
    });
  });

  it('pay fails with {msg} when told to fail', async () => {
    const { sim, client } = setup();
    sim.ui.payOutcome = 'fail';
    await expect(pay(client, { tn: 't' })).rejects.toMatchObject({
      msg: '支付失败 (simulated payment failure)',
    });
  });

  it('pay tells sim.ui.onPay the tn and outcome before answering, and fails when it rejects', async () => {
    const { sim, client } = setup();
    const told: string[] = [];
    sim.ui.onPay = (tn, outcome) => void told.push(`${tn}:${outcome}`);
    await pay(client, { tn: '201602141008032671528' });
    sim.ui.payOutcome = 'cancel';
    await expect(pay(client, { tn: 'T2' })).rejects.toMatchObject({ plugin: 'pay' });
    expect(told).toEqual(['201602141008032671528:success', 'T2:cancel']);
    sim.ui.payOutcome = 'success';
    sim.ui.onPay = () => Promise.reject(new Error('gateway down'));
    await expect(pay(client, { tn: 'T3' })).rejects.toMatchObject({
      msg: '支付失败 (simulated back end: gateway down)',
    });
  });

  it('pay rejects an empty tn sent raw, past our validation', async () => {
    const { client } = setup();
    await expect(client.call('pay', { tn: '' })).rejects.toMatchObject({ msg: 'TN号不合法 (invalid tn)' });
  });

  it('openApplet fails with a bare code, which upsdk.js wraps in {msg}, when appId is missing', async () => {
    const { client } = setup();
    await expect(client.call('openApplet', { appId: '' })).rejects.toMatchObject({
      code: '101',
      raw: { msg: '101' },
    });
  });

  it.each(['setNavigationBarTitle', 'showFlashInfo', 'showSharePopup', 'closeWebApp', 'createWebView'])(
    '%s never calls back',
    async (name) => {
      const { plugin } = await rawPlugin(name);
      const callback = vi.fn();
      plugin({ title: 't', msg: 'm', url: 'https://example.com', success: callback, fail: callback });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(callback).not.toHaveBeenCalled();
    },
  );

  it('showSharePopup fills in the defaults upsdk.js writes', async () => {
    const { sim, client } = setup();
    await showSharePopup(client, { title: 'T' });
    expect(sim.ui.shares).toEqual([
      {
        title: 'T',
        desc: '',
        picUrl: 'https://base.95516.com/s/wl/web/402/images/common/logo.png',
        shareUrl: window.location.href,
      },
    ]);
  });

  it('setTitleStyle settings accumulate across calls', async () => {
    const { sim, client } = setup();
    await applet(client).setTitleStyle({ appletStyle: 'white' });
    await applet(client).setTitleStyle({ backBtnVisible: false });
    expect(sim.ui.titleStyle).toEqual({ appletStyle: 'white', backBtnVisible: '0' });
  });

  it('setScreenBrightness refuses a level outside 0…1 sent raw', async () => {
    const { client } = setup();
    await expect(client.call('setScreenBrightness', { brightness: '2' })).rejects.toBeInstanceOf(UpsdkError);
  });

  it('the right button hears no tap before one is set', () => {
    const { sim } = setup();
    expect(sim.ui.clickRightButton()).toBe(false);
  });

  it('a screenshot goes unreported while nothing monitors', () => {
    const { sim } = setup({ platform: 'ios' });
    expect(sim.ui.takeScreenshot()).toBe(false);
  });

  it('stores, lists and deletes mini-program data', async () => {
    const { client } = setup();
    await applet(client).saveData({ key: 'a', value: '1' });
    await applet(client).saveData({ key: 'b', value: '2' });
    await applet(client).deleteData({ key: 'a' });
    await expect(applet(client).getAllKeys()).resolves.toMatchObject({ keys: ['b'] });
    await expect(applet(client).queryData({ key: 'b' })).resolves.toBe('2');
  });
});
