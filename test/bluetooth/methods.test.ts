import { describe, expect, it } from 'vitest';
import { ok } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';
import {
  bleSetup,
  CONTROL,
  control,
  eventually,
  HEART_RATE,
  HRM,
  measurement,
  MEASUREMENT,
  SCALE,
} from './fixtures.js';
import { bluetooth } from '../../src/bluetooth.js';

const paramsOf = (
  sim: { callsOf(name: string): readonly { params: Readonly<Record<string, unknown>> }[] },
  name: string,
) => sim.callsOf(name).map((call) => call.params);

describe('bluetooth adapter methods', () => {
  it('open resolves {supported: true} from isSupportBLE "yes"', async () => {
    const { ble } = await bleSetup({}, {}, false);
    await expect(ble.open()).resolves.toEqual({ supported: true });
  });

  it('open resolves {supported: false} when the phone lacks BLE', async () => {
    const { ble } = await bleSetup({ supported: false }, {}, false);
    await expect(ble.open()).resolves.toEqual({ supported: false });
  });

  it('reads "YES"/"No" flags in any case as booleans', async () => {
    const h = setup({
      plugins: {
        openBluetoothAdapter: () => ok({ isSupportBLE: 'Yes' }),
        getBluetoothAdapterState: () => ok({ available: 'YES', discovering: 'No' }),
      },
    });
    await expect(bluetooth(h.client).open()).resolves.toEqual({ supported: true });
    await expect(bluetooth(h.client).state()).resolves.toEqual({ available: true, discovering: false });
  });

  it('reads a JSON-string answer (as Android sends some) like an object', async () => {
    const h = setup({
      plugins: { getBluetoothAdapterState: () => ok('{"available":"no","discovering":"yes"}') },
    });
    await expect(bluetooth(h.client).state()).resolves.toEqual({ available: false, discovering: true });
  });

  it('state reports discovering while discovery runs', async () => {
    const { ble } = await bleSetup();
    await ble.startDiscovery();
    await expect(ble.state()).resolves.toEqual({ available: true, discovering: true });
    await ble.stopDiscovery();
    await expect(ble.state()).resolves.toEqual({ available: true, discovering: false });
  });

  it('rejects device operations before open with the app failure', async () => {
    const { ble } = await bleSetup({}, {}, false);
    await expect(ble.state()).rejects.toMatchObject({ code: '10000', plugin: 'getBluetoothAdapterState' });
  });

  it('close, openSettings resolve with nothing', async () => {
    const { sim, ble } = await bleSetup();
    await expect(ble.openSettings()).resolves.toBeUndefined();
    await expect(ble.close()).resolves.toBeUndefined();
    expect(sim.bluetooth.opened).toBe(false);
  });
});

describe('bluetooth discovery parameters', () => {
  it('sends services and allowDuplicatesKey "yes"/"no" when given', async () => {
    const { sim, ble } = await bleSetup();
    await ble.startDiscovery({ services: [HEART_RATE], allowDuplicates: true });
    await ble.stopDiscovery({ allowDuplicates: false });
    expect(paramsOf(sim, 'startBluetoothDevicesDiscovery')).toEqual([
      { services: [HEART_RATE], allowDuplicatesKey: 'yes' },
    ]);
    expect(paramsOf(sim, 'stopBluetoothDevicesDiscovery')).toEqual([{ allowDuplicatesKey: 'no' }]);
  });

  it('omits optional fields entirely rather than sending them empty', async () => {
    const { sim, ble } = await bleSetup();
    await ble.startDiscovery();
    await ble.startDiscovery({ services: undefined });
    await ble.connectedDevices();
    expect(paramsOf(sim, 'startBluetoothDevicesDiscovery')).toEqual([{}, {}]);
    expect(paramsOf(sim, 'getConnectedBluetoothDevices')).toEqual([{}]);
  });

  it('rejects an empty services list without calling the bridge', async () => {
    const { sim, ble } = await bleSetup();
    await expect(ble.startDiscovery({ services: [] })).rejects.toMatchObject({
      code: 'invalid_param',
      message: expect.stringContaining('Expected `services` to be a non-empty array'),
    });
    expect(sim.callsOf('startBluetoothDevicesDiscovery')).toHaveLength(0);
  });

  it.each(['not-a-uuid!', 'zz', '180', '0000180D-0000-1000-8000'])(
    'rejects the service filter %j (not a Bluetooth UUID) without calling the bridge',
    async (bad) => {
      const { sim, ble } = await bleSetup();
      await expect(ble.startDiscovery({ services: ['180D', bad] })).rejects.toMatchObject({
        code: 'invalid_param',
        message: expect.stringContaining('Expected `services[1]` to be a service UUID'),
      });
      await expect(ble.connectedDevices({ services: [bad] })).rejects.toMatchObject({
        code: 'invalid_param',
      });
      expect(sim.callsOf('startBluetoothDevicesDiscovery')).toHaveLength(0);
      expect(sim.callsOf('getConnectedBluetoothDevices')).toHaveLength(0);
    },
  );

  it('accepts 16-bit, 32-bit and 128-bit service UUIDs, dashed or not, in either case', async () => {
    const { sim, ble } = await bleSetup();
    const services = [
      '180d',
      '0000180D',
      '0000180D-0000-1000-8000-00805F9B34FB',
      '0000180d00001000800000805f9b34fb',
    ];
    await ble.startDiscovery({ services });
    expect(paramsOf(sim, 'startBluetoothDevicesDiscovery')).toEqual([{ services }]);
  });

  it('rejects a non-boolean allowDuplicates (no truthy "no")', async () => {
    const { ble } = await bleSetup();
    await expect(ble.startDiscovery({ allowDuplicates: 'no' as unknown as boolean })).rejects.toMatchObject({
      code: 'invalid_param',
    });
  });

  it('devices lists what discovery found, with RSSI as a number', async () => {
    const { ble } = await bleSetup();
    await ble.startDiscovery();
    await eventually(async () => expect(await ble.devices()).toHaveLength(2));
    const devices = await ble.devices();
    expect(devices[0]).toEqual({
      deviceId: HRM.deviceId,
      name: 'HRM',
      localName: 'HRM-local',
      RSSI: -52,
      manufacturerData: '0102',
      advertisedServices: [HEART_RATE],
    });
    expect(devices[1]).toMatchObject({ deviceId: SCALE.deviceId, RSSI: -70, manufacturerData: undefined });
  });
});

