/**
 * The §6.23 promise methods as data: plugin, input check/conversion, result
 * normalizer, and whether the call touches a device (and so waits its turn).
 */
import { definePlugin } from '../define.js';
import { bool, nonEmptyList, optional, text } from '../validate.js';
import { toBytes, type ValueCodec } from '../value-codec.js';
import {
  toAdapterState,
  toCharacteristics,
  toCharacteristicValue,
  toDeviceList,
  toServices,
} from './normalize.js';
import type { CharacteristicRef, DiscoveryOptions, NotifyInput, WriteInput } from './types.js';
import type { WireCharacteristicRef, WireDiscoveryParams } from '../../client/wire/bluetooth.js';
import { field, fieldsOf, flag } from '../payload.js';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

const deviceParams = (deviceId: unknown): { deviceId: string } => ({ deviceId: text('deviceId', deviceId) });

/** The three ids of a characteristic, checked (a bad one throws `invalid_param` through `fail`). */
export function refParams(input: unknown): WireCharacteristicRef {
  return {
    deviceId: text('deviceId', field(input, 'deviceId')),
    serviceId: text('serviceId', field(input, 'serviceId')),
    characteristicId: text('characteristicId', field(input, 'characteristicId')),
  };
}

const uuids = (field: string, value: unknown): string[] => nonEmptyList(field, value, text);

/**
 * Discovery filters, checked (a bad one throws `invalid_param` through `fail`); optional fields are
 * left out entirely (the app rejects them sent empty).
 */
export function discoveryParams(input: DiscoveryOptions | undefined): WireDiscoveryParams {
  const services = optional('services', input?.services, uuids);
  const allowDuplicates = optional('allowDuplicates', input?.allowDuplicates, bool);
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
 * const methods = bindPlugins(core, bluetoothPlugins(VALUE_CODECS.hex), queue);
 * ```
 */
export function bluetoothPlugins(codec: ValueCodec) {
  return {
    open: /* @__PURE__ */ definePlugin({
      plugin: 'openBluetoothAdapter',
      toResult: (raw) => ({ supported: flag(fieldsOf(raw)('isSupportBLE')) }),
    }),
    close: /* @__PURE__ */ definePlugin({ plugin: 'closeBluetoothAdapter' }),
    state: /* @__PURE__ */ definePlugin({ plugin: 'getBluetoothAdapterState', toResult: toAdapterState }),
    startDiscovery: /* @__PURE__ */ definePlugin({
      plugin: 'startBluetoothDevicesDiscovery',
      toParams: (input?: DiscoveryOptions) => discoveryParams(input),
    }),
    stopDiscovery: /* @__PURE__ */ definePlugin({
      plugin: 'stopBluetoothDevicesDiscovery',
      toParams: (input?: DiscoveryOptions) => discoveryParams(input),
    }),
    devices: /* @__PURE__ */ definePlugin({ plugin: 'getBluetoothDevices', toResult: toDeviceList }),
    connect: /* @__PURE__ */ definePlugin({
      plugin: 'connectBLEDevice',
      toParams: (deviceId: string) => deviceParams(deviceId),
      queued: true,
    }),
    disconnect: /* @__PURE__ */ definePlugin({
      plugin: 'disconnectBLEDevice',
      toParams: (deviceId: string) => deviceParams(deviceId),
      queued: true,
    }),
    connectedDevices: /* @__PURE__ */ definePlugin({
      plugin: 'getConnectedBluetoothDevices',
      toParams: (input?: { readonly services?: readonly string[] | undefined }) => {
        const services = optional('services', input?.services, uuids);
        return services ? { services } : {};
      },
      toResult: toDeviceList,
    }),
    services: /* @__PURE__ */ definePlugin({
      plugin: 'getBLEDeviceServices',
      toParams: (deviceId: string) => deviceParams(deviceId),
      toResult: toServices,
      queued: true,
    }),
    characteristics: /* @__PURE__ */ definePlugin({
      plugin: 'getBLEDeviceCharacteristics',
      toParams: (input: { readonly deviceId: string; readonly serviceId: string }) => ({
        ...deviceParams(input?.deviceId),
        serviceId: text('serviceId', input?.serviceId),
      }),
      toResult: toCharacteristics,
      queued: true,
    }),
    read: /* @__PURE__ */ definePlugin({
      plugin: 'readBLECharacteristicValue',
      toParams: (input: CharacteristicRef) => refParams(input),
      // The answer's ids may be missing; the ones asked for fill in.
      toResult: (raw, input) => toCharacteristicValue(raw, codec, input),
      queued: true,
    }),
    write: /* @__PURE__ */ definePlugin({
      plugin: 'writeBLECharacteristicValue',
      toParams: (input: WriteInput) => ({
        ...refParams(input),
        value: codec.encode(toBytes('writeBLECharacteristicValue', 'value', input?.value)),
      }),
      queued: true,
    }),
    notify: /* @__PURE__ */ definePlugin({
      plugin: 'notifyBLECharacteristicValueChange',
      toParams: (input: NotifyInput) => {
        const state = optional('state', input?.state, bool);
        return {
          ...refParams(input),
          ...(state === undefined ? {} : { state: yesNo(state) }),
        };
      },
      queued: true,
    }),
    openSettings: /* @__PURE__ */ definePlugin({ plugin: 'openBluetoothSetting' }),
  };
}
