/** Where failures that no promise can carry (native clean-up, listener payloads) go. */
import type { EventEmitter } from 'eventemitter3';
import { UpsdkError } from '../client/errors.js';

/** An emitter with an `error` event taking `(error, eventName)`, like `NativeEvents`. */
type ErrorEmitter<Name> = Pick<
  EventEmitter<{ error: (error: unknown, event: Name) => void }>,
  'emit' | 'listenerCount'
>;

/**
 * Hand `error` to the emitter's `error` listeners; with none, warn rather than lose it.
 *
 * @example
 * ```ts
 * reportTo(client.bluetooth.events, error, 'deviceFound');
 * ```
 */
export function reportTo<Name extends string>(
  emitter: ErrorEmitter<Name>,
  error: unknown,
  event: Name,
): void {
  if (emitter.listenerCount('error') > 0) emitter.emit('error', error, event);
  else console.warn(`upsdk-kit: ${event}: ${error instanceof UpsdkError ? error.message : String(error)}`);
}
