/**
 * Where failures that no promise can carry (native register/cancel calls made
 * in the background, clean-up after an iterator, listener payloads) go: the
 * emitter's `error` listeners, or a console warning when there are none.
 */
import type { EventEmitter } from 'eventemitter3';
import { UpsdkError } from '../client/errors.js';

/** An emitter with an `error` event taking `(error, eventName)`, like `NativeEvents`. */
export type ErrorEmitter<Name> = Pick<
  EventEmitter<{ error: (error: unknown, event: Name) => void }>,
  'emit' | 'listenerCount'
>;

/**
 * Hand `error` to the emitter's `error` listeners; with none, warn rather than lose it.
 *
 * @param what - how the warning names the failure. Default: the event's name.
 * @example
 * ```ts
 * reportTo(bluetooth(client).events, error, 'deviceFound');
 * ```
 */
export function reportTo<Name extends PropertyKey>(
  emitter: ErrorEmitter<Name>,
  error: unknown,
  event: Name,
  what: string = String(event),
): void {
  if (emitter.listenerCount('error') > 0) emitter.emit('error', error, event);
  else console.warn(`upsdk-kit: ${what}: ${error instanceof UpsdkError ? error.message : String(error)}`);
}
