/**
 * `applet(client)`: the mini-program extras (plugins of the newest upsdk.js
 * beyond spec §6). Most need a UnionPay mini-program (`mode: 'applet'`);
 * in an H5 page they answer `c02` unless your appId is permitted.
 */
import type { UpsdkClient } from '../../client/client.js';
import { bindPlugins, type CallControl } from '../define.js';
import { perClient } from '../per-client.js';
import type { AppletParams } from '../../client/wire/applet.js';
import {
  appletPlugins,
  type CreateWebViewInput,
  type OpenAppletInput,
  type TitleStyleInput,
} from './plugins.js';

/**
 * The mini-program extras. Where UnionPay has not published a plugin's
 * parameters (`navigateTo`, `navigateBack`, `redirectTo`, `reLaunch`,
 * `switchTab`, `getSystemInfo`, `vibrate`) the method takes any object, passes
 * it on unchanged and resolves with the raw answer (`unknown`).
 */
export interface AppletApi {
  /**
   * Style the mini-program title bar; settings accumulate across calls.
   *
   * @example
   * ```ts
   * await applet(client).setTitleStyle({ appletStyle: 'white', backBtnVisible: false });
   * ```
   */
  setTitleStyle(input: TitleStyleInput, options?: CallControl): Promise<void>;
  /**
   * Open another mini-program. Rejects with code `101` (no appId) or `102` (not found).
   *
   * @example
   * ```ts
   * await applet(client).openApplet({ appId: '2618afce47553ed3', param: { from: 'home' } });
   * ```
   */
  openApplet(input: OpenAppletInput, options?: CallControl): Promise<void>;
  /**
   * Open a URL in a new web view. The bridge never answers: resolves after hand-over.
   *
   * @example
   * ```ts
   * await applet(client).createWebView({ url: 'https://example.com/help', isFinish: true });
   * ```
   */
  createWebView(input: CreateWebViewInput, options?: CallControl): Promise<void>;
  /** Page stack: push a page. Parameters are not public; passed on as given. @example `await applet(client).navigateTo({ url: '/pages/detail' })` */
  navigateTo(params?: AppletParams, options?: CallControl): Promise<unknown>;
  /** Page stack: go back. Parameters are not public. @example `await applet(client).navigateBack()` */
  navigateBack(params?: AppletParams, options?: CallControl): Promise<unknown>;
  /** Page stack: replace this page. Parameters are not public. @example `await applet(client).redirectTo({ url })` */
  redirectTo(params?: AppletParams, options?: CallControl): Promise<unknown>;
  /** Page stack: reset to one page. Parameters are not public. @example `await applet(client).reLaunch({ url })` */
  reLaunch(params?: AppletParams, options?: CallControl): Promise<unknown>;
  /** Switch to a tab page. Parameters are not public. @example `await applet(client).switchTab({ url })` */
  switchTab(params?: AppletParams, options?: CallControl): Promise<unknown>;
  /**
   * Store a string under `key` in the mini-program's storage.
   *
   * @example
   * ```ts
   * await applet(client).saveData({ key: 'draft', value: JSON.stringify(draft) });
   * ```
   */
  saveData(input: { readonly key: string; readonly value: string }, options?: CallControl): Promise<void>;
  /**
   * The string stored under `key`, or `undefined`.
   *
   * @example
   * ```ts
   * const draft = await applet(client).queryData({ key: 'draft' });
   * ```
   */
  queryData(input: { readonly key: string }, options?: CallControl): Promise<string | undefined>;
  /** Remove `key`. @example `await applet(client).deleteData({ key: 'draft' })` */
  deleteData(input: { readonly key: string }, options?: CallControl): Promise<void>;
  /** Every stored key; the answer's shape is not public, so it is returned raw. @example `const raw = await applet(client).getAllKeys()` */
  getAllKeys(options?: CallControl): Promise<unknown>;
  /** Device and app information; shape not public, returned raw. @example `const info = await applet(client).getSystemInfo()` */
  getSystemInfo(params?: AppletParams, options?: CallControl): Promise<unknown>;
  /** Vibrate the phone. Parameters are not public. @example `await applet(client).vibrate()` */
  vibrate(params?: AppletParams, options?: CallControl): Promise<unknown>;
  /**
   * A login code for your server to exchange for the user's identity
   * (OAuth2, §4). Default timeout 10 minutes (the user may be asked).
   *
   * @example
   * ```ts
   * const code = await applet(client).appletAuth();
   * await fetch('/login', { method: 'POST', body: JSON.stringify({ code }) });
   * ```
   */
  appletAuth(options?: CallControl): Promise<string>;
  /**
   * Ask the user to follow this mini-program. Rejects with `01` already
   * followed, `04` cancelled, …. Default timeout 10 minutes.
   *
   * @example
   * ```ts
   * await applet(client).collectCurrentApplet();
   * ```
   */
  collectCurrentApplet(options?: CallControl): Promise<void>;
  /**
   * Add an app (its entry URL as configured on the platform) to the user's
   * home page. Resolves `{replaced: true}` when it replaced one because the
   * home page was full. Default timeout 10 minutes.
   *
   * @example
   * ```ts
   * const { replaced } = await applet(client).addCommonApp({ url: 'https://example.com/applet' });
   * ```
   */
  addCommonApp(
    input: { readonly url: string },
    options?: CallControl,
  ): Promise<{ readonly replaced: boolean }>;
  /**
   * When the user last logged out, or `undefined` when the app gave no date.
   *
   * @example
   * ```ts
   * const at = await applet(client).getUserLogoutDate();
   * ```
   */
  getUserLogoutDate(options?: CallControl): Promise<Date | undefined>;
  /**
   * Forbid (`true`) or allow screenshots (Android only; sent as `switch`).
   *
   * @example
   * ```ts
   * await applet(client).changeScreenShot({ forbid: true });
   * ```
   */
  changeScreenShot(input: { readonly forbid: boolean }, options?: CallControl): Promise<void>;
  /**
   * Stop native screenshot monitoring (iOS; newest upsdk.js only) and detach
   * its handler. Listeners of `events(client)`' `screenshot` stay attached but
   * hear nothing until all are removed and one is added again (which
   * registers anew).
   *
   * @example
   * ```ts
   * await applet(client).removeScreenShot();
   * ```
   */
  removeScreenShot(options?: CallControl): Promise<void>;
}

/**
 * The mini-program extras of `client` (setTitleStyle, openApplet, navigateTo,
 * saveData, appletAuth, …); the same object on every call.
 *
 * @example
 * ```ts
 * import { applet } from 'upsdk-kit/applet';
 * await applet(client).openApplet({ appId: '2618afce47553ed3' });
 * ```
 */
export const applet: (client: UpsdkClient) => AppletApi = /* @__PURE__ */ perClient('applet', (client) =>
  bindPlugins(client, appletPlugins),
);
