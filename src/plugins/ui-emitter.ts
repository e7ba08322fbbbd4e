/**
 * `events(client)`: the page's listener plugins as a typed eventemitter3
 * emitter. It shares the client's native subscriptions with
 * `setNavigationBarRightButton` and `monitorScreenShot`, so a click or a
 * screenshot reaches both, and one native registration serves all.
 */
import type { UpsdkClient } from '../client/client.js';
import { NativeEvents } from '../events/native-events.js';
import { perClient } from './per-client.js';
import { UI_EVENT_SPECS, uiState, type UiEvents } from './ui-events.js';

/**
 * Typed events of the page: `rightButtonClick` and `screenshot`, one
 * emitter per client. `on`/`off`/`once`, `await subscribe(event, fn)` →
 * unsubscribe, `iterate(event, {signal})` → async iterator.
 *
 * @example
 * ```ts
 * import { events } from 'upsdk-kit/events';
 * events(client).on('screenshot', () => console.log('screenshot taken'));
 * ```
 */
export const events: (client: UpsdkClient) => NativeEvents<UiEvents> = /* @__PURE__ */ perClient(
  'events',
  (client) => {
    const { rightButton, hub } = uiState(client);
    return new NativeEvents<UiEvents>(rightButton.view, UI_EVENT_SPECS, hub);
  },
);
