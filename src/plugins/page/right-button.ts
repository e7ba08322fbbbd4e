/**
 * The right-hand title-bar button (§6.6). upsdk has one plugin for two
 * things: `setNavigationBarRightButton({title | image, handler})` draws the
 * button and hangs `handler` on the `rightbtnclick` document event,
 * replacing the previous one. There is no way to remove either.
 *
 * We keep the two apart: the button's look is state here, and clicks are the
 * `rightButtonClick` event of `events(client)`, whose native "register" is
 * the same plugin sent with the current look and the events' handler. This
 * module is the core the events see, so registering never draws an empty
 * button and redrawing never drops the click listener.
 */
import type { CallOptions, UpsdkClient } from '../../client/client.js';
import type { CallControl } from '../define.js';
import { httpUrl, fail, optional, text, validated, callback } from '../validate.js';
import { untypedCall, withCall } from '../../client/untyped-call.js';

const PLUGIN = 'setNavigationBarRightButton';

/** Stops a listener; resolves once any native follow-up finished. */
export type Unsubscribe = () => Promise<void>;

/** What the button shows: `title` wins when both are given (as in the app). */
export interface RightButtonInput {
  /** Button text. */
  readonly title?: string | undefined;
  /** Absolute http(s) URL of the button image. */
  readonly image?: string | undefined;
}

type Handler = (payload?: unknown) => void;
/** The part of `events(client)` the button needs. */
interface ClickEvents {
  subscribe(event: 'rightButtonClick', listener: () => void): Promise<Unsubscribe>;
}
type Look = { title?: string | undefined; image?: string | undefined };
/** The button's state and the core view the `rightButtonClick` event registers through. */
export class RightButton {
  /** A core whose `setNavigationBarRightButton` calls go through {@link RightButton.register}. */
  readonly view: UpsdkClient;
  private look: Look | undefined;
  private handler: Handler | undefined;
  private sends = 0;

  constructor(private readonly core: UpsdkClient) {
    const call = untypedCall(core);
    this.view = withCall(core, (plugin, params, options) =>
      plugin === PLUGIN ? this.register(options) : call(plugin, params, options),
    );
  }

  /**
   * Draw the button; with `onClick`, also listen to its clicks.
   *
   * @returns stops `onClick` (a no-op without one); the button stays, upsdk cannot remove it.
   */
  async set(
    events: ClickEvents,
    input: RightButtonInput,
    onClick?: () => void,
    control: CallControl = {},
  ): Promise<Unsubscribe> {
    const look = validated(PLUGIN, () => toLook(input));
    const listener = validated(PLUGIN, () => optional('onClick', onClick, callback<() => void>));
    this.look = look;
    if (!listener) {
      await this.send(control);
      return () => Promise.resolve();
    }
    const before = this.sends;
    const unsubscribe = await events.subscribe('rightButtonClick', listener);
    if (this.sends === before) {
      // Already registered: the events' handler is on the old button; redraw with it.
      try {
        await this.send(control);
      } catch (error) {
        await unsubscribe();
        throw error;
      }
    }
    return unsubscribe;
  }

  /** The events register their click handler: send it with the current look, or keep it for the first look. */
  private register(options: CallOptions | undefined): Promise<unknown> {
    const handler = options?.listeners?.handler;
    if (handler) this.handler = handler;
    return this.look ? this.send({ signal: options?.signal, timeout: options?.timeout }) : Promise.resolve();
  }

  private send(control: CallControl): Promise<unknown> {
    this.sends += 1;
    const call = untypedCall(this.core);
    return call(
      PLUGIN,
      { ...this.look },
      {
        ...control,
        expectAnswer: false,
        listeners: this.handler ? { handler: this.handler } : undefined,
      },
    );
  }
}

function toLook(input: RightButtonInput | undefined): Look {
  const title = optional('title', input?.title, text);
  const image = optional('image', input?.image, httpUrl);
  if (title === undefined && image === undefined) {
    fail('title', 'a non-empty string (or `image` an http(s) URL)', undefined);
  }
  return { title, image };
}
