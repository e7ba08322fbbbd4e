import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpsdkTimeoutError } from '../../src/index.js';
import { serialQueue } from '../../src/shared/serial-queue.js';
import { bleSetup, control, eventually, HRM, measurement } from './fixtures.js';

const WRITE = 'writeBLECharacteristicValue';
const READ = 'readBLECharacteristicValue';

async function connected() {
  const h = await bleSetup();
  await h.ble.connect(HRM.deviceId);
  h.sim.clearCalls();
  return h;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('device operation queue', () => {
  it('dispatches device operations one at a time, in call order', async () => {
    const { sim, ble } = await connected();
    sim.setLatency((plugin) => (plugin === WRITE ? 20 : 0));
    const settled: string[] = [];
    const first = ble.write({ ...control, value: '01' }).then(() => settled.push('first'));
    const second = ble.write({ ...control, value: '02' }).then(() => settled.push('second'));
    const third = ble.read(measurement).then(() => settled.push('read'));
    await eventually(() => expect(sim.callsOf(WRITE)).toHaveLength(1));
    expect(sim.callsOf(READ)).toHaveLength(0); // still waiting its turn
    await Promise.all([first, second, third]);
    expect(sim.calls.map((c) => c.plugin)).toEqual([WRITE, WRITE, READ]);
    expect(sim.callsOf(WRITE).map((c) => c.params.value)).toEqual(['01', '02']);
    expect(settled).toEqual(['first', 'second', 'read']);
  });

  it('runs the next operation after one fails', async () => {
    const { sim, ble } = await connected();
    sim.fault(WRITE, { fail: 'code', code: '10008', msg: 'busy' }, 1);
    const failed = ble.write({ ...control, value: '01' });
    const next = ble.write({ ...control, value: '02' });
    await expect(failed).rejects.toMatchObject({ code: '10008', plugin: WRITE });
    await expect(next).resolves.toBeUndefined();
    expect(sim.bluetooth.writes(control).map((w) => w.raw)).toEqual(['02']);
  });

  it('does not hold back operations that do not touch a device', async () => {
    const { sim, ble } = await connected();
    sim.fault(WRITE, 'drop', 1);
    const controller = new AbortController();
    const stuck = ble.write({ ...control, value: '01' }, { signal: controller.signal });
    await eventually(() => expect(sim.callsOf(WRITE)).toHaveLength(1));
    await expect(ble.state()).resolves.toEqual({ available: true, discovering: false });
    controller.abort();
    await expect(stuck).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('times out an operation the app never answers and moves on', async () => {
    const { sim, ble } = await connected();
    sim.fault(WRITE, 'drop', 1);
    vi.useFakeTimers();
    const dropped = ble.write({ ...control, value: '01' }, { timeout: 500 });
    const next = ble.read(measurement);
    const outcome = expect(dropped).rejects.toBeInstanceOf(UpsdkTimeoutError);
    await vi.advanceTimersByTimeAsync(499);
    expect(sim.callsOf(READ)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    await vi.advanceTimersByTimeAsync(1);
    await expect(next).resolves.toMatchObject({ raw: '0048' });
  });

  it('rejects a running operation with the abort reason and frees the queue', async () => {
    const { sim, ble } = await connected();
    sim.fault(WRITE, 'drop', 1);
    const controller = new AbortController();
    const aborted = ble.write({ ...control, value: '01' }, { signal: controller.signal });
    const next = ble.read(measurement);
    await eventually(() => expect(sim.callsOf(WRITE)).toHaveLength(1));
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await expect(next).resolves.toMatchObject({ raw: '0048' });
  });

  it('drops a queued operation aborted before its turn without sending it', async () => {
    const { sim, ble } = await connected();
    sim.setLatency((plugin) => (plugin === WRITE ? 20 : 0));
    const controller = new AbortController();
    const first = ble.write({ ...control, value: '01' });
    const skipped = ble.write({ ...control, value: '02' }, { signal: controller.signal });
    const third = ble.write({ ...control, value: '03' });
    controller.abort(new Error('user left'));
    await expect(skipped).rejects.toThrow('user left');
    await Promise.all([first, third]);
    expect(sim.callsOf(WRITE).map((c) => c.params.value)).toEqual(['01', '03']);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { sim, ble } = await connected();
    await expect(ble.connect(HRM.deviceId, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(sim.callsOf('connectBLEDevice')).toHaveLength(0);
  });
});

describe('SerialQueue', () => {
  it('starts a task only once the task before it has settled', async () => {
    const queue = serialQueue();
    const started: string[] = [];
    let release!: () => void;
    const first = queue.run(() => {
      started.push('first');
      return new Promise<void>((resolve) => (release = resolve));
    });
    const second = queue.run(async () => {
      started.push('second');
      return 'done';
    });
    await eventually(() => expect(started).toEqual(['first']));
    for (let turn = 0; turn < 20; turn += 1) await Promise.resolve(); // time enough for an unqueued start
    expect(started).toEqual(['first']);
    release();
    await first;
    await expect(second).resolves.toBe('done');
    expect(started).toEqual(['first', 'second']);
  });

  it('keeps going after a task throws synchronously inside its async body', async () => {
    const queue = serialQueue();
    const failed = queue.run(async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(queue.run(async () => 2)).resolves.toBe(2);
  });
});
