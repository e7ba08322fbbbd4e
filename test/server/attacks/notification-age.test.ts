/**
 * Item 3 of issue 20, no age check: pre-order notifications carry a signed
 * `time_end`; once the dedupe record expires, an old captured notification
 * must not be processed again. A minimal failure message (seed 002
 * guarantees only `state`, `result_code`, `sign`) has no time: it is still
 * acknowledged, and deduplicated on its content for the retention period.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/server/index.js';
import {
  beijing,
  openPlatformReceiver,
  outcome,
  paid,
  passwordVerified,
  postForm,
  postJson,
  preOrderReceiver,
  formOf,
} from './helpers.js';

const HOUR = 3600_000;

describe('pre-order', () => {
  it('a paid notification completed three days ago, never seen here, is refused and not run', async () => {
    const shop = await preOrderReceiver();
    const old = paid({ time_end: beijing(Date.now() - 72 * HOUR) });
    expect(await outcome(postForm(shop.url, formOf(old)))).toEqual([400, 'fail']);
    expect(shop.runs).toEqual([]);
  });

  it('a handled notification replayed after its dedupe record expired is not run again', async () => {
    let now = Date.now();
    const clock = (): number => now;
    const shop = await preOrderReceiver({ clock, store: createMemoryStore({ clock }) });
    const message = formOf(paid({ time_end: beijing(now) }));
    expect(await outcome(postForm(shop.url, message))).toEqual([200, 'success']);
    now += 72 * HOUR; // past any retention
    expect((await outcome(postForm(shop.url, message)))[1]).toBe('fail');
    expect(shop.runs).toHaveLength(1);
  });

  it('a notification within the window whose record is kept is acknowledged once more without a run', async () => {
    let now = Date.now();
    const clock = (): number => now;
    const shop = await preOrderReceiver({ clock, store: createMemoryStore({ clock }) });
    const message = formOf(paid({ time_end: beijing(now) }));
    await postForm(shop.url, message);
    now += 3 * HOUR; // the provider's last retry
    expect(await outcome(postForm(shop.url, message))).toEqual([200, 'success']);
    expect(shop.runs).toHaveLength(1);
  });

  it('a paid notification without time_end (the seed requires it) is refused', async () => {
    const shop = await preOrderReceiver();
    expect(await outcome(postForm(shop.url, formOf(paid({ time_end: '' }))))).toEqual([400, 'fail']);
    expect(shop.runs).toEqual([]);
  });

  it('a time_end that is not a time is refused', async () => {
    const shop = await preOrderReceiver();
    const bad = paid({ time_end: '20191332250000' });
    expect(await outcome(postForm(shop.url, formOf(bad)))).toEqual([400, 'fail']);
  });
});

describe('open platform', () => {
  it('a notification stamped long ago is refused and not run', async () => {
    const app = await openPlatformReceiver();
    const old = passwordVerified({ timestamp: String(Math.floor(Date.now() / 1000) - 3600) });
    expect((await postJson(app.url, old)).status).toBe(401);
    expect(app.runs).toEqual([]);
  });
});
