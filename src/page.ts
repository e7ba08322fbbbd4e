/** `upsdk-kit/page`: the title bar, toast, share sheet, closing the page (spec §6.5, §6.6, §6.9, §6.10, §6.14). */
export { setNavigationBarTitle, showFlashInfo, showSharePopup, closeWebApp } from './plugins/page/index.js';
export type { ShareInput } from './plugins/page/index.js';
export { setNavigationBarRightButton } from './plugins/page/right-button.js';
export type { RightButtonInput, Unsubscribe } from './plugins/page/right-button.js';
