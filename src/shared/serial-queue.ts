/**
 * Run async tasks one at a time, in the order they were queued. Native
 * device stacks (BLE, NFC) cannot run two operations at once, so device
 * operations go through one of these. A failed task does not stop the queue;
 * a task whose signal aborts while it waits is skipped and rejects at once.
 */
import { abortReason, raceAbort } from './abort.js';

/**
 * A FIFO of async tasks with one in flight.
 *
 * @example
 * ```ts
 * const queue = new SerialQueue();
 * const a = queue.run(() => write(first));
 * const b = queue.run(() => write(second), { signal }); // starts when `a` settles, whatever its outcome
 * ```
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private running = false;

  /** Tasks queued and not yet started. */
  get pending(): number {
    return this.waiting;
  }

  /** Whether a task is running now. */
  get busy(): boolean {
    return this.running;
  }

  /**
   * Queue `task`; it starts when every earlier task has settled.
   *
   * @param options.signal - rejects at once when aborted; a task not yet started then never starts.
   * @returns the task's own result.
   */
  run<T>(task: () => Promise<T>, { signal }: { readonly signal?: AbortSignal | undefined } = {}): Promise<T> {
    this.waiting += 1;
    const turn = this.tail.then(async () => {
      this.waiting -= 1;
      if (signal?.aborted) throw abortReason(signal);
      this.running = true;
      try {
        return await task();
      } finally {
        this.running = false;
      }
    });
    // The next task waits for this one to settle, never for its success.
    this.tail = turn.catch(() => undefined);
    return raceAbort(turn, signal);
  }
}
