/** Virtual peripherals and a harness shared by the Bluetooth tests. */
import { vi } from 'vitest';
import type { BluetoothSimOptions, VirtualPeripheral } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';
import { bluetooth, type BluetoothOptions } from '../../src/bluetooth.js';

export const HEART_RATE = '180D';
export const MEASUREMENT = '2A37';
export const CONTROL = '2A39';

/** A heart-rate monitor: readable + notifying measurement, writable control point. */
export const HRM: VirtualPeripheral = {
  deviceId: 'AA:BB:CC:00:00:01',
  name: 'HRM',
  localName: 'HRM-local',
  RSSI: -52,
  advertisedServices: [HEART_RATE],
  manufacturerData: '0102',
  services: [
    {
      uuid: HEART_RATE,
      characteristics: [
        { uuid: MEASUREMENT, properties: { read: true, notify: true }, value: '0048', notifyEvery: 100 },
        { uuid: CONTROL, properties: { write: true } },
      ],
    },
  ],
};

/** A scale advertising another service, with no characteristics of interest. */
export const SCALE: VirtualPeripheral = {
  deviceId: 'AA:BB:CC:00:00:02',
  name: 'Scale',
  RSSI: -70,
  advertisedServices: ['181D'],
  services: [{ uuid: '181D', isPrimary: false }],
};

export const measurement = { deviceId: HRM.deviceId, serviceId: HEART_RATE, characteristicId: MEASUREMENT };
export const control = { deviceId: HRM.deviceId, serviceId: HEART_RATE, characteristicId: CONTROL };

/** A simulator with the HRM and the scale, a client and its `bluetooth(client, familyOptions)`; `opened` opens the adapter first. */
export async function bleSetup(
  simOptions: BluetoothSimOptions = {},
  familyOptions?: BluetoothOptions,
  opened = true,
) {
  const h = setup({ bluetooth: { peripherals: [HRM, SCALE], ...simOptions } });
  const ble = bluetooth(h.client, familyOptions);
  if (opened) await ble.open();
  return { ...h, ble };
}

export const eventually = (assertion: () => void): Promise<void> =>
  vi.waitFor(assertion, { timeout: 2000, interval: 2 });
