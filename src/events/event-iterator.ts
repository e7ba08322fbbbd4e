/**
 * Turn a push subscription into an async iterator: events are buffered in
 * order until the consumer asks for them, and the subscription is released
 * when the loop ends — by `break`, `return`, a thrown error or the signal.
 */
import { raceAbort } from '../shared/abort.js';

/** Subscribes `push` and resolves with the function that unsubscribes it. */
export type PushSubscribe<T> = (push: (value: T) => void) => Promise<() => Promise<void>>;

/**
 * Iterate the values a subscription pushes.
 *
 * @example
 * ```ts
 * for await (const state of eventIterator(push => events.subscribe('adapterStateChange', push), signal)) { … }
 * ```
 */
export async function* eventIterator<T>(
  subscribe: PushSubscribe<T>,
  signal?: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  const pending = subscribe((value) => {
    queue.push(value);
    wake?.();
  });
  let unsubscribe: () => Promise<void>;
  try {
    unsubscribe = await raceAbort(pending, signal);
  } catch (error) {
    // Aborted while subscribing: release the subscription once it exists.
    pending.then(
      (release) => release(),
      () => undefined,
    );
    throw error;
  }
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift()!;
      await raceAbort(new Promise<void>((resolve) => (wake = resolve)), signal);
      wake = undefined;
    }
  } finally {
    await unsubscribe();
  }
}
