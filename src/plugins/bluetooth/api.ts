/** The `client.bluetooth` namespace: its documented contract. */
import type { IterateOptions, NativeEvents } from '../../events/native-events.js';
import type { CallControl } from '../define.js';
import type {
  AdapterState,
  BluetoothCharacteristic,
  BluetoothDevice,
  BluetoothEvents,
  BluetoothService,
  CharacteristicRef,
  CharacteristicValue,
  ConnectionState,
  DiscoveryOptions,
  NotifyInput,
  WriteInput,
} from './types.js';

/**
 * Bluetooth Low Energy (spec §6.23). Device operations (connect, disconnect,
 * services, characteristics, read, write, notify) run one at a time in call
 * order; a failure does not affect the next one. Every method takes
 * `{timeout, signal}` last.
 *
 * @example
 * ```ts
 * const { supported } = await client.bluetooth.open();
 * for await (const device of client.bluetooth.scan({ services: [HEART_RATE] })) {
 *   if (device.name === 'HRM') { await client.bluetooth.connect(device.deviceId); break; }
 * }
 * ```
 */
export interface Bluetooth {
  /**
   * Initialise the adapter (`openBluetoothAdapter`); required before anything else.
   * @returns whether the phone supports BLE.
   * @example `const { supported } = await client.bluetooth.open();`
   */
  open(options?: CallControl): Promise<{ readonly supported: boolean }>;
  /**
   * Release the adapter (`closeBluetoothAdapter`).
   * @example `await client.bluetooth.close();`
   */
  close(options?: CallControl): Promise<void>;
  /**
   * Adapter state (`getBluetoothAdapterState`).
   * @example `const { available, discovering } = await client.bluetooth.state();`
   */
  state(options?: CallControl): Promise<AdapterState>;
  /**
   * Start discovery (`startBluetoothDevicesDiscovery`); devices arrive as `deviceFound` events. Prefer {@link scan}.
   * @example `await client.bluetooth.startDiscovery({ services: ['180D'], allowDuplicates: false });`
   */
  startDiscovery(input?: DiscoveryOptions, options?: CallControl): Promise<void>;
  /**
   * Stop discovery (`stopBluetoothDevicesDiscovery`).
   * @example `await client.bluetooth.stopDiscovery();`
   */
  stopDiscovery(input?: DiscoveryOptions, options?: CallControl): Promise<void>;
  /**
   * Devices found so far (`getBluetoothDevices`).
   * @example `const devices = await client.bluetooth.devices();`
   */
  devices(options?: CallControl): Promise<BluetoothDevice[]>;
  /**
   * Connect (`connectBLEDevice`). Queued.
   * @example `await client.bluetooth.connect(device.deviceId, { timeout: 10_000 });`
   */
  connect(deviceId: string, options?: CallControl): Promise<void>;
  /**
   * Disconnect (`disconnectBLEDevice`). Queued.
   * @example `await client.bluetooth.disconnect(deviceId);`
   */
  disconnect(deviceId: string, options?: CallControl): Promise<void>;
  /**
   * Connected devices (`getConnectedBluetoothDevices`). The app lists a device
   * only after a `connectionStateChange` said it connected, so listen to that event first.
   * @example `const devices = await client.bluetooth.connectedDevices({ services: ['180D'] });`
   */
  connectedDevices(
    input?: { readonly services?: readonly string[] },
    options?: CallControl,
  ): Promise<BluetoothDevice[]>;
  /**
   * Services of a connected device (`getBLEDeviceServices`). Queued.
   * @example `const services = await client.bluetooth.services(deviceId);`
   */
  services(deviceId: string, options?: CallControl): Promise<BluetoothService[]>;
  /**
   * Characteristics of a service (`getBLEDeviceCharacteristics`). Queued.
   * @example `const chars = await client.bluetooth.characteristics({ deviceId, serviceId });`
   */
  characteristics(
    input: { readonly deviceId: string; readonly serviceId: string },
    options?: CallControl,
  ): Promise<BluetoothCharacteristic[]>;
  /**
   * Read a value (`readBLECharacteristicValue`). Queued.
   * @returns the bytes and the raw wire string.
   * @example `const { value } = await client.bluetooth.read({ deviceId, serviceId, characteristicId });`
   */
  read(input: CharacteristicRef, options?: CallControl): Promise<CharacteristicValue>;
  /**
   * Write a value (`writeBLECharacteristicValue`): bytes or a hex string, sent in the configured encoding. Queued.
   * @example `await client.bluetooth.write({ deviceId, serviceId, characteristicId, value: new Uint8Array([1]) });`
   */
  write(input: WriteInput, options?: CallControl): Promise<void>;
  /**
   * Enable notifications (`notifyBLECharacteristicValueChange`); values arrive as
   * `characteristicValueChange` events. Prefer {@link notifications}. Queued.
   * @example `await client.bluetooth.notify({ deviceId, serviceId, characteristicId });`
   */
  notify(input: NotifyInput, options?: CallControl): Promise<void>;
  /**
   * Open the phone's Bluetooth settings (`openBluetoothSetting`).
   * @example `await client.bluetooth.openSettings();`
   */
  openSettings(options?: CallControl): Promise<void>;
  /**
   * Typed events; the vendor `register…` call is made for an event's first
   * listener and `cancel…` after its last one leaves.
   * @example `client.bluetooth.events.on('connectionStateChange', ({ deviceId, connected }) => …);`
   */
  readonly events: NativeEvents<BluetoothEvents>;
  /**
   * Discover devices for as long as the loop runs: listens to `deviceFound`,
   * starts discovery (shared with concurrent scans, which use the first scan's
   * filters) and stops it when the last scan ends.
   * @example
   * ```ts
   * for await (const device of client.bluetooth.scan({ signal: AbortSignal.timeout(10_000) })) console.log(device.name);
   * ```
   */
  scan(options?: DiscoveryOptions & IterateOptions): AsyncGenerator<BluetoothDevice, void, undefined>;
  /**
   * Enable notify on one characteristic and yield its values.
   * @example
   * ```ts
   * for await (const { value } of client.bluetooth.notifications(ref, { signal })) console.log(value[1]);
   * ```
   */
  notifications(
    ref: CharacteristicRef,
    options?: IterateOptions,
  ): AsyncGenerator<CharacteristicValue, void, undefined>;
  /**
   * Connection changes, of all devices or of one.
   * @example
   * ```ts
   * for await (const { connected } of client.bluetooth.connectionStates(deviceId)) if (!connected) break;
   * ```
   */
  connectionStates(
    deviceId?: string,
    options?: IterateOptions,
  ): AsyncGenerator<ConnectionState, void, undefined>;
}
