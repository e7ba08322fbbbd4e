/**
 * The mini-program extras of the `upsdk` global whose parameters UnionPay
 * has published (mini-program docs and demos); part of upsdk.d.ts.
 */

declare namespace UpsdkRaw {
  /** Mini-program extras with public parameters (from UnionPay's mini-program docs and demos). */
  interface AppletPlugins {
    /** Settings are independent and accumulate. Colours are `0xAARRGGBB`; the gradient needs all three fields. */
    setTitleStyle(
      options: Call<{
        navBackgroundColor?: string;
        appletStyle?: 'black' | 'white';
        backBtnVisible?: Flag;
        appletTitleBarVisible?: Flag;
        appletTitleGradientOrient?: 'top' | 'bottom' | 'left' | 'right';
        appletTitleGradientStartColor?: string;
        appletTitleGradientEndColor?: string;
      }>,
    ): void;
    /** `fail` gets a bare code: '101' no appId, '102' no such mini-program. `toLink` needs app ≥ 9.0. */
    openApplet(
      options: Call<{ appId: string; param?: string; isFinish?: Flag; toLink?: string }, void, string>,
    ): void;
    /** Never calls back. */
    createWebView(options: { url: string; title?: string; isFinish?: Flag }): void;
    /** Params not public. */
    navigateTo(options?: Call<UnknownParams, unknown>): void;
    /** Params not public. */
    navigateBack(options?: Call<UnknownParams, unknown>): void;
    /** Params not public. */
    redirectTo(options?: Call<UnknownParams, unknown>): void;
    /** Params not public. */
    reLaunch(options?: Call<UnknownParams, unknown>): void;
    /** Params not public. */
    switchTab(options?: Call<UnknownParams, unknown>): void;
    saveData(options: Call<{ key: string; value: string }, { code?: string; msg?: string }>): void;
    queryData(
      options: Call<{ key: string }, { code?: string; msg?: string; key?: string; value?: string }>,
    ): void;
    deleteData(options: Call<{ key: string }, unknown>): void;
    /** Answer shape not public. */
    getAllKeys(options?: Call<NoParams, unknown>): void;
    deleteAllKeys(options?: Call<NoParams, unknown>): void;
    /** Params and answer not public. */
    getSystemInfo(options?: Call<UnknownParams, unknown>): void;
    /** Params not public. */
    vibrate(options?: Call<UnknownParams, unknown>): void;
    /** A login code for OAuth2 (§4). Failures seen as `{errcode, errmsg}`. */
    appletAuth(options?: Call<NoParams, { code: string }>): void;
    /** Success `{code:'00'}`; fail codes 01 already followed, 02 environment, 03 network, 04 cancelled, 05 other. */
    collectCurrentApplet(options?: Call<NoParams, { code: string }, CodeFailure>): void;
    /** Success 00 added / 01 replaced; fail 02 cancelled, 03 empty, 04 already there, 05 not logged in, 99 params. */
    addCommonApp(options: Call<{ url: string }, { code: string; msg: string }, CodeFailure>): void;
    /** `userLogoutDate`: ms since the epoch, as a string. */
    getUserLogoutDate(options?: Call<NoParams, { userLogoutDate: string }>): void;
    /** Android only. `switch: true` forbids screenshots (a real boolean). */
    changeScreenShot(options: Call<{ switch: boolean }>): void;
    /** Stops `monitorScreenShot` and removes its handler. */
    removeScreenShot(options?: Call<NoParams>): void;
  }
}
