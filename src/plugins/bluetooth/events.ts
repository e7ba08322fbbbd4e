/** The four §6.23 listener pairs as {@link NativeEvents} specs. */
import type { NativeEventSpec, NativeEventSpecs } from '../../events/native-events.js';
import type { ValueCodec } from '../value-codec.js';
import { toAdapterStateChange, toCharacteristicValue, toConnectionState, toDevice } from './normalize.js';
import type { BluetoothEvents } from './types.js';

/** The vendor's pair `register<Name>` / `cancel<Name>` for one native event. */
type PairName =
  | 'BluetoothDeviceFound'
  | 'BLEConnectionStateChange'
  | 'BLECharacteristicValueChange'
  | 'BluetoothAdapterStateChange';

/** The spec of the native event `name`, whose plugins follow the vendor's naming. */
const pair = <Payload>(name: PairName, normalize: (raw: unknown) => Payload): NativeEventSpec<Payload> => ({
  register: `register${name}`,
  cancel: `cancel${name}`,
  normalize,
});

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
    deviceFound: pair('BluetoothDeviceFound', toDevice),
    connectionStateChange: pair('BLEConnectionStateChange', toConnectionState),
    characteristicValueChange: pair('BLECharacteristicValueChange', (raw) =>
      toCharacteristicValue(raw, codec),
    ),
    adapterStateChange: pair('BluetoothAdapterStateChange', toAdapterStateChange),
  };
}
