/**
 * Bad input rejects with `UpsdkError` code `invalid_param`, a message naming
 * the field, what was expected and what came — and the bridge is never
 * touched (not even for start-up).
 */
import { describe, expect, it } from 'vitest';
import { UpsdkError, type UpsdkClient } from '../../src/index.js';
import { setup } from '../helpers/harness.js';
import { applet } from '../../src/applet.js';
import { chooseImage, monitorScreenShot, scanQRCode, setScreenBrightness } from '../../src/device.js';
import { navi } from '../../src/location.js';
import {
  setNavigationBarRightButton,
  setNavigationBarTitle,
  showFlashInfo,
  showSharePopup,
} from '../../src/page.js';
import { addBankCard, pay, verifyPayPwd } from '../../src/payment.js';

interface BadInput {
  readonly plugin: string;
  readonly field: string;
  /** What the bad value is, for the test name. */
  readonly label: string;
  readonly act: (client: UpsdkClient) => Promise<unknown>;
  /** The message, exactly, when worth pinning. */
  readonly msg?: string;
}

// Deliberately wrong values go through `never` casts: callers without types can send them.
const bad = <T>(value: unknown): T => value as T;
const place = { latitude: 30, longitude: 120, name: 'x' };
const noop = (): undefined => undefined;

const CASES: readonly BadInput[] = [
  {
    plugin: 'pay',
    field: 'tn',
    label: 'an empty tn',
    act: (c) => pay(c, { tn: '' }),
    msg: 'Expected `tn` to be a non-empty string, got ""',
  },
  {
    plugin: 'pay',
    field: 'tn',
    label: 'a missing tn',
    act: (c) => pay(c, bad({})),
    msg: 'Expected `tn` to be a non-empty string, got undefined',
  },
  { plugin: 'pay', field: 'tn', label: 'a numeric tn', act: (c) => pay(c, { tn: bad(2019) }) },
  {
    plugin: 'verifyPayPwd',
    field: 'transNo',
    label: 'an empty transNo',
    act: (c) => verifyPayPwd(c, { transNo: '' }),
  },
  {
    plugin: 'verifyPayPwd',
    field: 'bizType',
    label: 'an empty bizType',
    act: (c) => verifyPayPwd(c, { transNo: 'n', bizType: '' }),
  },
  {
    plugin: 'addBankCard',
    field: 'scene',
    label: 'an empty scene',
    act: (c) => addBankCard(c, { scene: '' }),
  },
  {
    plugin: 'setNavigationBarTitle',
    field: 'title',
    label: 'a non-string title',
    act: (c) => setNavigationBarTitle(c, { title: bad(7) }),
  },
  {
    plugin: 'showFlashInfo',
    field: 'msg',
    label: 'an empty msg (upsdk.js would drop it silently)',
    act: (c) => showFlashInfo(c, { msg: '' }),
  },
  {
    plugin: 'showSharePopup',
    field: 'shareUrl',
    label: 'a non-http shareUrl',
    act: (c) => showSharePopup(c, { shareUrl: 'ftp://example.com' }),
    msg: 'Expected `shareUrl` to be an absolute http(s) URL, got "ftp://example.com"',
  },
  {
    plugin: 'showSharePopup',
    field: 'shareUrl',
    label: 'a relative shareUrl',
    act: (c) => showSharePopup(c, { shareUrl: '/promo' }),
  },
  {
    plugin: 'showSharePopup',
    field: 'picUrl',
    label: 'a javascript: picUrl',
    act: (c) => showSharePopup(c, { picUrl: 'javascript:alert(1)' }),
  },
  {
    plugin: 'setNavigationBarRightButton',
    field: 'title',
    label: 'neither title nor image',
    act: (c) => setNavigationBarRightButton(c, {}),
  },
  {
    plugin: 'setNavigationBarRightButton',
    field: 'image',
    label: 'a non-http image',
    act: (c) => setNavigationBarRightButton(c, { image: 'data:x' }),
  },
  {
    plugin: 'setNavigationBarRightButton',
    field: 'onClick',
    label: 'an onClick that is not a function',
    act: (c) => setNavigationBarRightButton(c, { title: 't' }, bad('go')),
  },
  {
    plugin: 'monitorScreenShot',
    field: 'onScreenshot',
    label: 'a missing listener',
    act: (c) => monitorScreenShot(c, bad(undefined)),
  },
  {
    plugin: 'scanQRCode',
    field: 'scanType',
    label: 'an unknown scanType',
    act: (c) => scanQRCode(c, { scanType: bad(['qrCode', 'dataMatrix']) }),
  },
  {
    plugin: 'scanQRCode',
    field: 'scanType',
    label: 'an empty scanType',
    act: (c) => scanQRCode(c, { scanType: [] }),
  },
  {
    plugin: 'scanQRCode',
    field: 'scanType',
    label: 'a scanType that is not an array',
    act: (c) => scanQRCode(c, { scanType: bad('qrCode') }),
  },
  {
    plugin: 'scanQRCode',
    field: 'scanType',
    label: 'a repeated scanType',
    act: (c) => scanQRCode(c, { scanType: ['qrCode', 'qrCode'] }),
  },
  {
    plugin: 'chooseImage',
    field: 'maxWidth',
    label: 'a zero maxWidth',
    act: (c) => chooseImage(c, { maxWidth: 0 }),
    msg: 'Expected `maxWidth` to be a positive integer, got 0',
  },
  {
    plugin: 'chooseImage',
    field: 'maxWidth',
    label: 'a negative maxWidth',
    act: (c) => chooseImage(c, { maxWidth: -5, maxHeight: 10 }),
  },
  {
    plugin: 'chooseImage',
    field: 'maxHeight',
    label: 'a fractional maxHeight',
    act: (c) => chooseImage(c, { maxHeight: 1.5 }),
  },
  {
    plugin: 'chooseImage',
    field: 'maxHeight',
    label: 'a NaN maxHeight',
    act: (c) => chooseImage(c, { maxHeight: NaN }),
  },
  {
    plugin: 'chooseImage',
    field: 'sourceType',
    label: 'sourceType 4',
    act: (c) => chooseImage(c, { sourceType: bad(4) }),
    msg: 'Expected `sourceType` to be one of 1, 2, 3, "camera", "album", "any", got 4',
  },
  {
    plugin: 'chooseImage',
    field: 'sourceType',
    label: 'an unknown sourceType name',
    act: (c) => chooseImage(c, { sourceType: bad('front') }),
  },
  {
    plugin: 'setScreenBrightness',
    field: 'brightness',
    label: 'brightness above 1',
    act: (c) => setScreenBrightness(c, { brightness: 1.5 }),
    msg: 'Expected `brightness` to be a number in 0…1 with at most one decimal, got 1.5',
  },
  {
    plugin: 'setScreenBrightness',
    field: 'brightness',
    label: 'brightness below 0',
    act: (c) => setScreenBrightness(c, { brightness: -0.1 }),
  },
  {
    plugin: 'setScreenBrightness',
    field: 'brightness',
    label: 'brightness with two decimals',
    act: (c) => setScreenBrightness(c, { brightness: 0.25 }),
  },
  {
    plugin: 'setScreenBrightness',
    field: 'brightness',
    label: 'brightness NaN',
    act: (c) => setScreenBrightness(c, { brightness: NaN }),
  },
  {
    plugin: 'setScreenBrightness',
    field: 'brightness',
    label: 'brightness as a BigInt',
    act: (c) => setScreenBrightness(c, { brightness: bad(1n) }),
  },
  {
    plugin: 'setScreenBrightness',
    field: 'brightness',
    label: 'brightness as a string',
    act: (c) => setScreenBrightness(c, { brightness: bad('0.5') }),
  },
  {
    plugin: 'navi',
    field: 'from.latitude',
    label: 'a start latitude of 91',
    act: (c) => navi(c, { from: { ...place, latitude: 91 }, to: place }),
    msg: 'Expected `from.latitude` to be a finite number in -90…90, got 91',
  },
  {
    plugin: 'navi',
    field: 'from.longitude',
    label: 'a NaN start longitude',
    act: (c) => navi(c, { from: { ...place, longitude: NaN }, to: place }),
  },
  {
    plugin: 'navi',
    field: 'to.longitude',
    label: 'a destination longitude of 181',
    act: (c) => navi(c, { from: place, to: { ...place, longitude: 181 } }),
  },
  {
    plugin: 'navi',
    field: 'to.latitude',
    label: 'an infinite destination latitude',
    act: (c) => navi(c, { from: place, to: { ...place, latitude: Infinity } }),
  },
  {
    plugin: 'navi',
    field: 'to.latitude',
    label: 'a latitude given as a string',
    act: (c) => navi(c, { from: place, to: { ...place, latitude: bad('39.9') } }),
  },
  {
    plugin: 'navi',
    field: 'from.name',
    label: 'an empty start name',
    act: (c) => navi(c, { from: { ...place, name: '' }, to: place }),
  },
  { plugin: 'navi', field: 'from', label: 'a missing start', act: (c) => navi(c, bad({ to: place })) },
  {
    plugin: 'setTitleStyle',
    field: 'navBackgroundColor',
    label: 'a CSS colour',
    act: (c) => applet(c).setTitleStyle({ navBackgroundColor: '#ffffff' }),
  },
  {
    plugin: 'setTitleStyle',
    field: 'appletStyle',
    label: 'an unknown theme',
    act: (c) => applet(c).setTitleStyle({ appletStyle: bad('red') }),
  },
  {
    plugin: 'setTitleStyle',
    field: 'backBtnVisible',
    label: "a 'yes' flag",
    act: (c) => applet(c).setTitleStyle({ backBtnVisible: bad('yes') }),
  },
  {
    plugin: 'setTitleStyle',
    field: 'gradient.orient',
    label: 'an unknown gradient direction',
    act: (c) =>
      applet(c).setTitleStyle({
        gradient: { orient: bad('up'), startColor: '0x00000000', endColor: '0xFFFFFFFF' },
      }),
  },
  {
    plugin: 'setTitleStyle',
    field: 'gradient.endColor',
    label: 'a gradient without an end colour',
    act: (c) => applet(c).setTitleStyle({ gradient: bad({ orient: 'top', startColor: '0x00000000' }) }),
  },
  {
    plugin: 'openApplet',
    field: 'appId',
    label: 'an empty appId',
    act: (c) => applet(c).openApplet({ appId: '' }),
  },
  {
    plugin: 'openApplet',
    field: 'toLink',
    label: 'a non-http toLink',
    act: (c) => applet(c).openApplet({ appId: 'a', toLink: 'pages/index' }),
  },
  {
    plugin: 'openApplet',
    field: 'param.id',
    label: 'a non-string query value',
    act: (c) => applet(c).openApplet({ appId: 'a', param: bad({ id: 7 }) }),
  },
  {
    plugin: 'openApplet',
    field: 'isFinish',
    label: "an isFinish of '1'",
    act: (c) => applet(c).openApplet({ appId: 'a', isFinish: bad('1') }),
  },
  {
    plugin: 'createWebView',
    field: 'url',
    label: 'a URL without scheme',
    act: (c) => applet(c).createWebView({ url: 'example.com/help' }),
  },
  {
    plugin: 'saveData',
    field: 'key',
    label: 'an empty key',
    act: (c) => applet(c).saveData({ key: '', value: 'v' }),
  },
  {
    plugin: 'saveData',
    field: 'value',
    label: 'a non-string value',
    act: (c) => applet(c).saveData({ key: 'k', value: bad({ a: 1 }) }),
  },
  { plugin: 'queryData', field: 'key', label: 'an empty key', act: (c) => applet(c).queryData({ key: '' }) },
  {
    plugin: 'deleteData',
    field: 'key',
    label: 'an empty key',
    act: (c) => applet(c).deleteData({ key: '' }),
  },
  {
    plugin: 'addCommonApp',
    field: 'url',
    label: 'an empty url',
    act: (c) => applet(c).addCommonApp({ url: '' }),
  },
  {
    plugin: 'changeScreenShot',
    field: 'forbid',
    label: 'a string forbid',
    act: (c) => applet(c).changeScreenShot({ forbid: bad('true') }),
  },
  {
    plugin: 'navigateTo',
    field: 'params',
    label: 'params that are not an object',
    act: (c) => applet(c).navigateTo(bad('/pages/a')),
  },
];

describe('validation before the bridge', () => {
  for (const scenario of CASES) {
    it(`${scenario.plugin} rejects ${scenario.label} without calling the bridge`, async () => {
      const { sim, client } = setup();
      const error: unknown = await scenario.act(client).then(noop, (reason: unknown) => reason);
      expect(error).toBeInstanceOf(UpsdkError);
      const { code, plugin, msg } = error as UpsdkError;
      expect({ code, plugin }).toEqual({ code: 'invalid_param', plugin: scenario.plugin });
      expect(msg).toContain(`Expected \`${scenario.field}\` to be `);
      if (scenario.msg) expect(msg).toBe(scenario.msg);
      expect(sim.calls).toEqual([]);
    });
  }
});
