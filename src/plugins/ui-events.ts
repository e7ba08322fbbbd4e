/**
 * The listener-like plugins of the page: clicks on the right-hand title-bar
 * button (§6.6) and screenshots (§6.21). Each event has one listener set and
 * one native registration per client (in a `WeakMap`), made for its first
 * listener. `setNavigationBarRightButton`, `monitorScreenShot` and the
 * emitter `events(client)` (ui-emitter.ts) all join these sets, so a click
 * or a screenshot reaches every one of them and the two functions ship no
 * eventemitter3.
 *
 * Neither plugin has a vendor cancel, and registering again replaces the
 * app's handler (BRIDGE-FACTS, Events): stopping only detaches our side,
 * and the next first listener registers anew.
 */
import type { UpsdkClient } from '../client/client.js';
import { untypedCall } from '../client/untyped-call.js';
import type { CallControl } from './define.js';
import { abortReason } from '../shared/abort.js';
import { callback, validated } from '../shared/validate.js';

/** Events of `events(client)`, by payload (neither carries data). */
export type UiEvents = {
  /** The user tapped the right-hand title-bar button. */
  rightButtonClick: void;
  /** The user took a screenshot (iOS only). */
  screenshot: void;
};

/** Stops a listener; resolves once any native follow-up finished. */
export type Unsubscribe = () => Promise<void>;

/** What the right-hand button shows (checked: see `right-button.ts`). */
export interface Look {
  readonly title?: string | undefined;
  readonly image?: string | undefined;
}

/** One event's listeners and its native registration. */
interface Channel {
  readonly listeners: Set<() => void>;
  /** The registration, made for the first listener and forgotten when the last one leaves. */
  native?: Promise<unknown> | undefined;
}

/** The page's events and the button's look, for one client. */
export interface UiState extends Readonly<Record<keyof UiEvents, Channel>> {
  readonly client: UpsdkClient;
  /** The button as last drawn; undefined until the page sets one. */
  look?: Look | undefined;
}

const states = new WeakMap<UpsdkClient, UiState>();

/** The page's listener state of `client`, made on first use. */
export function uiState(client: UpsdkClient): UiState {
  let state = states.get(client);
  if (!state) {
    state = { client, rightButtonClick: { listeners: new Set() }, screenshot: { listeners: new Set() } };
    states.set(client, state);
  }
  return state;
}

/** Call a plugin that does not answer, handing it `listeners`. */
function handOver(
  state: UiState,
  plugin: 'setNavigationBarRightButton' | 'monitorScreenShot',
  params: object,
  listeners: Record<string, () => void> | undefined,
  control?: CallControl,
): Promise<unknown> {
  return untypedCall(state.client)(plugin, params, { ...control, expectAnswer: false, listeners });
}

/** The native handler of `channel`: every current listener, in a snapshot (one may leave while called). */
const deliverTo = (channel: Channel) => (): void => {
  for (const listener of [...channel.listeners]) listener();
};

/**
 * Draw the button as it now looks; while anyone listens to clicks, with the
 * click handler (which the app replaces on every draw).
 */
export function drawButton(state: UiState, control?: CallControl): Promise<unknown> {
  const clicks = state.rightButtonClick;
  const listeners = clicks.listeners.size > 0 ? { handler: deliverTo(clicks) } : undefined;
  return handOver(state, 'setNavigationBarRightButton', { ...state.look }, listeners, control);
}

/** How an event registers natively (drawing the button, or monitoring screenshots). */
export type Register = (state: UiState, control?: CallControl) => Promise<unknown>;

/**
 * Registering clicks: the button's handler travels with its look, so this
 * redraws the current button, or waits for the first one rather than draw
 * an empty button.
 */
export const registerClicks: Register = (state, control) =>
  state.look ? drawButton(state, control) : Promise.resolve();

/** Registering screenshots. */
export const registerScreenshots: Register = (state, control) =>
  handOver(state, 'monitorScreenShot', {}, { success: deliverTo(state.screenshot) }, control);

/**
 * Add `listener` to `event`, registering natively with `register` if it is the first.
 *
 * @returns removes the listener.
 * @throws the registration's failure; the listener is removed again then.
 */
export async function join(
  state: UiState,
  event: keyof UiEvents,
  listener: () => void,
  register: Register,
  control?: CallControl,
): Promise<Unsubscribe> {
  const channel = state[event];
  const leave = (): Promise<void> => {
    channel.listeners.delete(listener);
    if (channel.listeners.size === 0) channel.native = undefined;
    return Promise.resolve();
  };
  channel.listeners.add(listener);
  const registering = (channel.native ??= register(state, control));
  try {
    await registering;
  } catch (error) {
    if (channel.native === registering) channel.native = undefined;
    await leave();
    throw error;
  }
  return leave;
}

/**
 * Call `onScreenshot` each time the user takes a screenshot (§6.21, iOS
 * only). Also available as `events(client)`' `screenshot`.
 *
 * The spec has no cancel: the returned function detaches our listener,
 * native monitoring continues until the page goes (the newest upsdk.js
 * adds `removeScreenShot`, see `applet(client).removeScreenShot`).
 * `signal` aborts starting to monitor (the client's start-up included: the
 * promise rejects with its reason) and, once monitoring, detaches the
 * listener like the returned function. `timeout` is accepted like every
 * call's, but the bridge never answers this plugin, so there is no answer
 * to time: bound the start with `AbortSignal.timeout(ms)`.
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
  const leave = await join(uiState(client), 'screenshot', listener, registerScreenshots, options);
  const signal = options?.signal;
  if (!signal) return leave;
  // Aborted as the registration went out: it went out all the same, so leave at once.
  if (signal.aborted) {
    await leave();
    throw abortReason(signal);
  }
  const onAbort = (): void => void leave();
  signal.addEventListener('abort', onAbort, { once: true });
  return () => {
    signal.removeEventListener('abort', onAbort);
    return leave();
  };
}
