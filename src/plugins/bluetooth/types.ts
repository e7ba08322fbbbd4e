/** Public types of the Bluetooth (BLE) family. */
import type { BinaryInput, DecodedValue, ValueCodec, ValueEncoding } from '../value-codec.js';

/** A BLE device seen by discovery. */
export interface BluetoothDevice {
  readonly deviceId: string;
  /** Device name; `''` when the device has none. */
  readonly name: string;
  /** Advertised local name; `''` when absent. */
  readonly localName: string;
  /** Signal strength in dBm (`NaN` if the app did not report it). */
  readonly RSSI: number;
  /** Manufacturer data exactly as the app sent it, if any. */
  readonly manufacturerData: string | undefined;
  /** Advertised service UUIDs, if the app reported them. */
  readonly advertisedServices: readonly string[];
}

/** A GATT service of a connected device. */
export interface BluetoothService {
  readonly uuid: string;
  readonly isPrimary: boolean;
}

/** What a characteristic supports. */
export interface CharacteristicProperties {
  readonly read: boolean;
  readonly write: boolean;
  readonly notify: boolean;
  readonly indicate: boolean;
}

/** A characteristic of a service. */
export interface BluetoothCharacteristic {
  readonly uuid: string;
  readonly properties: CharacteristicProperties;
}

/** Identifies one characteristic of a connected device. */
export interface CharacteristicRef {
  readonly deviceId: string;
  readonly serviceId: string;
  readonly characteristicId: string;
}

/** A characteristic's value: bytes plus the raw wire string (see {@link DecodedValue}). */
export interface CharacteristicValue extends CharacteristicRef, DecodedValue {}

/** A device connected or disconnected. */
export interface ConnectionState {
  readonly deviceId: string;
  readonly connected: boolean;
}

/** The adapter changed state. `available`/`discovering` are present only when the app sent them. */
export interface AdapterStateChange {
  /** The app's state value as sent (its values are not documented publicly). */
  readonly state: string;
  readonly available?: boolean | undefined;
  readonly discovering?: boolean | undefined;
}

/** Result of `bluetooth.state()`. */
export interface AdapterState {
  readonly available: boolean;
  readonly discovering: boolean;
}

/** Event name → payload of `bluetooth.events` (a type alias: event maps need an index signature). */
export type BluetoothEvents = {
  deviceFound: BluetoothDevice;
  connectionStateChange: ConnectionState;
  characteristicValueChange: CharacteristicValue;
  adapterStateChange: AdapterStateChange;
};

/** Filters of discovery. */
export interface DiscoveryOptions {
  /** Only devices advertising one of these service UUIDs (`180D`, 8 or 32 hex digits; anything else is `invalid_param`). */
  readonly services?: readonly string[] | undefined;
  /** Report the same device again on every advertisement. Default: the app's (no). */
  readonly allowDuplicates?: boolean | undefined;
}

/** Input of `bluetooth.write()`. */
export interface WriteInput extends CharacteristicRef {
  /** Bytes, or a hex string such as `'01FF'`. */
  readonly value: BinaryInput;
}

/** Input of `bluetooth.notify()`. */
export interface NotifyInput extends CharacteristicRef {
  /** Sent as the vendor's reserved `state` flag when given (the app currently ignores it). */
  readonly state?: boolean | undefined;
}

/** Options of the Bluetooth family, given as `bluetooth(client, options)`. */
export interface BluetoothOptions {
  /**
   * How characteristic values travel over the bridge. Default `'hex'`.
   * Not documented publicly: confirm on a device with the playground.
   */
  readonly valueEncoding?: ValueEncoding | ValueCodec | undefined;
}
