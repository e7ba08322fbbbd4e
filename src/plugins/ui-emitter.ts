/**
 * `events(client)`: the page's listener plugins as a typed eventemitter3
 * emitter. It listens through the page's own listener sets (ui-events.ts),
 * like `setNavigationBarRightButton` and `monitorScreenShot`, so a click or a
 * screenshot reaches all of them and one native registration serves all.
 */
import type { UpsdkClient } from '../client/client.js';
import { withCall } from '../client/untyped-call.js';
import { NativeEvents, type NativeEventSpecs } from '../events/native-events.js';
import { perClient } from './per-client.js';
import {
  join,
  registerClicks,
  registerScreenshots,
  uiState,
  type UiEvents,
  type Unsubscribe,
} from './ui-events.js';

/**
 * The emitter's "native" side is the page's listener sets: its register call
 * joins them and its cancel call (the same plugin, sent without a listener)
 * leaves them. Neither reaches the bridge from here.
 */
const SPECS: NativeEventSpecs<UiEvents> = {
  rightButtonClick: {
    register: 'setNavigationBarRightButton',
    cancel: 'setNavigationBarRightButton',
    normalize: () => undefined,
  },
  screenshot: { register: 'monitorScreenShot', cancel: 'monitorScreenShot', normalize: () => undefined },
};

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
    const state = uiState(client);
    const leave: Partial<Record<keyof UiEvents, Unsubscribe>> = {};
    const view = withCall(client, async (plugin, _params, options) => {
      const screenshot = plugin === 'monitorScreenShot';
      const event = screenshot ? 'screenshot' : 'rightButtonClick';
      const listener = options?.listeners?.callback;
      const register = screenshot ? registerScreenshots : registerClicks;
      if (listener) leave[event] = await join(state, event, listener, register, options);
      else await leave[event]?.();
    });
    return new NativeEvents<UiEvents>(view, SPECS);
  },
);
