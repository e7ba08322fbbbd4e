/**
 * The real bridge's listener plugins, reproduced: a register call hangs the
 * page's callback on a document event (one per event — registering again
 * replaces it), a cancel call stops native delivery but leaves the JS
 * listener in place. Families use this for Bluetooth, screenshots and the
 * title-bar button; tests read `active()` to find leaked subscriptions.
 */
import { ok, type PluginBehaviours } from './family.js';

type DocumentListener = (event: Event) => void;

/** Native subscriptions per document event type. */
export class ListenerRegistry {
  private readonly attached = new Map<string, DocumentListener>();
  private readonly activeTypes = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly dispatch: (type: string, payload: Readonly<Record<string, unknown>>) => void,
  ) {}

  /** Attach `callback` to `type`, replacing the previous one, and start native delivery. */
  register(type: string, callback: unknown): void {
    const previous = this.attached.get(type);
    if (previous) this.doc.removeEventListener(type, previous);
    if (typeof callback === 'function') {
      const listener: DocumentListener = (event) => (callback as DocumentListener)(event);
      this.doc.addEventListener(type, listener);
      this.attached.set(type, listener);
    }
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
    [register]: (options, context) => {
      context.listeners.register(type, options[key]);
      return ok();
    },
    [cancel]: (_options, context) => {
      context.listeners.cancel(type);
      return ok();
    },
  };
}
