/**
 * Simulated behaviour of the Bluetooth plugins (spec §6.23) on top of a
 * {@link BluetoothSimulation}. The four listener pairs keep the real
 * bridge's quirks (one document listener per event, cancel leaves it
 * attached) through the shared listener registry.
 */
import { failWith, ok, type Outcome, type PluginBehaviours } from '../family.js';
import { listenerPair } from '../listeners.js';
import type { BluetoothSimulation } from './bluetooth-controller.js';
import { BLE_EVENT_TYPES as EVENT, type CharacteristicAddress } from './bluetooth-peripherals.js';

type Options = Record<string, unknown>;

const isOutcome = (value: object): value is Outcome =>
  'success' in value || 'fail' in value || 'cancel' in value || 'silent' in value;

/** The app's parameter error for a missing or empty field. */
const missing = (field: string): Outcome => failWith('10013', `${field} is required`);

function address(options: Options): CharacteristicAddress | Outcome {
  for (const field of ['deviceId', 'serviceId', 'characteristicId'])
    if (typeof options[field] !== 'string' || options[field] === '') return missing(field);
  const { deviceId, serviceId, characteristicId } = options as unknown as CharacteristicAddress;
  return { deviceId, serviceId, characteristicId };
}

/** A flag the page sent: `'yes'`/`'no'` in any case. */
const isYes = (value: unknown): boolean => typeof value === 'string' && value.toLowerCase() === 'yes';

const services = (options: Options): readonly string[] | undefined =>
  Array.isArray(options.services) ? (options.services as string[]) : undefined;

/**
 * The §6.23 behaviours.
 *
 * @example
 * ```ts
 * const ble = new BluetoothSimulation(context, { peripherals });
 * new FakeNative({ ...bluetoothBehaviours(ble) }, …);
 * ```
 */
export function bluetoothBehaviours(ble: BluetoothSimulation): PluginBehaviours {
  const pair = (type: string, name: string): PluginBehaviours =>
    listenerPair(type, `register${name}`, `cancel${name}`);
  const valuePair = pair(EVENT.value, 'BLECharacteristicValueChange');

  const withDevice = (options: Options, answer: (deviceId: string) => Outcome): Outcome => {
    if (typeof options.deviceId !== 'string' || options.deviceId === '') return missing('deviceId');
    return answer(options.deviceId);
  };
  const withCharacteristic = (
    options: Options,
    property: 'read' | 'write' | 'notify',
    answer: (
      at: CharacteristicAddress,
      state: Exclude<ReturnType<BluetoothSimulation['characteristic']>, Outcome>,
    ) => Outcome,
  ): Outcome => {
    const at = address(options);
    if (isOutcome(at)) return at;
    const state = ble.characteristic(at, property);
    return isOutcome(state) ? state : answer(at, state);
  };

  return {
    openBluetoothAdapter: () => ble.open(),
    closeBluetoothAdapter: () => ble.close(),
    getBluetoothAdapterState: () => ble.adapterState(),
    startBluetoothDevicesDiscovery: (options) =>
      ble.startDiscovery(services(options), isYes(options.allowDuplicatesKey)),
    stopBluetoothDevicesDiscovery: () => ble.stopDiscovery(),
    getBluetoothDevices: () => ble.devices(),
    connectBLEDevice: (options) => withDevice(options, (id) => ble.connect(id)),
    disconnectBLEDevice: (options) =>
      withDevice(options, (id) => {
        const found = ble.connectedPeripheral(id);
        if (isOutcome(found)) return found;
        ble.disconnect(id);
        return ok();
      }),
    getConnectedBluetoothDevices: (options) => ble.connectedDevices(services(options)),
    getBLEDeviceServices: (options) =>
      withDevice(options, (id) => {
        const found = ble.connectedPeripheral(id);
        if (isOutcome(found)) return found;
        const list = (found.services ?? []).map((s) => ({
          uuid: s.uuid,
          isPrimary: s.isPrimary === false ? 'no' : 'yes',
        }));
        return ok({ services: list });
      }),
    getBLEDeviceCharacteristics: (options) =>
      withDevice(options, (id) => {
        const found = ble.connectedPeripheral(id);
        if (isOutcome(found)) return found;
        const service = found.services?.find(
          (s) => s.uuid.toUpperCase() === String(options.serviceId).toUpperCase(),
        );
        if (!service) return failWith('10004', `no service ${String(options.serviceId)}`);
        const flag = (on: boolean | undefined): string => (on ? 'yes' : 'no');
        const list = (service.characteristics ?? []).map((c) => {
          const p = c.properties ?? { read: true, write: true };
          return {
            uuid: c.uuid,
            properties: {
              read: flag(p.read),
              write: flag(p.write),
              notify: flag(p.notify),
              indicate: flag(p.indicate),
            },
          };
        });
        return ok({ characteristics: list });
      }),
    readBLECharacteristicValue: (options) =>
      withCharacteristic(options, 'read', (at, state) =>
        // The documented answer carries no deviceId.
        ok({
          characteristic: {
            serviceId: at.serviceId,
            characteristicId: at.characteristicId,
            value: ble.codec.encode(state.value),
          },
        }),
      ),
    writeBLECharacteristicValue: (options) =>
      withCharacteristic(options, 'write', (at) =>
        typeof options.value === 'string' && options.value !== ''
          ? ble.recordWrite(at, options.value)
          : missing('value'),
      ),
    notifyBLECharacteristicValueChange: (options) =>
      withCharacteristic(options, 'notify', (at, state) =>
        ble.setNotify(at, state, options.state === undefined || isYes(options.state)),
      ),
    ...pair(EVENT.deviceFound, 'BluetoothDeviceFound'),
    ...pair(EVENT.connection, 'BLEConnectionStateChange'),
    ...valuePair,
    cancelBLECharacteristicValueChange: (options, context) => {
      ble.valueListenerCancelled();
      return valuePair.cancelBLECharacteristicValueChange!(options, context);
    },
    ...pair(EVENT.adapter, 'BluetoothAdapterStateChange'),
    openBluetoothSetting: () => ok(),
  };
}
