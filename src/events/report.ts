/**
 * Where failures that no promise can carry (native register/cancel calls made
 * in the background, clean-up after an iterator, listener payloads) go: the
 * emitter's `error` listeners, or a console warning when there are none.
 */
import type { EventEmitter } from 'eventemitter3';

/** An emitter with an `error` event taking `(error, eventName)`, like `NativeEvents`. */
export type ErrorEmitter<Name> = Pick<
  EventEmitter<{ error: (error: unknown, event: Name) => void }>,
  'emit' | 'listenerCount'
>;

/**
 * Hand `error` to the emitter's `error` listeners; with none, warn rather than lose it.
 *
 * @example
 * ```ts
 * reportTo(bluetooth(client).events, error, 'deviceFound');
 * ```
 */
export function reportTo<Name extends PropertyKey>(
  emitter: ErrorEmitter<Name>,
  error: unknown,
  event: Name,
): void {
  if (emitter.listenerCount('error') > 0) emitter.emit('error', error, event);
  else console.warn(`upsdk-kit: "${String(event)}" events:`, error);
}
