/** `upsdk-kit/bluetooth`: `bluetooth(client, options?)`, the BLE namespace (spec §6.23), one per client. */
export { bluetooth } from './plugins/bluetooth/index.js';
export type { Bluetooth } from './plugins/bluetooth/api.js';
export type {
  AdapterState,
  AdapterStateChange,
  BluetoothCharacteristic,
  BluetoothDevice,
  BluetoothEvents,
  BluetoothOptions,
  BluetoothService,
  CharacteristicProperties,
  CharacteristicRef,
  CharacteristicValue,
  ConnectionState,
  DiscoveryOptions,
  NotifyInput,
  WriteInput,
} from './plugins/bluetooth/types.js';
export type { BinaryInput, DecodedValue, ValueCodec, ValueEncoding } from './plugins/value-codec.js';
