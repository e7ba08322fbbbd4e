/**
 * The §6.23 promise methods as data: plugin, input check/conversion, result
 * normalizer, and whether the call touches a device (and so waits its turn).
 */
import { definePlugin } from '../define.js';
import { bool, matching, nonEmptyList, optional, text } from '../../shared/validate.js';
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

/** `{ [wire]: 'yes' | 'no' }` for a boolean option; `{}` when not given (the app rejects empty fields). */
const flagParam = (name: string, value: boolean | undefined, wire = name): { [wire: string]: string } => {
  const checked = optional(name, value, bool);
  return checked === undefined ? {} : { [wire]: checked ? 'yes' : 'no' };
};

const deviceParams = (deviceId: string): { deviceId: string } => ({ deviceId: text('deviceId', deviceId) });

/** The named ids of `input`, each checked (a bad one throws `invalid_param` through `fail`). */
const ids = <const N extends string>(input: unknown, names: readonly N[]): Record<N, string> =>
  Object.fromEntries(names.map((name) => [name, text(name, field(input, name))])) as Record<N, string>;

/** The three ids of a characteristic, checked. */
export const refParams = (input: CharacteristicRef): WireCharacteristicRef =>
  ids(input, ['deviceId', 'serviceId', 'characteristicId']);

/**
 * A service UUID as filters take it: 16-bit (`180D`, 4 hex digits), 32-bit (8), or the full 128-bit
 * form (32, dashes optional). Checked here because the app answers a malformed filter by silently
 * finding nothing.
 */
const uuid = (field: string, value: unknown): string =>
  matching(field, value, /^([\da-f]{4}){1,2}$|^[\da-f]{8}(-?[\da-f]{4}){3}-?[\da-f]{12}$/i, 'a service UUID');

const uuids = (field: string, value: unknown): string[] => nonEmptyList(field, value, uuid);

/** Optional service filters, checked; left out entirely when not given (the app rejects them sent empty). */
const serviceFilter = (input?: {
  readonly services?: readonly string[] | undefined;
}): { services?: string[] } => {
  const services = optional('services', input?.services, uuids);
  return services ? { services } : {};
};

/** Discovery filters, checked; optional fields are left out when not given. */
export function discoveryParams(input?: DiscoveryOptions): WireDiscoveryParams {
  return {
    ...serviceFilter(input),
    ...flagParam('allowDuplicates', input?.allowDuplicates, 'allowDuplicatesKey'),
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
      toResult_: (raw) => ({ supported: flag(fieldsOf(raw)('isSupportBLE')) }),
    }),
    close: /* @__PURE__ */ definePlugin({ plugin: 'closeBluetoothAdapter' }),
    state: /* @__PURE__ */ definePlugin({ plugin: 'getBluetoothAdapterState', toResult_: toAdapterState }),
    startDiscovery: /* @__PURE__ */ definePlugin({
      plugin: 'startBluetoothDevicesDiscovery',
      toParams_: discoveryParams,
    }),
    stopDiscovery: /* @__PURE__ */ definePlugin({
      plugin: 'stopBluetoothDevicesDiscovery',
      toParams_: discoveryParams,
    }),
    devices: /* @__PURE__ */ definePlugin({ plugin: 'getBluetoothDevices', toResult_: toDeviceList }),
    connect: /* @__PURE__ */ definePlugin({
      plugin: 'connectBLEDevice',
      toParams_: deviceParams,
      queued_: true,
    }),
    disconnect: /* @__PURE__ */ definePlugin({
      plugin: 'disconnectBLEDevice',
      toParams_: deviceParams,
      queued_: true,
    }),
    connectedDevices: /* @__PURE__ */ definePlugin({
      plugin: 'getConnectedBluetoothDevices',
      toParams_: serviceFilter,
      toResult_: toDeviceList,
    }),
    services: /* @__PURE__ */ definePlugin({
      plugin: 'getBLEDeviceServices',
      toParams_: deviceParams,
      toResult_: toServices,
      queued_: true,
    }),
    characteristics: /* @__PURE__ */ definePlugin({
      plugin: 'getBLEDeviceCharacteristics',
      toParams_: (input: { readonly deviceId: string; readonly serviceId: string }) =>
        ids(input, ['deviceId', 'serviceId']),
      toResult_: toCharacteristics,
      queued_: true,
    }),
    read: /* @__PURE__ */ definePlugin({
      plugin: 'readBLECharacteristicValue',
      toParams_: refParams,
      // The answer's ids may be missing; the ones asked for fill in.
      toResult_: (raw, input) => toCharacteristicValue(raw, codec, input),
      queued_: true,
    }),
    write: /* @__PURE__ */ definePlugin({
      plugin: 'writeBLECharacteristicValue',
      toParams_: (input: WriteInput) => ({
        ...refParams(input),
        value: codec.encode(toBytes('writeBLECharacteristicValue', 'value', input?.value)),
      }),
      queued_: true,
    }),
    notify: /* @__PURE__ */ definePlugin({
      plugin: 'notifyBLECharacteristicValueChange',
      toParams_: (input: NotifyInput) => ({ ...refParams(input), ...flagParam('state', input?.state) }),
      queued_: true,
    }),
    openSettings: /* @__PURE__ */ definePlugin({ plugin: 'openBluetoothSetting' }),
  };
}
