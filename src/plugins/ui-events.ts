/**
 * The listener-like plugins of the page: clicks on the right-hand title-bar
 * button (§6.6) and screenshots (§6.21), as `events(client)` and as functions
 * returning an unsubscribe function. Their
 * listener sets and the button state hang off the client in a `WeakMap`; the
 * emitter `events(client)` (ui-emitter.ts) shares them, so the two functions
 * here ship no eventemitter3.
 *
 * Neither has a vendor cancel in the spec, so stopping only detaches our
 * side: native delivery continues into a handler that drops it.
 */
import type { UpsdkClient } from '../client/client.js';
import { NativeSubscriptions, type NativeEventSpecs } from '../events/native-subscriptions.js';
import { RightButton, type RightButtonInput, type Unsubscribe } from './page/right-button.js';
import type { CallControl } from './define.js';
import { callback, validated } from './validate.js';

/** Events of `events(client)`, by payload (neither carries data). */
export type UiEvents = {
  /** The user tapped the right-hand title-bar button. */
  rightButtonClick: void;
  /** The user took a screenshot (iOS only). */
  screenshot: void;
};

/** How the page's events map onto their plugins (neither has a cancel). */
export const UI_EVENT_SPECS: NativeEventSpecs<UiEvents> = {
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

/** The page's native subscriptions and its button state, one pair per client, made on first use. */
export interface UiState {
  readonly hub: NativeSubscriptions<UiEvents>;
  readonly rightButton: RightButton;
}
const states = new WeakMap<UpsdkClient, UiState>();

/** The page's listener state of `client`. */
export function uiState(client: UpsdkClient): UiState {
  let state = states.get(client);
  if (!state) {
    const rightButton = new RightButton(client);
    state = { rightButton, hub: new NativeSubscriptions<UiEvents>(rightButton.view, UI_EVENT_SPECS) };
    states.set(client, state);
  }
  return state;
}

/**
 * Show the right-hand title-bar button (§6.6) with a text or an image and,
 * with `onClick`, listen to its clicks (also delivered as `events(client)`'
 * `rightButtonClick`). Resolves once the call is handed over (the bridge
 * does not answer).
 *
 * upsdk cannot remove the button or its handler: the returned function
 * only detaches `onClick` on our side. Calling again changes the button.
 *
 * @returns a function that stops `onClick`.
 * @example
 * ```ts
 * const stop = await setNavigationBarRightButton(client, { title: '分享' }, () => showSharePopup(client));
 * await stop();
 * ```
 */
export function setNavigationBarRightButton(
  client: UpsdkClient,
  button: RightButtonInput,
  onClick?: () => void,
  options?: CallControl,
): Promise<Unsubscribe> {
  const state = uiState(client);
  return state.rightButton.set(state.hub, button, onClick, options);
}

/**
 * Call `onScreenshot` each time the user takes a screenshot (§6.21, iOS
 * only). Also available as `events(client)`' `screenshot`.
 *
 * The spec has no cancel: the returned function detaches our listener,
 * native monitoring continues until the page goes (the newest upsdk.js
 * adds `removeScreenShot`, see `applet(client).removeScreenShot`).
 * `signal` aborts starting to monitor (the client's start-up included) and,
 * once monitoring, detaches the listener like the returned function.
 * `timeout` is every call's, but the bridge never answers this plugin, so
 * there is no answer to time: bound the start with `AbortSignal.timeout(ms)`.
 *
 * @example
 * ```ts
 * const stop = await monitorScreenShot(client, () => showFlashInfo(client, { msg: '请勿截屏' }));
 * await stop();
 * await monitorScreenShot(client, warnUser, { signal: AbortSignal.timeout(60_000) }); // for a minute
 * ```
 */
export async function monitorScreenShot(
  client: UpsdkClient,
  onScreenshot: () => void,
  options?: CallControl,
): Promise<Unsubscribe> {
  const listener = validated('monitorScreenShot', () => callback<() => void>('onScreenshot', onScreenshot));
  return uiState(client).hub.subscribe('screenshot', listener, options);
}
