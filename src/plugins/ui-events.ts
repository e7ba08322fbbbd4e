/**
 * The listener-like plugins of the page: clicks on the right-hand title-bar
 * button (§6.6) and screenshots (§6.21), as `client.events` and as methods
 * returning an unsubscribe function.
 *
 * Neither has a vendor cancel in the spec, so stopping only detaches our
 * side: native delivery continues into a handler that drops it.
 */
import type { UpsdkCore } from '../client/client.js';
import { NativeEvents, type NativeEventSpecs } from '../events/native-events.js';
import { RightButton, type RightButtonInput, type Unsubscribe } from './page/right-button.js';
import type { CallControl } from './define.js';
import { callback, validated } from './validate.js';

/** Events of `client.events`, by payload (neither carries data). */
export type UiEvents = {
  /** The user tapped the right-hand title-bar button. */
  rightButtonClick: void;
  /** The user took a screenshot (iOS only). */
  screenshot: void;
};

const UI_EVENT_SPECS: NativeEventSpecs<UiEvents> = {
  rightButtonClick: {
    register: 'setNavigationBarRightButton',
    listenerKey: 'handler',
    expectAnswer: false,
    normalize: () => undefined,
  },
  screenshot: {
    register: 'monitorScreenShot',
    listenerKey: 'success',
    expectAnswer: false,
    normalize: () => undefined,
  },
};

/** Listener-style page methods and the events behind them. */
export interface UiListenerApi {
  /**
   * Typed events of the page: `rightButtonClick` and `screenshot`.
   * `on`/`off`/`once`, `await subscribe(event, fn)` → unsubscribe,
   * `iterate(event, {signal})` → async iterator.
   *
   * @example
   * ```ts
   * client.events.on('screenshot', () => console.log('screenshot taken'));
   * ```
   */
  readonly events: NativeEvents<UiEvents>;
  /**
   * Show the right-hand title-bar button (§6.6) with a text or an image and,
   * with `onClick`, listen to its clicks (also delivered as
   * `client.events`' `rightButtonClick`). Resolves once the call is handed
   * over (the bridge does not answer).
   *
   * upsdk cannot remove the button or its handler: the returned function
   * only detaches `onClick` on our side. Calling again changes the button.
   *
   * @returns a function that stops `onClick`.
   * @example
   * ```ts
   * const stop = await client.setNavigationBarRightButton({ title: '分享' }, () => client.showSharePopup());
   * await stop();
   * ```
   */
  setNavigationBarRightButton(
    button: RightButtonInput,
    onClick?: () => void,
    options?: CallControl,
  ): Promise<Unsubscribe>;
  /**
   * Call `onScreenshot` each time the user takes a screenshot (§6.21, iOS
   * only). Also available as `client.events`' `screenshot`.
   *
   * The spec has no cancel: the returned function detaches our listener,
   * native monitoring continues until the page goes (the newest upsdk.js
   * adds `removeScreenShot`, see `client.applet.removeScreenShot`).
   *
   * @example
   * ```ts
   * const stop = await client.monitorScreenShot(() => client.showFlashInfo({ msg: '请勿截屏' }));
   * await stop();
   * ```
   */
  monitorScreenShot(onScreenshot: () => void): Promise<Unsubscribe>;
}

/** Create the page's events and the listener-style methods on them. */
export function createUiListeners(core: UpsdkCore): UiListenerApi {
  const rightButton = new RightButton(core);
  const events = new NativeEvents<UiEvents>(rightButton.view, UI_EVENT_SPECS);
  return {
    events,
    setNavigationBarRightButton: (button, onClick, options) =>
      rightButton.set(events, button, onClick, options),
    monitorScreenShot: async (onScreenshot) => {
      const listener = validated('monitorScreenShot', () =>
        callback<() => void>('onScreenshot', onScreenshot),
      );
      return events.subscribe('screenshot', listener);
    },
  };
}
