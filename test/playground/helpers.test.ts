/** The playground's pure helpers: progress wording, plotted values, log previews. */
import { describe, expect, it } from 'vitest';
import { plotPoints, plottedValue } from '../../playground/src/plot.js';
import { formatBytes, progressDetail } from '../../playground/src/progress.js';
import { preview } from '../../playground/src/log.js';

describe('progress detail', () => {
  it('gives bytes of the total, the average rate and the time left', () => {
    expect(progressDetail(1_000_000, 4_000_000, 2_000)).toBe('1.00 MB of 4.00 MB · 500 kB/s · 6 s left');
  });

  it('says done with the rate once everything arrived', () => {
    expect(progressDetail(3_500_000, 3_500_000, 1_750)).toBe('3.50 MB of 3.50 MB · 2.00 MB/s · done');
  });

  it('gives minutes beyond a minute left', () => {
    expect(progressDetail(100_000, 13_000_000, 1_000)).toBe('100 kB of 13.0 MB · 100 kB/s · 2 min 09 s left');
  });

  it('shows bytes and rate only when the total is unknown (recordings)', () => {
    expect(progressDetail(96_000, undefined, 1_000)).toBe('96.0 kB · 96.0 kB/s');
  });

  it('shows no rate before the first byte or in the first instant', () => {
    expect(progressDetail(0, 4_000_000, 5_000)).toBe('0 B of 4.00 MB');
    expect(progressDetail(10, 4_000_000, 10)).toBe('10 B of 4.00 MB');
  });

  it('formats bytes in decimal units with three figures', () => {
    expect([950, 1_234, 3_500_000, 2e9].map(formatBytes)).toEqual(['950 B', '1.23 kB', '3.50 MB', '2.00 GB']);
  });
});

describe('plotted BLE values', () => {
  it('decodes a heart-rate measurement as its flags say: 8-bit or 16-bit bpm', () => {
    expect(plottedValue('2A37', Uint8Array.of(0x00, 72))).toEqual({ value: 72, unit: 'bpm' });
    expect(plottedValue('00002a37-0000-1000-8000-00805f9b34fb', Uint8Array.of(0x01, 0x2c, 0x01))).toEqual({
      value: 300,
      unit: 'bpm',
    });
  });

  it('reads other short values as little-endian unsigned integers and skips long ones', () => {
    expect(plottedValue('2A9D', Uint8Array.of(0x02, 0xb8, 0x0b))).toEqual({ value: 0x0bb802, unit: 'value' });
    expect(plottedValue('FFF1', new Uint8Array(5))).toBeUndefined();
    expect(plottedValue('FFF1', new Uint8Array(0))).toBeUndefined();
  });

  it('scales points into the box, highest value at the top', () => {
    expect(plotPoints([60, 80], 59, 80)).toBe('0.0,76.0 1.0,4.0');
    expect(plotPoints([])).toBe('');
  });
});

describe('log previews', () => {
  it('shows a long base64 string by its size, not its text', () => {
    const base64 = 'iVBORw0KGgo'.repeat(40);
    expect(preview({ base64, type: 'png' })).toBe(`{"base64":"‹base64, 440 chars›","type":"png"}`);
  });

  it('keeps short text and hashes as they are', () => {
    const sha = 'a'.repeat(64);
    expect(preview({ sha256: sha })).toBe(`{"sha256":"${sha}"}`);
    expect(preview('copied')).toBe('"copied"');
  });
});
