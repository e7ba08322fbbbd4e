/** Page plugins: title bar, toast, share sheet, the right-hand button and its clicks, screenshots, closing. */
import { action, actionForms } from '../actions.js';
import { button, buttons, optionalText, section, subheading } from '../dom.js';
import { appScreen } from './app-screen.js';
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
  // In simulator mode there is no app around the page: draw what it would show.
  const screen = sim && appScreen(sim.ui);
  return section(
    'page',
    'Page',
    'Title bar, toast, share sheet, the right-hand button (clicks arrive as events) and screenshots.',
    screen && subheading('What the app shows (simulated)'),
    screen && screen.element,
    ...actionForms(
      [
        action({
          id: 'setNavigationBarTitle',
          label: 'set title',
          fields: [{ name: 'title', value: 'upsdk-kit playground' }],
          run: ({ title }, signal) => setNavigationBarTitle(client, { title: title ?? '' }, { signal }),
        }),
        action({
          id: 'showFlashInfo',
          label: 'toast',
          fields: [{ name: 'msg', label: 'message', value: 'Hello from upsdk-kit' }],
          run: ({ msg }, signal) => showFlashInfo(client, { msg: msg ?? '' }, { signal }),
        }),
        action({
          id: 'showSharePopup',
          label: 'share',
          fields: [
            { name: 'title', value: 'upsdk-kit' },
            { name: 'desc', label: 'description', value: 'Typed upsdk for H5 pages' },
            { name: 'shareUrl', label: 'shareUrl (optional)', value: '' },
          ],
          run: ({ title, desc, shareUrl }, signal) =>
            showSharePopup(client, { title, desc, shareUrl: optionalText(shareUrl) }, { signal }),
        }),
        action({
          id: 'setNavigationBarRightButton',
          label: 'set right button',
          fields: [{ name: 'title', label: 'button text', value: 'Help' }],
          run: async ({ title }, signal) => {
            const stop = await setNavigationBarRightButton(
              client,
              { title: optionalText(title) },
              () => logEvent('rightButtonClick'),
              { signal },
            );
            await stopClicks?.();
            stopClicks = stop;
          },
        }),
        action({
          id: 'monitorScreenShot',
          label: 'watch screenshots',
          // monitorScreenShot takes no CallControl: the pending row's cancel only stops waiting for it.
          run: async () => {
            await stopScreenshots?.();
            stopScreenshots = await monitorScreenShot(client, () => logEvent('screenshot'));
          },
        }),
      ],
      undefined,
      screen ? screen.refresh : undefined,
    ),
    buttons(
      button(
        'close-web-app',
        'close web view',
        (self) =>
          void run('closeWebApp', (signal) => closeWebApp(client, { signal }), self).then(() =>
            screen?.refresh(),
          ),
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
