/**
 * Progress bars for chunked reads and uploads: the share done, and beside it
 * the bytes, the rate and the time left, so a slow bridge or a stalled upload
 * shows as such instead of as a bar that merely stops.
 */
import { h } from './dom.js';

const UNITS = ['B', 'kB', 'MB', 'GB'] as const;

/** Bytes in decimal units with three significant figures: `950 B`, `1.23 MB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toPrecision(3)} ${UNITS[unit]}`;
}

/** Seconds as `7 s`, `2 min 05 s`. */
const formatSeconds = (seconds: number): string => {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
};

/**
 * The line beside a bar: bytes done (of the total when known), the average rate since the start,
 * and the time left at that rate, or `done`.
 *
 * @example
 * ```ts
 * progressDetail(1_000_000, 4_000_000, 2_000); // '1.00 MB of 4.00 MB · 500 kB/s · 6 s left'
 * ```
 */
export function progressDetail(loaded: number, total: number | undefined, elapsedMs: number): string {
  const done = total === undefined ? formatBytes(loaded) : `${formatBytes(loaded)} of ${formatBytes(total)}`;
  // Under 50 ms or before the first byte there is no rate worth showing yet.
  if (elapsedMs < 50 || loaded === 0) return total !== undefined && loaded >= total ? `${done} · done` : done;
  const rate = (loaded / elapsedMs) * 1000;
  const speed = `${formatBytes(Math.round(rate))}/s`;
  if (total === undefined) return `${done} · ${speed}`;
  if (loaded >= total) return `${done} · ${speed} · done`;
  return `${done} · ${speed} · ${formatSeconds((total - loaded) / rate)} left`;
}

/** A titled progress bar with its percentage (or bytes, when the total is unknown) and a detail line. */
export function progressBar(
  id: string,
  title: string,
): {
  element: HTMLDivElement;
  /** Start timing now (the rate and the time left count from here). */
  start(total: number | undefined): void;
  set(loaded: number, total: number | undefined): void;
} {
  const bar = h('progress', { id, max: '1', value: '0', 'aria-label': title });
  const label = h('span', { id: `${id}-label`, class: 'progress-share' }, '');
  const detail = h('span', { id: `${id}-detail`, class: 'progress-detail' }, '');
  let started = performance.now();
  const set = (loaded: number, total: number | undefined): void => {
    detail.textContent = progressDetail(loaded, total, performance.now() - started);
    if (total === undefined) {
      bar.removeAttribute('value'); // indeterminate
      label.textContent = formatBytes(loaded);
      return;
    }
    const ratio = total === 0 ? 1 : Math.min(1, loaded / total);
    bar.value = ratio;
    label.textContent = `${Math.floor(ratio * 100)} %`;
  };
  return {
    element: h(
      'div',
      { class: 'progress' },
      h('span', { class: 'progress-title' }, title),
      bar,
      label,
      detail,
    ),
    start(total) {
      started = performance.now();
      set(0, total);
    },
    set,
  };
}