describe('bluetooth connection and GATT methods', () => {
  it('connect and disconnect send the deviceId', async () => {
    const { sim, ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    expect(sim.bluetooth.isConnected(HRM.deviceId)).toBe(true);
    await ble.disconnect(HRM.deviceId);
    expect(sim.bluetooth.isConnected(HRM.deviceId)).toBe(false);
    expect(paramsOf(sim, 'connectBLEDevice')).toEqual([{ deviceId: HRM.deviceId }]);
  });

  it('rejects an empty deviceId before the bridge', async () => {
    const { sim, ble } = await bleSetup();
    await expect(ble.connect('')).rejects.toMatchObject({
      code: 'invalid_param',
      plugin: 'connectBLEDevice',
      message: expect.stringContaining('Expected `deviceId` to be a non-empty string, got ""'),
    });
    expect(sim.callsOf('connectBLEDevice')).toHaveLength(0);
  });

  it('lists connected devices only after a connection event reached the page', async () => {
    const { ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    await expect(ble.connectedDevices()).resolves.toEqual([]); // the app's quirk
    await ble.disconnect(HRM.deviceId);
    const stop = await ble.events.subscribe('connectionStateChange', () => undefined);
    await ble.connect(HRM.deviceId);
    await eventually(async () => expect(await ble.connectedDevices()).toHaveLength(1));
    await expect(ble.connectedDevices({ services: ['181D'] })).resolves.toEqual([]);
    await stop();
  });

  it('services maps isPrimary flags to booleans', async () => {
    const { ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    await ble.connect(SCALE.deviceId);
    await expect(ble.services(HRM.deviceId)).resolves.toEqual([{ uuid: HEART_RATE, isPrimary: true }]);
    await expect(ble.services(SCALE.deviceId)).resolves.toEqual([{ uuid: '181D', isPrimary: false }]);
  });

  it('characteristics maps property flags to booleans', async () => {
    const { sim, ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    await expect(ble.characteristics({ deviceId: HRM.deviceId, serviceId: HEART_RATE })).resolves.toEqual([
      { uuid: MEASUREMENT, properties: { read: true, write: false, notify: true, indicate: false } },
      { uuid: CONTROL, properties: { read: false, write: true, notify: false, indicate: false } },
    ]);
    expect(paramsOf(sim, 'getBLEDeviceCharacteristics')).toEqual([
      { deviceId: HRM.deviceId, serviceId: HEART_RATE },
    ]);
  });

  it('read returns bytes, the raw string, and the ids it asked for when the answer omits them', async () => {
    const { ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    await expect(ble.read(measurement)).resolves.toEqual({
      ...measurement,
      value: Uint8Array.of(0x00, 0x48),
      raw: '0048',
      decoded: true,
    });
  });

  it('notify sends the ids, and the reserved state flag only when given', async () => {
    const { sim, ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    await ble.notify(measurement);
    await ble.notify({ ...measurement, state: false });
    expect(paramsOf(sim, 'notifyBLECharacteristicValueChange')).toEqual([
      measurement,
      { ...measurement, state: 'no' },
    ]);
  });

  it('rejects a read with a missing characteristicId before the bridge', async () => {
    const { sim, ble } = await bleSetup();
    const bad = { deviceId: HRM.deviceId, serviceId: HEART_RATE } as typeof measurement;
    await expect(ble.read(bad)).rejects.toMatchObject({
      code: 'invalid_param',
      plugin: 'readBLECharacteristicValue',
    });
    expect(sim.callsOf('readBLECharacteristicValue')).toHaveLength(0);
  });

  it('passes the app failure of an unsupported property through', async () => {
    const { ble } = await bleSetup();
    await ble.connect(HRM.deviceId);
    await expect(ble.read(control)).rejects.toMatchObject({
      code: '10007',
      plugin: 'readBLECharacteristicValue',
    });
  });
});
