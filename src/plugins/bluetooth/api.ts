/** The `bluetooth(client)` namespace: its documented contract. */
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
 * const { supported } = await bluetooth(client).open();
 * for await (const device of bluetooth(client).scan({ services: [HEART_RATE] })) {
 *   if (device.name === 'HRM') { await bluetooth(client).connect(device.deviceId); break; }
 * }
 * ```
 */
export interface Bluetooth {
  /**
   * Initialise the adapter (`openBluetoothAdapter`); required before anything else.
   * @returns whether the phone supports BLE.
   * @example `const { supported } = await bluetooth(client).open();`
   */
  open(options?: CallControl): Promise<{ readonly supported: boolean }>;
  /**
   * Release the adapter (`closeBluetoothAdapter`).
   * @example `await bluetooth(client).close();`
   */
  close(options?: CallControl): Promise<void>;
  /**
   * Adapter state (`getBluetoothAdapterState`).
   * @example `const { available, discovering } = await bluetooth(client).state();`
   */
  state(options?: CallControl): Promise<AdapterState>;
  /**
   * Start discovery (`startBluetoothDevicesDiscovery`); devices arrive as `deviceFound` events. Prefer {@link scan}.
   * @example `await bluetooth(client).startDiscovery({ services: ['180D'], allowDuplicates: false });`
   */
  startDiscovery(input?: DiscoveryOptions, options?: CallControl): Promise<void>;
  /**
   * Stop discovery (`stopBluetoothDevicesDiscovery`).
   * @example `await bluetooth(client).stopDiscovery();`
   */
  stopDiscovery(input?: DiscoveryOptions, options?: CallControl): Promise<void>;
  /**
   * Devices found so far (`getBluetoothDevices`).
   * @example `const devices = await bluetooth(client).devices();`
   */
  devices(options?: CallControl): Promise<BluetoothDevice[]>;
  /**
   * Connect (`connectBLEDevice`). Queued.
   * @example `await bluetooth(client).connect(device.deviceId, { timeout: 10_000 });`
   */
  connect(deviceId: string, options?: CallControl): Promise<void>;
  /**
   * Disconnect (`disconnectBLEDevice`). Queued.
   * @example `await bluetooth(client).disconnect(deviceId);`
   */
  disconnect(deviceId: string, options?: CallControl): Promise<void>;
  /**
   * Connected devices (`getConnectedBluetoothDevices`). The app lists a device
   * only after a `connectionStateChange` said it connected, so listen to that event first.
   * @example `const devices = await bluetooth(client).connectedDevices({ services: ['180D'] });`
   */
  connectedDevices(
    input?: { readonly services?: readonly string[] | undefined },
    options?: CallControl,
  ): Promise<BluetoothDevice[]>;
  /**
   * Services of a connected device (`getBLEDeviceServices`). Queued.
   * @example `const services = await bluetooth(client).services(deviceId);`
   */
  services(deviceId: string, options?: CallControl): Promise<BluetoothService[]>;
  /**
   * Characteristics of a service (`getBLEDeviceCharacteristics`). Queued.
   * @example `const chars = await bluetooth(client).characteristics({ deviceId, serviceId });`
   */
  characteristics(
    input: { readonly deviceId: string; readonly serviceId: string },
    options?: CallControl,
  ): Promise<BluetoothCharacteristic[]>;
  /**
   * Read a value (`readBLECharacteristicValue`). Queued.
   * @returns the bytes and the raw wire string.
   * @example `const { value } = await bluetooth(client).read({ deviceId, serviceId, characteristicId });`
   */
  read(input: CharacteristicRef, options?: CallControl): Promise<CharacteristicValue>;
  /**
   * Write a value (`writeBLECharacteristicValue`): bytes or a hex string, sent in the configured encoding. Queued.
   * @example `await bluetooth(client).write({ deviceId, serviceId, characteristicId, value: new Uint8Array([1]) });`
   */
  write(input: WriteInput, options?: CallControl): Promise<void>;
  /**
   * Enable notifications (`notifyBLECharacteristicValueChange`); values arrive as
   * `characteristicValueChange` events. Prefer {@link notifications}. Queued.
   * @example `await bluetooth(client).notify({ deviceId, serviceId, characteristicId });`
   */
  notify(input: NotifyInput, options?: CallControl): Promise<void>;
  /**
   * Open the phone's Bluetooth settings (`openBluetoothSetting`).
   * @example `await bluetooth(client).openSettings();`
   */
  openSettings(options?: CallControl): Promise<void>;
  /**
   * Typed events; the vendor `register…` call is made for an event's first
   * listener and `cancel…` after its last one leaves.
   * @example `bluetooth(client).events.on('connectionStateChange', ({ deviceId, connected }) => …);`
   */
  readonly events: NativeEvents<BluetoothEvents>;
  /**
   * Discover devices for as long as the loop runs: listens to `deviceFound`,
   * starts discovery (shared with concurrent scans, which use the first scan's
   * filters) and stops it when the last scan ends.
   * @example
   * ```ts
   * for await (const device of bluetooth(client).scan({ signal: AbortSignal.timeout(10_000) })) console.log(device.name);
   * ```
   */
  scan(options?: DiscoveryOptions & IterateOptions): AsyncGenerator<BluetoothDevice, void, undefined>;
  /**
   * Enable notify on one characteristic and yield its values.
   * @example
   * ```ts
   * for await (const { value } of bluetooth(client).notifications(ref, { signal })) console.log(value[1]);
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
   * for await (const { connected } of bluetooth(client).connectionStates(deviceId)) if (!connected) break;
   * ```
   */
  connectionStates(
    deviceId?: string,
    options?: IterateOptions,
  ): AsyncGenerator<ConnectionState, void, undefined>;
}
