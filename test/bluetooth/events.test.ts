import { describe, expect, it, vi } from 'vitest';
import type { CharacteristicValue, ConnectionState } from '../../src/bluetooth.js';
import { bleSetup, eventually, HRM, measurement } from './fixtures.js';

const CONNECTION = 'BLEConnectionStateChange';

describe('bluetooth events: native subscriptions', () => {
  it('registers once for the first listener and cancels once after the last', async () => {
    const { sim, ble } = await bleSetup();
    const a = vi.fn();
    const b = vi.fn();
    ble.events.on('connectionStateChange', a);
    ble.events.on('connectionStateChange', b);
    await eventually(() => expect(sim.activeSubscriptions()).toEqual([CONNECTION]));
    ble.events.off('connectionStateChange', a);
    ble.events.off('connectionStateChange', b);
    await eventually(() => expect(sim.callsOf('cancelBLEConnectionStateChange')).toHaveLength(1));
    expect(sim.callsOf('registerBLEConnectionStateChange')).toHaveLength(1);
    expect(sim.activeSubscriptions()).toEqual([]);
  });

  it('maps each event onto its own register/cancel pair', async () => {
    const { sim, ble } = await bleSetup();
    const stops = await Promise.all(
      (
        ['deviceFound', 'connectionStateChange', 'characteristicValueChange', 'adapterStateChange'] as const
      ).map((event) => ble.events.subscribe(event, () => undefined)),
    );
    expect([...sim.activeSubscriptions()].sort()).toEqual([
      'BLECharacteristicValueChange',
      'BLEConnectionStateChange',
      'BluetoothAdapterStateChange',
      'BluetoothDeviceFound',
    ]);
    await Promise.all(stops.map((stop) => stop()));
    expect(sim.activeSubscriptions()).toEqual([]);
    for (const plugin of [
      'cancelBluetoothDeviceFound',
      'cancelBLEConnectionStateChange',
      'cancelBLECharacteristicValueChange',
      'cancelBluetoothAdapterStateChange',
    ])
      expect(sim.callsOf(plugin)).toHaveLength(1);
  });

  it('passes nothing on after cancel although the app keeps its document listener', async () => {
    const { sim, ble } = await bleSetup();
    const listener = vi.fn();
    const stop = await ble.events.subscribe('connectionStateChange', listener);
    await stop();
    sim.emit(CONNECTION, { deviceId: 'late', connected: 'yes' });
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('bluetooth events: payloads', () => {
  it('turns "yes"/"no" in any case into booleans', async () => {
    const { sim, ble } = await bleSetup();
    const seen: ConnectionState[] = [];
    await ble.events.subscribe('connectionStateChange', (state) => seen.push(state));
    sim.fire(CONNECTION, { deviceId: 'D1', connected: 'YES' });
    sim.fire(CONNECTION, { deviceId: 'D1', connected: 'No' });
    expect(seen).toEqual([
      { deviceId: 'D1', connected: true },
      { deviceId: 'D1', connected: false },
    ]);
  });

  it('reads payloads carried on Event objects (the simulator default)', async () => {
    const { ble } = await bleSetup();
    const seen: ConnectionState[] = [];
    await ble.events.subscribe('connectionStateChange', (state) => seen.push(state));
    await ble.connect(HRM.deviceId);
    await eventually(() => expect(seen).toEqual([{ deviceId: HRM.deviceId, connected: true }]));
  });

  it('reads plain-object payloads the same way', async () => {
    const { ble } = await bleSetup({ eventPayload: 'object' });
    const seen: ConnectionState[] = [];
    await ble.events.subscribe('connectionStateChange', (state) => seen.push(state));
    await ble.connect(HRM.deviceId);
    await ble.disconnect(HRM.deviceId);
    await eventually(() =>
      expect(seen).toEqual([
        { deviceId: HRM.deviceId, connected: true },
        { deviceId: HRM.deviceId, connected: false },
      ]),
    );
  });

  it('reads fields an app puts in a CustomEvent detail', async () => {
    const { ble } = await bleSetup();
    const seen: ConnectionState[] = [];
    await ble.events.subscribe('connectionStateChange', (state) => seen.push(state));
    document.dispatchEvent(new CustomEvent(CONNECTION, { detail: { deviceId: 'D9', connected: 'yes' } }));
    expect(seen).toEqual([{ deviceId: 'D9', connected: true }]);
  });

  it('gives deviceFound RSSI as a number', async () => {
    const { sim, ble } = await bleSetup();
    const found = vi.fn();
    await ble.events.subscribe('deviceFound', found);
    sim.fire('BluetoothDeviceFound', { deviceId: 'D1', name: 'n', RSSI: '-67' });
    expect(found).toHaveBeenCalledWith({
      deviceId: 'D1',
      name: 'n',
      localName: '',
      RSSI: -67,
      manufacturerData: undefined,
      advertisedServices: [],
    });
  });

  it('decodes characteristic values and keeps the raw string', async () => {
    const { sim, ble } = await bleSetup();
    const seen: CharacteristicValue[] = [];
    await ble.events.subscribe('characteristicValueChange', (value) => seen.push(value));
    sim.fire('BLECharacteristicValueChange', { ...measurement, value: '00ff10' });
    expect(seen).toEqual([
      { ...measurement, value: Uint8Array.of(0, 255, 16), raw: '00ff10', decoded: true },
    ]);
  });

  it('keeps an undecodable value as raw with decoded false instead of throwing in the callback', async () => {
    const { sim, ble } = await bleSetup();
    const seen: CharacteristicValue[] = [];
    await ble.events.subscribe('characteristicValueChange', (value) => seen.push(value));
    sim.fire('BLECharacteristicValueChange', { ...measurement, value: 'not hex' });
    expect(seen).toEqual([{ ...measurement, value: new Uint8Array(0), raw: 'not hex', decoded: false }]);
  });

  it('reports adapter changes with the app state string', async () => {
    const { sim, ble } = await bleSetup();
    const changes = vi.fn();
    await ble.events.subscribe('adapterStateChange', changes);
    sim.bluetooth.setAdapter({ available: false, state: 'poweredOff' });
    sim.fire('BluetoothAdapterStateChange', { state: 'on', available: 'yes' });
    expect(changes.mock.calls.map(([change]) => change)).toEqual([
      { state: 'poweredOff' },
      { state: 'on', available: true },
    ]);
  });

  it('reports a failed register to error listeners', async () => {
    const { sim, ble } = await bleSetup();
    sim.fault('registerBluetoothDeviceFound', { fail: 'code', code: '10001' }, 1);
    const onError = vi.fn();
    ble.events.on('error', onError);
    ble.events.on('deviceFound', () => undefined);
    await eventually(() =>
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: '10001' }), 'deviceFound'),
    );
  });
});
