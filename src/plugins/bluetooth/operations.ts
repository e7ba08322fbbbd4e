/**
 * The §6.23 promise methods as data: plugin, input check/conversion, result
 * normalizer, and whether the call touches a device (and so waits its turn).
 */
import { operation } from '../operation.js';
import { bool, nonEmptyList, optional, text, validated } from '../validate.js';
import { toBytes, type ValueCodec } from '../value-codec.js';
import {
  toAdapterState,
  toCharacteristics,
  toCharacteristicValue,
  toDeviceList,
  toServices,
} from './normalize.js';
import type { CharacteristicRef, DiscoveryOptions, NotifyInput, WriteInput } from './types.js';
import type { WireCharacteristicRef, WireDiscoveryParams } from './map.js';
import { fieldsOf, flag } from '../payload.js';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

function deviceParams(plugin: string, deviceId: unknown): { deviceId: string } {
  return validated(plugin, () => ({ deviceId: text('deviceId', deviceId) }));
}

/** The three ids of a characteristic, checked. */
export function refParams(plugin: string, input: unknown): WireCharacteristicRef {
  const ref = (typeof input === 'object' && input !== null ? input : {}) as Partial<CharacteristicRef>;
  return validated(plugin, () => ({
    deviceId: text('deviceId', ref.deviceId),
    serviceId: text('serviceId', ref.serviceId),
    characteristicId: text('characteristicId', ref.characteristicId),
  }));
}

const uuids = (plugin: string) => (field: string, value: unknown) =>
  validated(plugin, () => nonEmptyList(field, value, text));

/** Discovery filters, checked; optional fields are left out entirely (the app rejects them sent empty). */
export function discoveryParams(plugin: string, input: DiscoveryOptions | undefined): WireDiscoveryParams {
  const services = optional('services', input?.services, uuids(plugin));
  const allowDuplicates = validated(plugin, () => optional('allowDuplicates', input?.allowDuplicates, bool));
  return {
    ...(services ? { services } : {}),
    ...(allowDuplicates === undefined ? {} : { allowDuplicatesKey: yesNo(allowDuplicates) }),
  };
}

/**
 * The table of Bluetooth methods for one value codec.
 *
 * @example
 * ```ts
 * const methods = bindOperations(core, bluetoothOperations(VALUE_CODECS.hex), queue);
 * ```
 */
export function bluetoothOperations(codec: ValueCodec) {
  return {
    open: operation({
      plugin: 'openBluetoothAdapter',
      result: (raw) => ({ supported: flag(fieldsOf(raw)('isSupportBLE')) }),
    }),
    close: operation({ plugin: 'closeBluetoothAdapter' }),
    state: operation({ plugin: 'getBluetoothAdapterState', result: toAdapterState }),
    startDiscovery: operation({
      plugin: 'startBluetoothDevicesDiscovery',
      params: (input?: DiscoveryOptions) => discoveryParams('startBluetoothDevicesDiscovery', input),
    }),
    stopDiscovery: operation({
      plugin: 'stopBluetoothDevicesDiscovery',
      params: (input?: DiscoveryOptions) => discoveryParams('stopBluetoothDevicesDiscovery', input),
    }),
    devices: operation({ plugin: 'getBluetoothDevices', result: toDeviceList }),
    connect: operation({
      plugin: 'connectBLEDevice',
      params: (deviceId: string) => deviceParams('connectBLEDevice', deviceId),
      queued: true,
    }),
    disconnect: operation({
      plugin: 'disconnectBLEDevice',
      params: (deviceId: string) => deviceParams('disconnectBLEDevice', deviceId),
      queued: true,
    }),
    connectedDevices: operation({
      plugin: 'getConnectedBluetoothDevices',
      params: (input?: { readonly services?: readonly string[] }) => {
        const services = optional('services', input?.services, uuids('getConnectedBluetoothDevices'));
        return services ? { services } : {};
      },
      result: toDeviceList,
    }),
    services: operation({
      plugin: 'getBLEDeviceServices',
      params: (deviceId: string) => deviceParams('getBLEDeviceServices', deviceId),
      result: toServices,
      queued: true,
    }),
    characteristics: operation({
      plugin: 'getBLEDeviceCharacteristics',
      params: (input: { readonly deviceId: string; readonly serviceId: string }) => ({
        ...deviceParams('getBLEDeviceCharacteristics', input?.deviceId),
        serviceId: validated('getBLEDeviceCharacteristics', () => text('serviceId', input?.serviceId)),
      }),
      result: toCharacteristics,
      queued: true,
    }),
    read: operation({
      plugin: 'readBLECharacteristicValue',
      params: (input: CharacteristicRef) => refParams('readBLECharacteristicValue', input),
      // The answer's ids may be missing; the ones asked for fill in.
      result: (raw, input) => toCharacteristicValue(raw, codec, input),
      queued: true,
    }),
    write: operation({
      plugin: 'writeBLECharacteristicValue',
      params: (input: WriteInput) => ({
        ...refParams('writeBLECharacteristicValue', input),
        value: codec.encode(toBytes('writeBLECharacteristicValue', 'value', input?.value)),
      }),
      queued: true,
    }),
    notify: operation({
      plugin: 'notifyBLECharacteristicValueChange',
      params: (input: NotifyInput) => {
        const state = validated('notifyBLECharacteristicValueChange', () =>
          optional('state', input?.state, bool),
        );
        return {
          ...refParams('notifyBLECharacteristicValueChange', input),
          ...(state === undefined ? {} : { state: yesNo(state) }),
        };
      },
      queued: true,
    }),
    openSettings: operation({ plugin: 'openBluetoothSetting' }),
  };
}
