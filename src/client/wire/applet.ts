/** Wire shapes of the mini-program extras (beyond spec §6). Type-only: the core's typed `call` reads them without importing the family. */

/** Params of an extra whose fields are not public: any object, passed on as given. */
export type AppletParams = Readonly<Record<string, unknown>>;

/** Wire shapes of the extras, as `client.call` sends them. */
export interface AppletPluginMap {
  setTitleStyle: {
    params: {
      navBackgroundColor?: string | undefined;
      appletStyle?: 'black' | 'white' | undefined;
      backBtnVisible?: '0' | '1' | undefined;
      appletTitleBarVisible?: '0' | '1' | undefined;
      appletTitleGradientOrient?: 'top' | 'bottom' | 'left' | 'right' | undefined;
      appletTitleGradientStartColor?: string | undefined;
      appletTitleGradientEndColor?: string | undefined;
    };
    result: void;
  };
  /** Fails with a bare code: `'101'` appId empty, `'102'` no such mini-program. */
  openApplet: {
    params: {
      appId: string;
      param?: string | undefined;
      isFinish?: '0' | '1' | undefined;
      toLink?: string | undefined;
    };
    result: void;
  };
  /** No callbacks: upsdk.js sends `{title, url, isFinish}` natively and never answers. */
  createWebView: {
    params: { url: string; title?: string | undefined; isFinish?: '0' | '1' | undefined };
    result: void;
  };
  navigateTo: { params: AppletParams; result: unknown };
  navigateBack: { params: AppletParams; result: unknown };
  redirectTo: { params: AppletParams; result: unknown };
  reLaunch: { params: AppletParams; result: unknown };
  switchTab: { params: AppletParams; result: unknown };
  saveData: {
    params: { key: string; value: string };
    result: { code?: string | undefined; msg?: string | undefined } | undefined;
  };
  queryData: {
    params: { key: string };
    result: {
      code?: string | undefined;
      msg?: string | undefined;
      key?: string | undefined;
      value?: string | undefined;
    };
  };
  deleteData: { params: { key: string }; result: unknown };
  getAllKeys: { params: Record<string, never>; result: unknown };
  getSystemInfo: { params: AppletParams; result: unknown };
  vibrate: { params: AppletParams; result: unknown };
  appletAuth: { params: Record<string, never>; result: { code: string } };
  /** Fails with `{code, msg}`: 01 already followed, 02 wrong environment, 03 network, 04 user cancelled, 05 other. */
  collectCurrentApplet: { params: Record<string, never>; result: { code: string } | undefined };
  /** Success `{code:'00'}` added, `{code:'01'}` replaced one; fails 02 cancelled, 03 empty, 04 exists, 05 login, 99 params. */
  addCommonApp: { params: { url: string }; result: { code: string; msg?: string | undefined } };
  /** `userLogoutDate`: milliseconds since the epoch, as a string. */
  getUserLogoutDate: { params: Record<string, never>; result: { userLogoutDate?: string | undefined } };
  /** Android only. `switch: true` forbids screenshots (a real boolean on the wire). */
  changeScreenShot: { params: { switch: boolean }; result: void };
  removeScreenShot: { params: Record<string, never>; result: void };
}
