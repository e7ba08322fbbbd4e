import { describe, expect, it } from 'vitest';
import type { BluetoothDevice, CharacteristicValue, ConnectionState } from '../../src/bluetooth.js';
import type { Simulator } from '../../src/simulator/index.js';
import { bleSetup, control, eventually, HEART_RATE, HRM, measurement, SCALE } from './fixtures.js';

/** Nothing native left behind: no subscription, no discovery, no simulator timer. */
function expectNoLeaks(sim: Simulator): void {
  expect(sim.activeSubscriptions()).toEqual([]);
  expect(sim.bluetooth.discovering).toBe(false);
  expect(sim.bluetooth.activeTimers()).toBe(0);
}

describe('bluetooth.scan', () => {
  it('listens before starting discovery, yields devices, and stops both on break', async () => {
    const { sim, ble } = await bleSetup();
    const names: string[] = [];
    for await (const device of ble.scan()) {
      names.push(device.name);
      if (names.length === 2) break;
    }
    expect(names).toEqual(['HRM', 'Scale']);
    const order = sim.calls.map((c) => c.plugin).filter((p) => /Discovery|DeviceFound/.test(p));
    expect(order).toEqual([
      'registerBluetoothDeviceFound',
      'startBluetoothDevicesDiscovery',
      'stopBluetoothDevicesDiscovery',
      'cancelBluetoothDeviceFound',
    ]);
    expectNoLeaks(sim);
  });

  it('passes its filters to discovery', async () => {
    const { sim, ble } = await bleSetup();
    for await (const device of ble.scan({ services: [HEART_RATE], allowDuplicates: false })) {
      expect(device.deviceId).toBe(HRM.deviceId);
      break;
    }
    expect(sim.callsOf('startBluetoothDevicesDiscovery')[0]?.params).toEqual({
      services: [HEART_RATE],
      allowDuplicatesKey: 'no',
    });
  });

  it('rejects bad filters before any native call', async () => {
    const { sim, ble } = await bleSetup();
    sim.clearCalls();
    await expect(ble.scan({ services: [''] }).next()).rejects.toMatchObject({
      code: 'invalid_param',
      message: expect.stringContaining('Expected `services[0]` to be a service UUID'),
    });
    expect(sim.calls).toEqual([]);
  });

  it('cleans up when aborted', async () => {
    const { sim, ble } = await bleSetup();
    const controller = new AbortController();
    const loop = (async () => {
      for await (const device of ble.scan({ signal: controller.signal })) void device;
    })();
    await eventually(() => expect(sim.bluetooth.discovering).toBe(true));
    controller.abort();
    await expect(loop).rejects.toMatchObject({ name: 'AbortError' });
    await eventually(() => expectNoLeaks(sim));
  });

  it('cleans up when the loop body throws', async () => {
    const { sim, ble } = await bleSetup();
    const loop = (async () => {
      for await (const device of ble.scan()) throw new Error(`stop at ${device.name}`);
    })();
    await expect(loop).rejects.toThrow('stop at HRM');
    expectNoLeaks(sim);
  });

  it('stops discovery it was still starting when aborted', async () => {
    const { sim, ble } = await bleSetup();
    sim.setLatency((plugin) => (plugin === 'startBluetoothDevicesDiscovery' ? 20 : 0));
    const controller = new AbortController();
    const next = ble.scan({ signal: controller.signal }).next();
    await eventually(() => expect(sim.callsOf('startBluetoothDevicesDiscovery')).toHaveLength(1));
    controller.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    await eventually(() => expect(sim.callsOf('stopBluetoothDevicesDiscovery')).toHaveLength(1));
    await eventually(() => expectNoLeaks(sim));
  });

  it('rejects with the discovery failure and leaves no listener', async () => {
    const { sim, ble } = await bleSetup();
    sim.fault('startBluetoothDevicesDiscovery', { fail: 'code', code: '10001', msg: 'off' }, 1);
    await expect(ble.scan().next()).rejects.toMatchObject({ code: '10001' });
    expectNoLeaks(sim);
  });

  it('shares one discovery between concurrent scans and stops it after the last', async () => {
    const { sim, ble } = await bleSetup({ advertiseInterval: 5 });
    const take = async (count: number, hold: Promise<void>): Promise<BluetoothDevice[]> => {
      const devices: BluetoothDevice[] = [];
      for await (const device of ble.scan({ allowDuplicates: true })) {
        devices.push(device);
        if (devices.length === count) {
          await hold;
          break;
        }
      }
      return devices;
    };
    let releaseLong!: () => void;
    const short = take(1, Promise.resolve());
    const long = take(3, new Promise<void>((resolve) => (releaseLong = resolve)));
    expect(await short).toHaveLength(1);
    expect(sim.bluetooth.discovering).toBe(true); // the long scan still runs
    releaseLong();
    expect(await long).toHaveLength(3);
    expect(sim.callsOf('startBluetoothDevicesDiscovery')).toHaveLength(1);
    expect(sim.callsOf('stopBluetoothDevicesDiscovery')).toHaveLength(1);
    expect(sim.callsOf('registerBluetoothDeviceFound')).toHaveLength(1);
    expectNoLeaks(sim);
  });
});

