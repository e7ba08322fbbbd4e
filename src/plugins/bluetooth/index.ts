/** `bluetooth(client)`: the §6.23 family assembled from its table, events and iterators, one per client. */
import type { UpsdkClient } from '../../client/client.js';
import { NativeEvents } from '../../events/native-events.js';
import { bindPlugins } from '../define.js';
import { serialQueue } from '../../shared/serial-queue.js';
import { perClient } from '../per-client.js';
import { resolveCodec } from '../value-codec.js';
import type { Bluetooth } from './api.js';
import { bluetoothEventSpecs } from './events.js';
import { bluetoothIterators } from './iterators.js';
import { bluetoothPlugins } from './plugins.js';
import type { BluetoothEvents, BluetoothOptions } from './types.js';

/**
 * Make the Bluetooth namespace of a client (see {@link bluetooth}).
 */
function createBluetooth(core: UpsdkClient, options: BluetoothOptions = {}): Bluetooth {
  const codec = resolveCodec(options.valueEncoding, 'bluetooth.valueEncoding');
  // Queued methods share the table's one device queue.
  const methods = bindPlugins(core, bluetoothPlugins(codec), serialQueue());
  const events = new NativeEvents<BluetoothEvents>(core, bluetoothEventSpecs(codec));
  return { ...methods, events, ...bluetoothIterators(methods, events) };
}

/**
 * The Bluetooth Low Energy namespace of `client` (§6.23): promises, typed
 * events, async iterators. Made on the first call and the same object after
 * that (one device queue and one emitter per client); options are read on
 * the first call, and a later call with a different `valueEncoding` throws.
 *
 * @example
 * ```ts
 * import { bluetooth } from 'upsdk-kit/bluetooth';
 * const ble = bluetooth(client, { valueEncoding: 'base64' });
 * await ble.open();
 * for await (const device of ble.scan({ signal: AbortSignal.timeout(10_000) })) console.log(device.name);
 * ```
 */
export const bluetooth: (client: UpsdkClient, options?: BluetoothOptions) => Bluetooth =
  // No encoding means hex: `bluetooth(client)` and `bluetooth(client, { valueEncoding: 'hex' })` are one namespace.
  /* @__PURE__ */ perClient('bluetooth', createBluetooth, (options) => options?.valueEncoding ?? 'hex');
