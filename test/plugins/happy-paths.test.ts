/**
 * Every typed plugin through the simulator: the exact params the bridge
 * received and the normalized result. One named test per plugin (and per
 * platform where the answer differs).
 */
import { describe, expect, it } from 'vitest';
import type { UpsdkClient } from '../../src/index.js';
import type { SimulatedPlatform, Simulator } from '../../src/simulator/index.js';
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

interface HappyCase {
  /** The raw plugin the method calls. */
  readonly plugin: string;
  /** What the test shows, after the plugin name. */
  readonly label: string;
  readonly platform?: SimulatedPlatform;
  /** Script the simulated user first. */
  readonly arrange?: (sim: Simulator) => void;
  readonly act: (client: UpsdkClient) => Promise<unknown>;
  /** Exactly what the bridge received (callbacks excluded). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The normalized result. */
  readonly result: unknown;
  /** What the simulated page shows afterwards. */
  readonly observe?: (sim: Simulator) => void;
}

const from = { latitude: 31.23958, longitude: 121.499763, name: '上海东方明珠' };
const to = { latitude: 39.917854, longitude: 116.397006, name: '北京故宫' };

const SPEC_CASES: readonly HappyCase[] = [
  {
    plugin: 'pay',
    label: 'sends tn',
    act: (c) => pay(c, { tn: '201904251506190312458' }),
    params: { tn: '201904251506190312458' },
    result: undefined,
  },
  {
    plugin: 'verifyPayPwd',
    label: 'sends transNo and bizType',
    act: (c) => verifyPayPwd(c, { transNo: 'SEQ-1', bizType: '01' }),
    params: { transNo: 'SEQ-1', bizType: '01' },
    result: undefined,
  },
  {
    plugin: 'addBankCard',
    label: 'sends nothing by default',
    act: (c) => addBankCard(c),
    params: {},
    result: undefined,
  },
  {
    plugin: 'addBankCard',
    label: 'sends scene when given',
    act: (c) => addBankCard(c, { scene: '10008' }),
    params: { scene: '10008' },
    result: undefined,
  },
  {
    plugin: 'setNavigationBarTitle',
    label: 'sends the title',
    act: (c) => setNavigationBarTitle(c, { title: '订单详情' }),
    params: { title: '订单详情' },
    result: undefined,
    observe: (sim) => expect(sim.ui.title).toBe('订单详情'),
  },
  {
    plugin: 'closeWebApp',
    label: 'sends nothing',
    act: (c) => closeWebApp(c),
    params: {},
    result: undefined,
    observe: (sim) => expect(sim.ui.closed).toBe(true),
  },
  {
    plugin: 'showFlashInfo',
    label: 'sends the message',
    act: (c) => showFlashInfo(c, { msg: '绑定银行卡成功' }),
    params: { msg: '绑定银行卡成功' },
    result: undefined,
    observe: (sim) => expect(sim.ui.toasts).toEqual(['绑定银行卡成功']),
  },
  {
    plugin: 'showSharePopup',
    label: 'sends the share fields',
    act: (c) =>
      showSharePopup(c, {
        title: 'T',
        desc: 'D',
        shareUrl: 'https://youhui.95516.com',
        picUrl: 'https://x.cn/p.png',
      }),
    params: { title: 'T', desc: 'D', shareUrl: 'https://youhui.95516.com', picUrl: 'https://x.cn/p.png' },
    result: undefined,
  },
  {
    plugin: 'setNavigationBarRightButton',
    label: 'sends the title and resolves with an unsubscribe function',
    act: (c) => setNavigationBarRightButton(c, { title: '分享' }),
    params: { title: '分享' },
    result: expect.any(Function),
    observe: (sim) => expect(sim.ui.rightButton).toEqual({ title: '分享' }),
  },
  {
    plugin: 'scanQRCode',
    label: 'sends scanType and resolves with the text',
    arrange: (sim) => (sim.ui.scanResult = 'https://qr.95516.com/00010000/42'),
    act: (c) => scanQRCode(c, { scanType: ['qrCode', 'barCode'] }),
    params: { scanType: ['qrCode', 'barCode'] },
    result: 'https://qr.95516.com/00010000/42',
  },
  {
    plugin: 'chooseImage',
    label: 'sends sizes and source as strings and resolves with the image',
    arrange: (sim) => (sim.ui.image = { base64: 'R0lGODlhAQABAAAAACw=', type: 'gif' }),
    act: (c) => chooseImage(c, { maxWidth: 800, maxHeight: 600, sourceType: 'camera' }),
    params: { maxWidth: '800', maxHeight: '600', sourceType: '1' },
    result: expect.objectContaining({ base64: 'R0lGODlhAQABAAAAACw=', type: 'gif' }),
  },
  {
    plugin: 'getLocationCity',
    label: 'resolves with the city code',
    arrange: (sim) => (sim.ui.city = '440100'),
    act: (c) => getLocationCity(c),
    params: {},
    result: '440100',
  },
  {
    plugin: 'getLocationGps',
    label: 'resolves with numbers from the Android JSON string',
    platform: 'android',
    arrange: (sim) => (sim.ui.position = { latitude: 39.917854, longitude: 116.397006 }),
    act: (c) => getLocationGps(c),
    params: {},
    result: { latitude: 39.917854, longitude: 116.397006 },
  },
  {
    plugin: 'getLocationGps',
    label: 'resolves with numbers from the iOS object',
    platform: 'ios',
    arrange: (sim) => (sim.ui.position = { latitude: -33.5, longitude: -70.25 }),
    act: (c) => getLocationGps(c),
    params: {},
    result: { latitude: -33.5, longitude: -70.25 },
  },
  {
    plugin: 'navi',
    label: 'sends both places with coordinates as strings',
    act: (c) => navi(c, { from, to }),
    params: {
      sLat: '31.23958',
      sLon: '121.499763',
      sName: '上海东方明珠',
      dLat: '39.917854',
      dLon: '116.397006',
      dName: '北京故宫',
    },
    result: undefined,
  },
  {
    plugin: 'getScreenBrightness',
    label: 'resolves with a number',
    arrange: (sim) => (sim.ui.brightness = 0.7),
    act: (c) => getScreenBrightness(c),
    params: {},
    result: 0.7,
  },
  {
    plugin: 'setScreenBrightness',
    label: 'sends one decimal as a string',
    act: (c) => setScreenBrightness(c, { brightness: 0.3 }),
    params: { brightness: '0.3' },
    result: undefined,
    observe: (sim) => expect(sim.ui.brightness).toBe(0.3),
  },
  {
    plugin: 'monitorScreenShot',
    label: 'registers without params and resolves with an unsubscribe function',
    act: (c) => monitorScreenShot(c, () => undefined),
    params: {},
    result: expect.any(Function),
  },
];