describe('bluetooth.notifications', () => {
  it('enables notify and yields only that characteristic, decoded', async () => {
    const { sim, ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    const values: CharacteristicValue[] = [];
    const loop = (async () => {
      for await (const value of ble.notifications(measurement)) {
        values.push(value);
        if (values.length === 2) break;
      }
    })();
    await eventually(() => expect(sim.bluetooth.notifying()).toHaveLength(1));
    expect(sim.callsOf('notifyBLECharacteristicValueChange')[0]?.params).toEqual(measurement);
    sim.fire('BLECharacteristicValueChange', { ...control, value: 'FF' }); // another characteristic
    sim.bluetooth.notify(measurement, Uint8Array.of(1, 2));
    sim.fire('BLECharacteristicValueChange', {
      ...measurement,
      deviceId: HRM.deviceId.toLowerCase(),
      value: '0304',
    });
    await loop;
    expect(values.map((v) => [...v.value])).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expectNoLeaks(sim);
  });

  it('fans one native subscription out to two iterators', async () => {
    const { sim, ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    const collect = async (count: number): Promise<string[]> => {
      const raws: string[] = [];
      for await (const { raw } of ble.notifications(measurement)) {
        raws.push(raw);
        if (raws.length === count) break;
      }
      return raws;
    };
    const first = collect(1);
    const second = collect(2);
    await eventually(() => expect(ble.events.listenerCount('characteristicValueChange')).toBe(2));
    await eventually(() => expect(sim.callsOf('notifyBLECharacteristicValueChange')).toHaveLength(2));
    sim.bluetooth.notify(measurement, '0A');
    sim.bluetooth.notify(measurement, '0B');
    expect(await first).toEqual(['0A']);
    expect(await second).toEqual(['0A', '0B']);
    expect(sim.callsOf('registerBLECharacteristicValueChange')).toHaveLength(1);
    expect(sim.callsOf('cancelBLECharacteristicValueChange')).toHaveLength(1);
    expectNoLeaks(sim);
  });

  it('cleans up when the loop body throws', async () => {
    const { sim, ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    const loop = (async () => {
      for await (const { raw } of ble.notifications(measurement)) throw new Error(`bad ${raw}`);
    })();
    await eventually(() => expect(sim.bluetooth.notifying()).toHaveLength(1));
    sim.bluetooth.notify(measurement, 'EE');
    await expect(loop).rejects.toThrow('bad EE');
    expectNoLeaks(sim);
  });

  it('rejects bad ids before any native call', async () => {
    const { sim, ble } = await bleSetup();
    sim.clearCalls();
    const iterator = ble.notifications({ ...measurement, serviceId: '' });
    await expect(iterator.next()).rejects.toMatchObject({ code: 'invalid_param' });
    expect(sim.calls).toEqual([]);
  });

  it('rejects with the notify failure and releases the listener', async () => {
    const { sim, ble } = await bleSetup();
    await expect(ble.notifications(measurement).next()).rejects.toMatchObject({ code: '10006' }); // not connected
    expectNoLeaks(sim);
  });

  it('stops the simulated periodic notifications when aborted', async () => {
    const { sim, ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    const controller = new AbortController();
    const values: number[] = [];
    const loop = (async () => {
      for await (const { value } of ble.notifications(measurement, { signal: controller.signal })) {
        values.push(value[0]!);
        if (values.length === 1) controller.abort();
      }
    })();
    await expect(loop).rejects.toMatchObject({ name: 'AbortError' });
    expect(values).toEqual([1]);
    await eventually(() => expectNoLeaks(sim));
  });
});

describe('bluetooth.connectionStates', () => {
  it('yields the changes of one device only', async () => {
    const { sim, ble } = await bleSetup();
    const states: ConnectionState[] = [];
    const loop = (async () => {
      for await (const state of ble.connectionStates(HRM.deviceId)) {
        states.push(state);
        if (!state.connected) break;
      }
    })();
    await eventually(() => expect(sim.activeSubscriptions()).toEqual(['BLEConnectionStateChange']));
    await ble.connect(SCALE.deviceId);
    await ble.connect(HRM.deviceId);
    await eventually(() => expect(states).toHaveLength(1));
    sim.bluetooth.disconnect(HRM.deviceId); // the peripheral drops the link
    await loop;
    expect(states).toEqual([
      { deviceId: HRM.deviceId, connected: true },
      { deviceId: HRM.deviceId, connected: false },
    ]);
    expect(sim.activeSubscriptions()).toEqual([]);
  });

  it('yields every device without a filter', async () => {
    const { sim, ble } = await bleSetup();
    const ids: string[] = [];
    const loop = (async () => {
      for await (const state of ble.connectionStates()) {
        ids.push(state.deviceId);
        if (ids.length === 2) break;
      }
    })();
    await eventually(() => expect(sim.activeSubscriptions()).toHaveLength(1));
    await ble.connect(SCALE.deviceId);
    await ble.connect(HRM.deviceId);
    await loop;
    expect(ids).toEqual([SCALE.deviceId, HRM.deviceId]);
  });
});
