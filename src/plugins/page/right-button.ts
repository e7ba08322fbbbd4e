/**
 * The right-hand title-bar button (§6.6). upsdk has one plugin for two
 * things: `setNavigationBarRightButton({title | image, handler})` draws the
 * button and hangs `handler` on the `rightbtnclick` document event,
 * replacing the previous one. There is no way to remove either.
 *
 * We keep the two apart: the button's look is page state, and clicks are the
 * `rightButtonClick` event of the page (`ui-events.ts`), whose registration
 * sends the current look with the handler. So registering never draws an
 * empty button and redrawing never drops the click listener.
 */
import type { UpsdkClient } from '../../client/client.js';
import type { CallControl } from '../define.js';
import { drawButton, join, registerClicks, uiState, type Look, type Unsubscribe } from '../ui-events.js';
import { callback, fail, httpUrl, optional, text, validated } from '../../shared/validate.js';

export type { Unsubscribe };

/** What the button shows: `title` wins when both are given (as in the app). */
export interface RightButtonInput {
  /** Button text. */
  readonly title?: string | undefined;
  /** Absolute http(s) URL of the button image. */
  readonly image?: string | undefined;
}

const PLUGIN = 'setNavigationBarRightButton';

function toLook(input: RightButtonInput | undefined): Look {
  const title = optional('title', input?.title, text);
  const image = optional('image', input?.image, httpUrl);
  if (title === undefined && image === undefined) {
    fail('title', 'a non-empty string (or `image` an http(s) URL)', undefined);
  }
  return { title, image };
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
export async function setNavigationBarRightButton(
  client: UpsdkClient,
  button: RightButtonInput,
  onClick?: () => void,
  options?: CallControl,
): Promise<Unsubscribe> {
  const [look, listener] = validated(PLUGIN, () => [
    toLook(button),
    optional('onClick', onClick, callback<() => void>),
  ]);
  const state = uiState(client);
  state.look = look;
  // The first click listener's registration draws the button (with the handler); else draw it here.
  const registered = state.rightButtonClick.native;
  const stop = listener
    ? await join(state, 'rightButtonClick', listener, registerClicks, options)
    : () => Promise.resolve();
  if (!listener || registered) {
    try {
      await drawButton(state, options);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return stop;
}
