/**
 * A live line plot of numbers as they arrive (BLE notifications): SVG drawn
 * through attributes only (the page's CSP admits no inline styles), the last
 * {@link WINDOW} values, their range, and the newest value large.
 */
import { h } from './dom.js';

/** How many values stay on the plot. */
const WINDOW = 60;
const WIDTH = 300;
const HEIGHT = 80;
const SVG = 'http://www.w3.org/2000/svg';

const svg = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>>,
): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
};

/** The polyline's points for `values`, scaled into the box with a margin of 4 units. */
export function plotPoints(values: readonly number[], width = WIDTH, height = HEIGHT): string {
  if (values.length === 0) return '';
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const step = values.length > 1 ? width / (WINDOW - 1) : 0;
  return values
    .map((value, index) => {
      const x = index * step;
      const y = height - 4 - ((value - low) / span) * (height - 8);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** A plot with a `push` for each new value. */
export function livePlot(
  id: string,
  unit: string,
): { element: HTMLElement; push(value: number): void; readonly values: readonly number[] } {
  const values: number[] = [];
  const line = svg('polyline', { class: 'plot-line', fill: 'none', points: '' });
  const chart = svg('svg', {
    id,
    class: 'plot',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': `live plot of ${unit}`,
  });
  chart.append(line);
  const latest = h('strong', { class: 'plot-latest', id: `${id}-latest` }, '—');
  const range = h('span', { class: 'plot-range' }, '');
  return {
    element: h('figure', { class: 'plot-box' }, chart, h('figcaption', {}, latest, ` ${unit} `, range)),
    values,
    push(value) {
      values.push(value);
      if (values.length > WINDOW) values.shift();
      line.setAttribute('points', plotPoints(values));
      latest.textContent = String(value);
      range.textContent = `· ${Math.min(...values)}–${Math.max(...values)} over the last ${values.length}`;
    },
  };
}

/**
 * The number a notification carries, for plotting: a Heart Rate Measurement (`2A37`) decoded as
 * its flags say (bit 0: 16-bit value), otherwise 1–4 bytes as a little-endian unsigned integer;
 * undefined for anything longer (nothing sensible to plot).
 */
export function plottedValue(
  characteristicId: string,
  bytes: Uint8Array,
): { value: number; unit: string } | undefined {
  if (/^(0000)?2a37/i.test(characteristicId) && bytes.length >= 2) {
    const wide = (bytes[0]! & 1) === 1 && bytes.length >= 3;
    return { value: wide ? bytes[1]! | (bytes[2]! << 8) : bytes[1]!, unit: 'bpm' };
  }
  if (bytes.length === 0 || bytes.length > 4) return undefined;
  return { value: bytes.reduceRight((sum, byte) => sum * 256 + byte, 0), unit: 'value' };
}
