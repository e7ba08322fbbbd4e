/** Wire shapes of the page plugins (§6.5, §6.6, §6.9–§6.11). Type-only: the core's typed `call` reads them without importing the family. */

/** Wire shapes of the page plugins, as `client.call` sends them. */
export interface PagePluginMap {
  setNavigationBarTitle: { params: { title: string }; result: void };
  setNavigationBarRightButton: {
    params: { title?: string | undefined; image?: string | undefined };
    result: void;
  };
  closeWebApp: { params: Record<string, never>; result: void };
  showFlashInfo: { params: { msg: string }; result: void };
  showSharePopup: {
    params: {
      title?: string | undefined;
      desc?: string | undefined;
      shareUrl?: string | undefined;
      picUrl?: string | undefined;
    };
    result: void;
  };
}
