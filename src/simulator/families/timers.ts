/**
 * Named timers of a simulated device. Every periodic or delayed native
 * action (advertising, notifications, scripted disconnects, reader commands)
 * is one entry here, so stopping a feature clears exactly its timers and
 * uninstalling clears them all; `size` lets tests prove nothing leaked.
 */

type Handle = ReturnType<typeof setTimeout>;

/**
 * Timeouts and intervals by key; setting a key replaces its previous timer.
 *
 * @example
 * ```ts
 * timers.every(`notify:${key}`, 100, tick);
 * timers.clearPrefix('notify:');
 * ```
 */
export class SimTimers {
  private readonly handles = new Map<string, { readonly handle: Handle; readonly repeat: boolean }>();
  private sequence = 0;

  /** Timers pending or repeating now. */
  get size(): number {
    return this.handles.size;
  }

  /** Run `task` once after `ms`. */
  once(key: string, ms: number, task: () => void): void {
    this.clear(key);
    const handle = setTimeout(() => {
      this.handles.delete(key);
      task();
    }, ms);
    this.handles.set(key, { handle, repeat: false });
  }

  /** Run `task` once after `ms` under a fresh key (for queues of one-off deliveries). */
  later(prefix: string, ms: number, task: () => void): void {
    this.sequence += 1;
    this.once(`${prefix}${this.sequence}`, ms, task);
  }

  /** Run `task` every `ms` (the first run after `ms`). */
  every(key: string, ms: number, task: () => void): void {
    this.clear(key);
    this.handles.set(key, { handle: setInterval(task, Math.max(1, ms)), repeat: true });
  }

  has(key: string): boolean {
    return this.handles.has(key);
  }

  clear(key: string): void {
    const entry = this.handles.get(key);
    if (!entry) return;
    if (entry.repeat) clearInterval(entry.handle);
    else clearTimeout(entry.handle);
    this.handles.delete(key);
  }

  /** Clear every timer whose key starts with `prefix`. */
  clearPrefix(prefix: string): void {
    for (const key of [...this.handles.keys()]) if (key.startsWith(prefix)) this.clear(key);
  }

  clearAll(): void {
    this.clearPrefix('');
  }
}
