/**
 * Calls in flight. A call the bridge never answers (a dropped callback, a
 * user who walked away from the cashier) would otherwise show nothing for
 * minutes: each call gets a row with its elapsed time and a cancel button
 * wired to the call's AbortSignal, and the button that started it is
 * disabled until it ends (so a second press cannot start it twice).
 */
import { h } from './dom.js';
import { showRunning } from './status-bar.js';

/** One call in flight, from {@link startPending}. */
export interface Pending {
  /** Aborted by the row's cancel button; pass it to the call. */
  readonly signal: AbortSignal;
  /** Remove the row and give the button back. */
  finish(): void;
}

/**
 * How the row's cancel button reads, for calls whose natural end is a stop (a scan, notifications, a
 * read): the row's button is then the only control that ends them, never a second one beside it.
 */
export interface CancelControl {
  /** Button text. Default `cancel`. */
  readonly label?: string;
  readonly id?: string;
  /** Extra class (the row's button always has `pending-cancel`). */
  readonly className?: string;
  /**
   * The button is the call's normal end (stop a scan, stop notifications), not a cancel: the call
   * settles by itself once its signal aborts, and is logged with what it got so far. Default false.
   */
  readonly stops?: boolean;
}

/** How often the elapsed time is redrawn. */
const TICK_MS = 100;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The list for calls that no button started (probes, nested calls): under
 * the sticky status line, so it is in view wherever the user scrolled.
 */
function globalList(): HTMLElement {
  const existing = document.getElementById('pending');
  if (existing) return existing;
  const list = h('ul', { id: 'pending', class: 'pending-list' });
  document.body.append(list);
  return list;
}

/**
 * Show `label` as pending until `finish()`: next to `trigger`'s form or
 * button row when a button started it, else in the global list.
 *
 * @example
 * ```ts
 * const pending = startPending('pay', button);
 * try { await pay(client, { tn }, { signal: pending.signal }); } finally { pending.finish(); }
 * ```
 */
export function startPending(
  label: string,
  trigger?: HTMLButtonElement,
  control: CancelControl = {},
): Pending {
  const controller = new AbortController();
  const started = performance.now();
  showRunning(label);
  const elapsed = h('span', { class: 'elapsed' }, 'pending 0.0 s');
  const cancel = h(
    'button',
    { type: 'button', id: control.id, class: `pending-cancel ${control.className ?? ''}`.trim() },
    control.label ?? 'cancel',
  );
  cancel.addEventListener('click', () => controller.abort());
  const row = h('li', { class: 'pending', 'data-label': label }, h('span', {}, label), elapsed, cancel);
  const place = trigger?.closest('form, .buttons');
  if (place) place.after(h('ul', { class: 'pending-list inline' }, row));
  else globalList().append(row);
  const timer = setInterval(
    () => (elapsed.textContent = `pending ${seconds(performance.now() - started)}`),
    TICK_MS,
  );
  const wasDisabled = trigger?.disabled ?? false;
  if (trigger) {
    trigger.disabled = true;
    trigger.setAttribute('aria-busy', 'true');
  }
  return {
    signal: controller.signal,
    finish() {
      clearInterval(timer);
      const list = row.parentElement;
      row.remove();
      if (list?.classList.contains('inline')) list.remove();
      if (trigger) {
        trigger.disabled = wasDisabled;
        trigger.removeAttribute('aria-busy');
      }
    },
  };
}
