import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CharacteristicValue } from '../../src/bluetooth.js';
import { DEMO_HEART_RATE_MONITOR, installSimulator } from '../../src/simulator/index.js';
import { bleSetup, eventually, HEART_RATE, HRM, measurement, SCALE } from './fixtures.js';

/** Let a promise that waits on simulator latency (0 ms timers) settle under fake timers. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(1);
  return promise;
}

/** Connected to the HRM, listening to values, fake timers on; returns what arrives. */
async function notifyingHrm(bluetooth: Parameters<typeof bleSetup>[0] = {}) {
  const h = await bleSetup(bluetooth);
  await h.ble.connect(HRM.deviceId);
  const values: CharacteristicValue[] = [];
  const stop = await h.ble.events.subscribe('characteristicValueChange', (v) => values.push(v));
  vi.useFakeTimers();
  await settle(h.ble.notify(measurement));
  return { ...h, values, stop };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('simulated periodic notifications', () => {
  it('sends a counter value every notifyEvery ms while notify is on', async () => {
    const { values, sim } = await notifyingHrm();
    await vi.advanceTimersByTimeAsync(350);
    expect(values.map((v) => v.raw)).toEqual(['01', '02', '03']);
    expect(sim.bluetooth.activeTimers()).toBe(1);
  });

  it('uses nextValue when the characteristic has one', async () => {
    const custom = {
      ...HRM,
      services: [
        {
          uuid: HEART_RATE,
          characteristics: [
            {
              uuid: measurement.characteristicId,
              properties: { notify: true },
              notifyEvery: 10,
              nextValue: (n: number) => Uint8Array.of(n * 10),
            },
          ],
        },
      ],
    };
    const { values } = await notifyingHrm({ peripherals: [custom] });
    await vi.advanceTimersByTimeAsync(25);
    expect(values.map((v) => [...v.value])).toEqual([[10], [20]]);
  });

  it('does not stack timers when notify is enabled twice', async () => {
    const { sim, ble, values } = await notifyingHrm();
    await settle(ble.notify(measurement));
    await vi.advanceTimersByTimeAsync(100);
    expect(values).toHaveLength(1);
    expect(sim.bluetooth.activeTimers()).toBe(1);
  });

  it('stops when the value listener is cancelled', async () => {
    const { sim, stop } = await notifyingHrm();
    await settle(stop());
    expect(sim.bluetooth.activeTimers()).toBe(0);
    expect(sim.bluetooth.notifying()).toEqual([]);
  });

  it('stops when notify is switched off', async () => {
    const { sim, ble } = await notifyingHrm();
    await settle(ble.notify({ ...measurement, state: false }));
    expect(sim.bluetooth.activeTimers()).toBe(0);
  });

  it('stops when the device disconnects', async () => {
    const { sim, ble } = await notifyingHrm();
    await settle(ble.disconnect(HRM.deviceId));
    expect(sim.bluetooth.activeTimers()).toBe(0);
  });

  it('stops when the adapter is closed', async () => {
    const { sim, ble } = await notifyingHrm();
    await settle(ble.close());
    expect(sim.bluetooth.activeTimers()).toBe(0);
  });

  it('stops when the adapter is switched off', async () => {
    const { sim } = await notifyingHrm();
    sim.bluetooth.setAdapter({ available: false });
    expect(sim.bluetooth.activeTimers()).toBe(0);
  });

  it('stops when the simulator is uninstalled', async () => {
    const { sim, values } = await notifyingHrm();
    sim.uninstall();
    expect(sim.bluetooth.activeTimers()).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(values).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('simulated peripherals', () => {
  it('drops a connection on schedule and says so', async () => {
    const { sim, ble } = await bleSetup({ peripherals: [{ ...HRM, disconnectAfter: 30 }] });
    const states: boolean[] = [];
    await ble.events.subscribe('connectionStateChange', (s) => states.push(s.connected));
    vi.useFakeTimers();
    await settle(ble.connect(HRM.deviceId));
    await vi.advanceTimersByTimeAsync(30);
    expect(states).toEqual([true, false]);
    expect(sim.bluetooth.isConnected(HRM.deviceId)).toBe(false);
    expect(sim.bluetooth.activeTimers()).toBe(0);
  });

  it('refuses connections when configured to', async () => {
    const { ble } = await bleSetup({ peripherals: [{ ...HRM, refuseConnection: true }] });
    await expect(ble.connect(HRM.deviceId)).rejects.toMatchObject({ code: '10003' });
  });

  it('fails for an unknown device', async () => {
    const { ble } = await bleSetup();
    await expect(ble.connect('nope')).rejects.toMatchObject({ code: '10002' });
  });

  it('switching the adapter off disconnects, stops discovery and fails later calls', async () => {
    const { sim, ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    await ble.startDiscovery();
    sim.bluetooth.setAdapter({ available: false });
    expect(sim.bluetooth.isConnected(HRM.deviceId)).toBe(false);
    expect(sim.bluetooth.discovering).toBe(false);
    await expect(ble.state()).rejects.toMatchObject({ code: '10001' });
    sim.bluetooth.setAdapter({ available: true });
    await expect(ble.state()).resolves.toEqual({ available: true, discovering: false });
  });

  it('reports each device once per discovery, or every round with duplicates allowed', async () => {
    const { sim, ble } = await bleSetup({ advertiseInterval: 10 });
    const ids: string[] = [];
    await ble.events.subscribe('deviceFound', (d) => ids.push(d.deviceId));
    vi.useFakeTimers();
    await settle(ble.startDiscovery());
    await vi.advanceTimersByTimeAsync(30);
    expect(ids).toEqual([HRM.deviceId, SCALE.deviceId]);
    await settle(ble.startDiscovery({ allowDuplicates: true }));
    ids.length = 0;
    await vi.advanceTimersByTimeAsync(20);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    await settle(ble.stopDiscovery());
    expect(sim.bluetooth.activeTimers()).toBe(0);
  });

  it('reports a peripheral added during discovery and forgets a removed one', async () => {
    const { sim, ble } = await bleSetup({ peripherals: [] });
    const found: string[] = [];
    await ble.events.subscribe('deviceFound', (d) => found.push(d.name));
    await ble.startDiscovery();
    sim.bluetooth.addPeripheral({ deviceId: 'NEW', name: 'Late' });
    await eventually(() => expect(found).toEqual(['Late']));
    await ble.connect('NEW');
    sim.bluetooth.removePeripheral('NEW');
    expect(sim.bluetooth.isConnected('NEW')).toBe(false);
    await ble.stopDiscovery();
  });
});

describe('simulated bridge listener quirks', () => {
  it('keeps one callback per event: registering again replaces the first', async () => {
    const { sim, client } = await bleSetup();
    const first = vi.fn();
    const second = vi.fn();
    await client.call('registerBLEConnectionStateChange', {}, { listeners: { callback: first } });
    await client.call('registerBLEConnectionStateChange', {}, { listeners: { callback: second } });
    sim.fire('BLEConnectionStateChange', { deviceId: 'D', connected: 'yes' });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    await client.call('cancelBLEConnectionStateChange');
  });

  it('cancel stops native delivery but leaves the JS listener attached', async () => {
    const { sim, client } = await bleSetup();
    const callback = vi.fn();
    await client.call('registerBLEConnectionStateChange', {}, { listeners: { callback } });
    await client.call('cancelBLEConnectionStateChange');
    expect(sim.activeSubscriptions()).toEqual([]);
    expect(sim.fire('BLEConnectionStateChange', { deviceId: 'D', connected: 'yes' })).toBe(false);
    sim.emit('BLEConnectionStateChange', { deviceId: 'D', connected: 'yes' });
    expect(callback).toHaveBeenCalledTimes(1); // the document listener is still there
  });

  it('ships a demo heart-rate monitor that notifies every second', async () => {
    const { ble } = await bleSetup({ peripherals: [DEMO_HEART_RATE_MONITOR] });
    const ref = { deviceId: DEMO_HEART_RATE_MONITOR.deviceId, serviceId: '180D', characteristicId: '2A37' };
    await ble.connect(ref.deviceId);
    const values: number[] = [];
    await ble.events.subscribe('characteristicValueChange', ({ value }) => values.push(value[1]!));
    vi.useFakeTimers();
    await settle(ble.notify(ref));
    await vi.advanceTimersByTimeAsync(2000);
    expect(values).toEqual([61, 62]);
  });

  it('answers with no virtual peripherals when none are configured', async () => {
    const sim = installSimulator();
    expect(sim.bluetooth.opened).toBe(false);
    expect(sim.bluetooth.activeTimers()).toBe(0);
    sim.uninstall();
  });
});
