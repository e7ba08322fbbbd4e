/** The four §6.23 listener pairs as {@link NativeEvents} specs. */
import type { NativeEventSpecs } from '../../events/native-events.js';
import type { ValueCodec } from '../value-codec.js';
import { toAdapterStateChange, toCharacteristicValue, toConnectionState, toDevice } from './normalize.js';
import type { BluetoothEvents } from './types.js';

/**
 * Event → register/cancel plugins and payload normalizer.
 *
 * @example
 * ```ts
 * const events = new NativeEvents<BluetoothEvents>(core, bluetoothEventSpecs(VALUE_CODECS.hex));
 * ```
 */
export function bluetoothEventSpecs(codec: ValueCodec): NativeEventSpecs<BluetoothEvents> {
  return {
    deviceFound: {
      register: 'registerBluetoothDeviceFound',
      cancel: 'cancelBluetoothDeviceFound',
      normalize: toDevice,
    },
    connectionStateChange: {
      register: 'registerBLEConnectionStateChange',
      cancel: 'cancelBLEConnectionStateChange',
      normalize: toConnectionState,
    },
    characteristicValueChange: {
      register: 'registerBLECharacteristicValueChange',
      cancel: 'cancelBLECharacteristicValueChange',
      normalize: (raw) => toCharacteristicValue(raw, codec),
    },
    adapterStateChange: {
      register: 'registerBluetoothAdapterStateChange',
      cancel: 'cancelBluetoothAdapterStateChange',
      normalize: toAdapterStateChange,
    },
  };
}
