/**
 * Raw Bluetooth payloads → typed values. Every reader accepts plain objects,
 * Event objects carrying the fields and JSON strings (see payload.ts), and
 * none throws: a throw inside a native event callback would be lost.
 */
import { fieldsOf, flag, list, num, text, type FieldReader } from '../payload.js';
import { decodeValue, type ValueCodec } from '../value-codec.js';
import type {
  AdapterState,
  AdapterStateChange,
  BluetoothCharacteristic,
  BluetoothDevice,
  BluetoothService,
  CharacteristicValue,
  ConnectionState,
} from './types.js';

/** One device from `BluetoothDeviceFound` or a device list. */
export function toDevice(raw: unknown): BluetoothDevice {
  const field = fieldsOf(raw);
  const manufacturerData = field('manufacturerData');
  return {
    deviceId: text(field('deviceId')),
    name: text(field('name')),
    localName: text(field('localName')),
    RSSI: num(field('RSSI') ?? field('rssi')),
    manufacturerData: manufacturerData === undefined ? undefined : text(manufacturerData),
    advertisedServices: list(field('advertisServiceUUIDs') ?? field('advertisServices')).map(text),
  };
}

/** `{devices: [...]}` → devices. */
export function toDeviceList(raw: unknown): BluetoothDevice[] {
  return list(fieldsOf(raw)('devices')).map(toDevice);
}

/** `BLEConnectionStateChange` → `{deviceId, connected}`. */
export function toConnectionState(raw: unknown): ConnectionState {
  const field = fieldsOf(raw);
  return { deviceId: text(field('deviceId')), connected: flag(field('connected')) };
}

/** `BluetoothAdapterStateChange` → `{state, available?, discovering?}`. */
export function toAdapterStateChange(raw: unknown): AdapterStateChange {
  const field = fieldsOf(raw);
  const optionalFlag = (name: 'available' | 'discovering'): Partial<AdapterStateChange> =>
    field(name) === undefined ? {} : { [name]: flag(field(name)) };
  return { state: text(field('state')), ...optionalFlag('available'), ...optionalFlag('discovering') };
}

/** `getBluetoothAdapterState` → booleans. */
export function toAdapterState(raw: unknown): AdapterState {
  const field = fieldsOf(raw);
  return { available: flag(field('available')), discovering: flag(field('discovering')) };
}

/**
 * A characteristic value from `BLECharacteristicValueChange` or
 * `readBLECharacteristicValue` (whose fields sit under `characteristic`).
 * Ids the payload lacks are taken from `fallback` (the ids the caller asked for).
 */
export function toCharacteristicValue(
  raw: unknown,
  codec: ValueCodec,
  fallback?: Partial<CharacteristicValue>,
): CharacteristicValue {
  const outer = fieldsOf(raw);
  const nested = outer('characteristic');
  const field: FieldReader = nested === undefined ? outer : fieldsOf(nested);
  const id = (name: 'deviceId' | 'serviceId' | 'characteristicId'): string =>
    text(field(name) ?? outer(name)) || (fallback?.[name] ?? '');
  return {
    deviceId: id('deviceId'),
    serviceId: id('serviceId'),
    characteristicId: id('characteristicId'),
    ...decodeValue(field('value'), codec),
  };
}

/** `{services: [...]}` → services. */
export function toServices(raw: unknown): BluetoothService[] {
  return list(fieldsOf(raw)('services')).map((entry) => {
    const field = fieldsOf(entry);
    const primary = field('isPrimary');
    return {
      uuid: text(field('uuid') ?? field('serviceId')),
      isPrimary: primary === undefined || flag(primary),
    };
  });
}

/** `{characteristics: [...]}` → characteristics; properties may be nested or flat, flags or booleans. */
export function toCharacteristics(raw: unknown): BluetoothCharacteristic[] {
  return list(fieldsOf(raw)('characteristics')).map((entry) => {
    const field = fieldsOf(entry);
    const nested = field('properties');
    const property = nested === undefined ? field : fieldsOf(nested);
    return {
      uuid: text(field('uuid') ?? field('characteristicId')),
      properties: {
        read: flag(property('read')),
        write: flag(property('write')),
        notify: flag(property('notify')),
        indicate: flag(property('indicate')),
      },
    };
  });
}

/** Case-insensitive UUID/id comparison (apps differ in the case they report). */
export function sameId(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
