/**
 * The real bridge's listener plugins, reproduced in both layers: upsdk.js
 * hangs the page's callback on a document event (`attach`: one per event —
 * attaching again replaces it), native starts delivery (`register`) and a
 * cancel call stops it but leaves the JS listener in place. Families use
 * this for Bluetooth, screenshots and the title-bar button; tests read
 * `active()` to find leaked subscriptions.
 */
import { ok, type PluginBehaviour, type PluginBehaviours } from './family.js';

/** A listener plugin: upsdk.js hangs the option `key` of the call on document event `type`. */
export interface DocumentListenerSpec {
  readonly type: string;
  readonly key: string;
}

const specs = new WeakMap<PluginBehaviour, DocumentListenerSpec>();

/**
 * Mark a native behaviour as a listener plugin, so the model of upsdk.js
 * hangs the page's `key` callback on document event `type` before calling it.
 *
 * @example
 * ```ts
 * const monitorScreenShot = listensTo(() => silent, 'screenShotAction', 'success');
 * ```
 */
export function listensTo(behaviour: PluginBehaviour, type: string, key: string): PluginBehaviour {
  specs.set(behaviour, { type, key });
  return behaviour;
}

/** The listener spec of every marked behaviour, by plugin name. */
export function listenerSpecs(behaviours: PluginBehaviours): Map<string, DocumentListenerSpec> {
  const found = new Map<string, DocumentListenerSpec>();
  for (const [name, behaviour] of Object.entries(behaviours)) {
    const spec = specs.get(behaviour);
    if (spec) found.set(name, spec);
  }
  return found;
}

type DocumentListener = (event: Event) => void;

/** Native subscriptions per document event type. */
export class ListenerRegistry {
  private readonly attached = new Map<string, DocumentListener>();
  private readonly activeTypes = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly dispatch: (type: string, payload: Readonly<Record<string, unknown>>) => void,
  ) {}

  /** The JS side: hang `callback` on `type`, replacing the previous one; `undefined` only removes it. */
  attach(type: string, callback: unknown): void {
    const previous = this.attached.get(type);
    if (previous) this.doc.removeEventListener(type, previous);
    this.attached.delete(type);
    if (typeof callback === 'function') {
      const listener: DocumentListener = (event) => (callback as DocumentListener)(event);
      this.doc.addEventListener(type, listener);
      this.attached.set(type, listener);
    }
  }

  /** The native side: start delivering `type` (and attach `callback` when one is given). */
  register(type: string, callback?: unknown): void {
    if (typeof callback === 'function') this.attach(type, callback);
    this.activeTypes.add(type);
  }

  /** Stop native delivery of `type`; like the real bridge, the JS listener stays attached. */
  cancel(type: string): void {
    this.activeTypes.delete(type);
  }

  /** Whether native delivery of `type` is on. */
  isActive(type: string): boolean {
    return this.activeTypes.has(type);
  }

  /** Event types with native delivery on. */
  active(): readonly string[] {
    return [...this.activeTypes];
  }

  /** Deliver an event natively, if a subscription is on. Returns whether it was delivered. */
  fire(type: string, payload: Readonly<Record<string, unknown>>): boolean {
    if (!this.activeTypes.has(type)) return false;
    this.dispatch(type, payload);
    return true;
  }

  /** Detach every JS listener (on uninstall). */
  clear(): void {
    for (const [type, listener] of this.attached) this.doc.removeEventListener(type, listener);
    this.attached.clear();
    this.activeTypes.clear();
  }
}

/**
 * Behaviours of a `register…`/`cancel…` plugin pair for one document event.
 *
 * @example
 * ```ts
 * listenerPair('BLEConnectionStateChange', 'registerBLEConnectionStateChange', 'cancelBLEConnectionStateChange')
 * ```
 */
export function listenerPair(
  type: string,
  register: string,
  cancel: string,
  key = 'callback',
): PluginBehaviours {
  return {
    [register]: listensTo(
      (options, context) => {
        context.listeners.register(type, options[key]);
        return ok();
      },
      type,
      key,
    ),
    [cancel]: (_options, context) => {
      context.listeners.cancel(type);
      return ok();
    },
  };
}
