/**
 * Run async tasks one at a time, in the order they were queued. Native
 * device stacks (BLE, NFC) cannot run two operations at once, so device
 * operations go through one of these. A failed task does not stop the queue;
 * a task whose signal aborts while it waits is skipped and rejects at once.
 */
import { abortReason, raceAbort } from './abort.js';

/** A FIFO of async tasks with one in flight (made by {@link serialQueue}). */
export interface SerialQueue {
  /**
   * Queue `task`; it starts when every earlier task has settled.
   *
   * @param options.signal - rejects at once when aborted; a task not yet started then never starts.
   * @returns the task's own result.
   */
  run<T>(task: () => Promise<T>, options?: { readonly signal?: AbortSignal | undefined }): Promise<T>;
}

/**
 * A new, empty {@link SerialQueue} (a closure rather than a class: it minifies to less).
 *
 * @example
 * ```ts
 * const queue = serialQueue();
 * const a = queue.run(() => write(first));
 * const b = queue.run(() => write(second), { signal }); // starts when `a` settles, whatever its outcome
 * ```
 */
export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task, { signal } = {}) {
      const turn = tail.then(() => {
        if (signal?.aborted) throw abortReason(signal);
        return task();
      });
      // The next task waits for this one to settle, never for its success.
      tail = turn.catch(() => undefined);
      return raceAbort(turn, signal);
    },
  };
}