const APPLET_CASES: readonly HappyCase[] = [
  {
    plugin: 'setTitleStyle',
    label: 'sends flags as 0/1 and the gradient flattened',
    act: (c) =>
      applet(c).setTitleStyle({
        appletStyle: 'white',
        backBtnVisible: false,
        appletTitleBarVisible: true,
        navBackgroundColor: '0xFF1F1D1C',
        gradient: { orient: 'top', startColor: '0x8FFFFFFF', endColor: '0x88888888' },
      }),
    params: {
      appletStyle: 'white',
      backBtnVisible: '0',
      appletTitleBarVisible: '1',
      navBackgroundColor: '0xFF1F1D1C',
      appletTitleGradientOrient: 'top',
      appletTitleGradientStartColor: '0x8FFFFFFF',
      appletTitleGradientEndColor: '0x88888888',
    },
    result: undefined,
  },
  {
    plugin: 'openApplet',
    label: 'sends the query string and isFinish as 1',
    act: (c) =>
      applet(c).openApplet({ appId: '2618afce47553ed3', param: { from: 'home', id: '7' }, isFinish: true }),
    params: { appId: '2618afce47553ed3', param: 'from=home&id=7', isFinish: '1' },
    result: undefined,
    observe: (sim) => expect(sim.ui.opened).toEqual(['2618afce47553ed3']),
  },
  {
    plugin: 'createWebView',
    label: 'sends the url and isFinish as 0',
    act: (c) => applet(c).createWebView({ url: 'https://example.com/help', isFinish: false }),
    params: { url: 'https://example.com/help', isFinish: '0' },
    result: undefined,
  },
  ...(['navigateTo', 'navigateBack', 'redirectTo', 'reLaunch', 'switchTab'] as const).map(
    (name): HappyCase => ({
      plugin: name,
      label: 'passes the params on unchanged',
      act: (c) => applet(c)[name]({ url: '/pages/detail?id=1', delta: 1 }),
      params: { url: '/pages/detail?id=1', delta: 1 },
      result: undefined,
    }),
  ),
  {
    plugin: 'saveData',
    label: 'sends key and value',
    act: (c) => applet(c).saveData({ key: 'draft', value: '{"a":1}' }),
    params: { key: 'draft', value: '{"a":1}' },
    result: undefined,
    observe: (sim) => expect(sim.ui.storage.get('draft')).toBe('{"a":1}'),
  },
  {
    plugin: 'queryData',
    label: 'resolves with the stored value',
    arrange: (sim) => sim.ui.storage.set('draft', 'v1'),
    act: (c) => applet(c).queryData({ key: 'draft' }),
    params: { key: 'draft' },
    result: 'v1',
  },
  {
    plugin: 'deleteData',
    label: 'sends the key',
    arrange: (sim) => sim.ui.storage.set('draft', 'v1'),
    act: (c) => applet(c).deleteData({ key: 'draft' }),
    params: { key: 'draft' },
    result: undefined,
    observe: (sim) => expect(sim.ui.storage.has('draft')).toBe(false),
  },
  {
    plugin: 'getAllKeys',
    label: 'resolves with the raw answer',
    arrange: (sim) => sim.ui.storage.set('a', '1'),
    act: (c) => applet(c).getAllKeys(),
    params: {},
    result: { code: '00', msg: 'ok', keys: ['a'] },
  },
  {
    plugin: 'getSystemInfo',
    label: 'resolves with the raw answer',
    act: (c) => applet(c).getSystemInfo(),
    params: {},
    result: { platform: 'android' },
  },
  {
    plugin: 'vibrate',
    label: 'sends nothing by default',
    act: (c) => applet(c).vibrate(),
    params: {},
    result: undefined,
  },
  {
    plugin: 'appletAuth',
    label: 'resolves with the code',
    act: (c) => applet(c).appletAuth(),
    params: {},
    result: expect.stringMatching(/^applet\+[A-Za-z0-9]{16}$/),
  },
  {
    plugin: 'collectCurrentApplet',
    label: 'resolves with nothing',
    act: (c) => applet(c).collectCurrentApplet(),
    params: {},
    result: undefined,
  },
  {
    plugin: 'addCommonApp',
    label: 'sends the url and resolves replaced false',
    act: (c) => applet(c).addCommonApp({ url: 'https://example.com/applet' }),
    params: { url: 'https://example.com/applet' },
    result: { replaced: false },
  },
  {
    plugin: 'getUserLogoutDate',
    label: 'resolves with a Date',
    arrange: (sim) => (sim.ui.userLogoutDate = 1611566646395),
    act: (c) => applet(c).getUserLogoutDate(),
    params: {},
    result: new Date(1611566646395),
  },
  {
    plugin: 'changeScreenShot',
    label: 'sends forbid as the boolean switch',
    act: (c) => applet(c).changeScreenShot({ forbid: true }),
    params: { switch: true },
    result: undefined,
    observe: (sim) => expect(sim.ui.screenshotsForbidden).toBe(true),
  },
  {
    plugin: 'removeScreenShot',
    label: 'sends nothing',
    act: (c) => applet(c).removeScreenShot(),
    params: {},
    result: undefined,
  },
];

function runCases(cases: readonly HappyCase[]): void {
  for (const scenario of cases) {
    it(`${scenario.plugin} ${scenario.label}`, async () => {
      const { sim, client } = setup({ platform: scenario.platform ?? 'android' });
      scenario.arrange?.(sim);
      const result = await scenario.act(client);
      const calls = sim.callsOf(scenario.plugin);
      expect(calls).toHaveLength(1);
      expect(calls[0]!.params).toEqual(scenario.params);
      expect(result).toEqual(scenario.result);
      scenario.observe?.(sim);
    });
  }
}

describe('spec §6 plugins: raw params and normalized results', () => runCases(SPEC_CASES));
describe('mini-program extras: raw params and normalized results', () => runCases(APPLET_CASES));
