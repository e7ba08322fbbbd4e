/** `createBluetooth`: the §6.23 family assembled from its table, events and iterators. */
import type { UpsdkCore } from '../../client/client.js';
import { NativeEvents } from '../../events/native-events.js';
import { SerialQueue } from '../../shared/serial-queue.js';
import { bindPlugins } from '../define.js';
import { resolveCodec } from '../value-codec.js';
import type { Bluetooth } from './api.js';
import { bluetoothEventSpecs } from './events.js';
import { connectionStates, notifications, scan, type IteratorDeps } from './iterators.js';
import { bluetoothPlugins } from './plugins.js';
import { SharedLease } from './shared-lease.js';
import type { BluetoothEvents, BluetoothOptions, DiscoveryOptions } from './types.js';

/**
 * Create the Bluetooth namespace of a client (`createClient` does this as `client.bluetooth`).
 *
 * @example
 * ```ts
 * const bluetooth = createBluetooth(core, { valueEncoding: 'base64' });
 * ```
 */
export function createBluetooth(core: UpsdkCore, options: BluetoothOptions = {}): Bluetooth {
  const codec = resolveCodec(options.valueEncoding, 'bluetooth.valueEncoding');
  const methods: Omit<Bluetooth, 'events' | 'scan' | 'notifications' | 'connectionStates'> = bindPlugins(
    core,
    bluetoothPlugins(codec),
    new SerialQueue(),
  );
  const events = new NativeEvents<BluetoothEvents>(core, bluetoothEventSpecs(codec));
  const deps: IteratorDeps = {
    events,
    discovery: new SharedLease<DiscoveryOptions | undefined>(
      (filters) => methods.startDiscovery(filters),
      () => methods.stopDiscovery(),
    ),
    enableNotify: (ref, signal) => methods.notify(ref, { signal }),
  };
  return {
    ...methods,
    events,
    scan: (scanOptions) => scan(deps, scanOptions),
    notifications: (ref, iterateOptions) => notifications(deps, ref, iterateOptions),
    connectionStates: (deviceId, iterateOptions) => connectionStates(deps, deviceId, iterateOptions),
  };
}
