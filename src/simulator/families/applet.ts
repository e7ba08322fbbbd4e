/**
 * Simulated mini-program extras. Where the real answer's shape is not
 * public (getAllKeys, getSystemInfo, the page-stack plugins) the simulator
 * answers with a stand-in of its own, marked as such.
 */
import { simulatedAppletCode } from '../open-platform-user.js';
import { ok, silent, type PluginBehaviours } from '../family.js';
import type { ListenerRegistry } from '../listeners.js';
import { param, UI_DOCUMENT_EVENTS, type UiState } from './ui-state.js';
import { textOf } from '../../shared/text-of.js';

const OK_CODE = { code: '00', msg: 'ok' };

function storageBehaviours(state: UiState): PluginBehaviours {
  const withKey =
    (action: (key: string, options: Record<string, unknown>) => unknown): PluginBehaviours[string] =>
    (options) => {
      const key = param(options, 'key');
      return key === undefined ? { fail: { code: '99', msg: 'key is required' } } : ok(action(key, options));
    };
  return {
    saveData: withKey((key, options) => (state.storage.set(key, textOf(options.value ?? '')), OK_CODE)),
    queryData: withKey((key) => ({ ...OK_CODE, key, value: state.storage.get(key) })),
    deleteData: withKey((key) => (state.storage.delete(key), OK_CODE)),
    getAllKeys: () => ok({ ...OK_CODE, keys: [...state.storage.keys()] }), // stand-in shape
  };
}

function pageStackBehaviours(): PluginBehaviours {
  const names = ['navigateTo', 'navigateBack', 'redirectTo', 'reLaunch', 'switchTab', 'vibrate'];
  return Object.fromEntries(names.map((name) => [name, () => ok()]));
}

export function appletBehaviours(state: UiState, listeners: ListenerRegistry): PluginBehaviours {
  return {
    ...storageBehaviours(state),
    ...pageStackBehaviours(),
    setTitleStyle: (options) => {
      for (const [key, value] of Object.entries(options))
        if (typeof value === 'string') state.titleStyle[key] = value;
      return ok();
    },
    // Failures are bare codes: 101 no appId, 102 no such mini-program.
    openApplet: (options) => {
      const appId = param(options, 'appId');
      if (!appId) return { fail: '101' };
      state.opened.push(appId);
      return ok();
    },
    createWebView: (options) => {
      if (param(options, 'url')) state.opened.push(String(options.url));
      return silent;
    },
    getSystemInfo: (_options, context) => ok({ platform: context.platform }), // stand-in shape
    // A code the fake open platform accepts once, so the whole login runs end to end.
    appletAuth: () => ok({ code: simulatedAppletCode() }),
    collectCurrentApplet: () => ok({ code: '00' }),
    addCommonApp: (options) =>
      param(options, 'url') ? ok({ code: '00', msg: '添加成功' }) : { fail: { code: '99', msg: '参数错误' } },
    getUserLogoutDate: () =>
      ok(state.userLogoutDate === undefined ? {} : { userLogoutDate: String(state.userLogoutDate) }),
    changeScreenShot: (options) => {
      state.screenshotsForbidden = options.switch === true;
      return ok();
    },
    // upsdk.js removes its screenshot listener here; native stops reporting.
    removeScreenShot: () => {
      listeners.cancel(UI_DOCUMENT_EVENTS.screenshot);
      return ok();
    },
  };
}
