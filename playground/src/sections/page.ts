/** Page plugins: title bar, toast, share sheet, the right-hand button and its clicks, screenshots, closing. */
import { action, actionForms } from '../actions.js';
import { button, buttons, optionalText, section } from '../dom.js';
import { logEvent, logNote, run } from '../log.js';
import type { Section } from '../context.js';
import { monitorScreenShot } from '../../../src/device.js';
import {
  closeWebApp,
  setNavigationBarRightButton,
  setNavigationBarTitle,
  showFlashInfo,
  showSharePopup,
} from '../../../src/page.js';

export const pageSection: Section = ({ client, sim }) => {
  // upsdk cannot remove the button's handler: keep one stop function and replace it on each set.
  let stopClicks: (() => Promise<void>) | undefined;
  let stopScreenshots: (() => Promise<void>) | undefined;
  return section(
    'page',
    'Page',
    'Title bar, toast, share sheet, the right-hand button (clicks arrive as events) and screenshots.',
    ...actionForms([
      action({
        id: 'setNavigationBarTitle',
        label: 'set title',
        fields: [{ name: 'title', value: 'upsdk-kit playground' }],
        run: ({ title }) => setNavigationBarTitle(client, { title: title ?? '' }),
      }),
      action({
        id: 'showFlashInfo',
        label: 'toast',
        fields: [{ name: 'msg', label: 'message', value: 'Hello from upsdk-kit' }],
        run: ({ msg }) => showFlashInfo(client, { msg: msg ?? '' }),
      }),
      action({
        id: 'showSharePopup',
        label: 'share',
        fields: [
          { name: 'title', value: 'upsdk-kit' },
          { name: 'desc', label: 'description', value: 'Typed upsdk for H5 pages' },
          { name: 'shareUrl', label: 'shareUrl (optional)', value: '' },
        ],
        run: ({ title, desc, shareUrl }) =>
          showSharePopup(client, { title, desc, shareUrl: optionalText(shareUrl) }),
      }),
      action({
        id: 'setNavigationBarRightButton',
        label: 'set right button',
        fields: [{ name: 'title', label: 'button text', value: 'Help' }],
        run: async ({ title }) => {
          const stop = await setNavigationBarRightButton(client, { title: optionalText(title) }, () =>
            logEvent('rightButtonClick'),
          );
          await stopClicks?.();
          stopClicks = stop;
        },
      }),
      action({
        id: 'monitorScreenShot',
        label: 'watch screenshots',
        run: async () => {
          await stopScreenshots?.();
          stopScreenshots = await monitorScreenShot(client, () => logEvent('screenshot'));
        },
      }),
    ]),
    buttons(
      button(
        'close-web-app',
        'close web view',
        () => void run('closeWebApp', () => closeWebApp(client)),
        'danger',
      ),
      sim &&
        button('sim-tap-right', 'sim: tap right button', () => {
          if (!sim.ui.clickRightButton()) logNote('no right button handler yet: set the button first');
        }),
      sim &&
        button('sim-screenshot', 'sim: take screenshot', () => {
          if (!sim.ui.takeScreenshot()) logNote('screenshot monitoring is off: watch screenshots first');
        }),
    ),
  );
};
