/**
 * Async iterators over Bluetooth events. Each is an {@link eventIterator}
 * whose subscribe step also does the native set-up (start discovery, enable
 * notify) and whose release undoes it, so a loop ending by `break`, abort or
 * a thrown error leaves no native subscription or discovery behind. Several
 * iterators share one native subscription through the event emitter, and
 * concurrent scans share one discovery.
 */
import { eventIterator } from '../../events/event-iterator.js';
import type { NativeEvents } from '../../events/native-events.js';
import { hold, nativeSwitch } from '../../events/native-switch.js';
import { reportTo } from '../../events/report.js';
import { optional, text, validated } from '../../shared/validate.js';
import type { Bluetooth } from './api.js';
import { sameId } from './normalize.js';
import { discoveryParams, refParams } from './plugins.js';
import type { BluetoothEvents, DiscoveryOptions } from './types.js';

/** The promise methods the iterators build on. */
type Steps = Pick<Bluetooth, 'startDiscovery' | 'stopDiscovery' | 'notify'>;

/**
 * `scan`, `notifications` and `connectionStates` over one client's methods and events.
 *
 * @example
 * ```ts
 * const { scan } = bluetoothIterators(methods, events);
 * for await (const device of scan({ services: [HEART_RATE] })) console.log(device.name);
 * ```
 */
export function bluetoothIterators(
  methods: Steps,
  events: NativeEvents<BluetoothEvents>,
): Pick<Bluetooth, 'scan' | 'notifications' | 'connectionStates'> {
  /**
   * Iterate `event`'s payloads that pass the filter `check` returns. `check` validates the input
   * when the loop starts, so bad input rejects before anything native. `setUp` runs after listening
   * (if it fails the listener goes again) and resolves with its undo step, run on release (failures
   * reported, not thrown).
   */
  const listen = <K extends Extract<keyof BluetoothEvents, string>>(
    event: K,
    signal: AbortSignal | undefined,
    check: () => (payload: BluetoothEvents[K]) => boolean,
    setUp?: () => Promise<(() => Promise<void>) | void>,
  ): AsyncGenerator<BluetoothEvents[K], void, undefined> =>
    eventIterator(async (push) => {
      const keep = check();
      const unsubscribe = await events.subscribe(event, (payload) => keep(payload) && push(payload));
      let undo: (() => Promise<void>) | void;
      try {
        undo = await setUp?.();
      } catch (error) {
        await unsubscribe();
        throw error;
      }
      return async () => {
        try {
          await undo?.();
        } catch (error) {
          reportTo(events, error, event);
        } finally {
          await unsubscribe();
        }
      };
    }, signal);

  // Discovery runs while some scan holds it; a start uses the filters of the scan that asked last.
  const scans = new Set<object>();
  let filters: DiscoveryOptions | undefined;
  const discovery = nativeSwitch(
    () => scans.size > 0,
    () => methods.startDiscovery(filters),
    () => methods.stopDiscovery(),
  );

  return {
    scan: ({ signal, ...wanted } = {}) =>
      listen(
        'deviceFound',
        signal,
        () => {
          validated('startBluetoothDevicesDiscovery', () => discoveryParams(wanted));
          return () => true;
        },
        () => {
          const scan = {};
          filters = wanted;
          return hold(
            () => scans.add(scan),
            () => scans.delete(scan),
            discovery.sync,
          );
        },
      ),
    notifications: (ref, { signal } = {}) =>
      listen(
        'characteristicValueChange',
        signal,
        () => {
          validated('notifyBLECharacteristicValueChange', () => refParams(ref));
          return (value) =>
            sameId(value.deviceId, ref.deviceId) &&
            sameId(value.serviceId, ref.serviceId) &&
            sameId(value.characteristicId, ref.characteristicId);
        },
        () => methods.notify(ref, { signal }),
      ),
    connectionStates: (deviceId, { signal } = {}) =>
      listen('connectionStateChange', signal, () => {
        const id = validated('registerBLEConnectionStateChange', () => optional('deviceId', deviceId, text));
        return (state) => id === undefined || sameId(state.deviceId, id);
      }),
  };
}
