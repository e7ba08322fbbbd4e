/**
 * A call that settles leaves nothing running: its timeout timer is cleared
 * whichever way it ended (success, vendor failure, abort), so a page making
 * many calls does not pile up timers that fire long after the answer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settleOnce } from '../../src/shared/settle-once.js';
import { setup } from '../helpers/harness.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('a settled call leaves no timer running', () => {
  it('after a success through client.call', async () => {
    const { client } = setup();
    await client.ready();
    vi.useFakeTimers();
    const call = client.call('pay', { tn: 't' }, { timeout: 60_000 });
    await vi.advanceTimersByTimeAsync(0);
    await call;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after a vendor failure through client.call', async () => {
    const { sim, client } = setup();
    await client.ready();
    vi.useFakeTimers();
    sim.fault('scanQRCode', { fail: 'msg', msg: '银行拒绝' });
    const call = client.call('scanQRCode', {}, { timeout: 60_000 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    await call;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after an abort through client.call', async () => {
    const { sim, client } = setup();
    await client.ready();
    vi.useFakeTimers();
    sim.fault('pay', 'drop');
    const controller = new AbortController();
    const call = client.call('pay', { tn: 't' }, { timeout: 60_000, signal: controller.signal });
    const settled = call.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    await settled;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settleOnce clears its timer on resolve and on reject', async () => {
    vi.useFakeTimers();
    await settleOnce<number>(
      (resolve) => resolve(1),
      60_000,
      () => new Error('late'),
    );
    expect(vi.getTimerCount()).toBe(0);
    await settleOnce<number>(
      (_, reject) => reject(new Error('no')),
      60_000,
      () => new Error('late'),
    ).catch(() => undefined);
    expect(vi.getTimerCount()).toBe(0);
  });
});
