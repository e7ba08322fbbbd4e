/**
 * Async iterators over Bluetooth events. Each is an {@link eventIterator}
 * whose subscribe step also does the native set-up (start discovery, enable
 * notify) and whose release undoes it, so a loop ending by `break`, abort or
 * a thrown error leaves no native subscription or discovery behind. Several
 * iterators share one native subscription through the event emitter.
 */
import { eventIterator, type PushSubscribe } from '../../events/event-iterator.js';
import type { IterateOptions, NativeEvents } from '../../events/native-events.js';
import { reportTo } from '../../events/report.js';
import { optional, text, validated } from '../validate.js';
import { sameId } from './normalize.js';
import { discoveryParams, refParams } from './plugins.js';
import type { SharedLease } from './shared-lease.js';
import type {
  BluetoothDevice,
  BluetoothEvents,
  CharacteristicRef,
  CharacteristicValue,
  ConnectionState,
  DiscoveryOptions,
} from './types.js';

/** What the iterators need from the family. */
export interface IteratorDeps {
  readonly events: NativeEvents<BluetoothEvents>;
  /** Discovery, started by the first scan and stopped after the last. */
  readonly discovery: SharedLease<DiscoveryOptions | undefined>;
  /** Enables notify on a characteristic (validates the ref first). */
  readonly enableNotify: (ref: CharacteristicRef, signal: AbortSignal | undefined) => Promise<void>;
}

/** Subscribe to `event`, pushing only payloads that pass `keep`. */
function filtered<K extends Extract<keyof BluetoothEvents, string>>(
  events: NativeEvents<BluetoothEvents>,
  event: K,
  keep: (payload: BluetoothEvents[K]) => boolean,
): PushSubscribe<BluetoothEvents[K]> {
  return (push) => events.subscribe(event, (payload) => keep(payload) && push(payload));
}

/** The steps of an iterator that needs native set-up. */
interface SetUpSteps<T> {
  /** Validates input; runs before anything native, so bad input rejects without a bridge call. */
  readonly check: () => void;
  readonly subscribe: PushSubscribe<T>;
  /** Native set-up after listening; resolves with its undo step, if any. */
  readonly setUp: () => Promise<(() => Promise<void>) | void>;
}

/**
 * Check, listen, then set up; if set-up fails the listener goes again.
 * The release runs the undo step (failures reported, not thrown) then unsubscribes.
 */
function withSetUp<T>(
  deps: IteratorDeps,
  event: Extract<keyof BluetoothEvents, string>,
  steps: SetUpSteps<T>,
): PushSubscribe<T> {
  return async (push) => {
    steps.check();
    const unsubscribe = await steps.subscribe(push);
    let tearDown: (() => Promise<void>) | void;
    try {
      tearDown = await steps.setUp();
    } catch (error) {
      await unsubscribe();
      throw error;
    }
    return async () => {
      try {
        await tearDown?.();
      } catch (error) {
        reportTo(deps.events, error, event);
      } finally {
        await unsubscribe();
      }
    };
  };
}

/** Devices found while the loop runs; discovery is on only as long as some scan runs. */
export function scan(
  deps: IteratorDeps,
  options: DiscoveryOptions & IterateOptions = {},
): AsyncGenerator<BluetoothDevice, void, undefined> {
  const { signal, ...filters } = options;
  const subscribe = withSetUp<BluetoothDevice>(deps, 'deviceFound', {
    check: () => void validated('startBluetoothDevicesDiscovery', () => discoveryParams(filters)),
    subscribe: (push) => deps.events.subscribe('deviceFound', push),
    setUp: () => deps.discovery.acquire(filters),
  });
  return eventIterator(subscribe, signal);
}

/** Values of one characteristic, after enabling notify on it. */
export function notifications(
  deps: IteratorDeps,
  ref: CharacteristicRef,
  options: IterateOptions = {},
): AsyncGenerator<CharacteristicValue, void, undefined> {
  const matches = (value: CharacteristicValue): boolean =>
    sameId(value.deviceId, ref.deviceId) &&
    sameId(value.serviceId, ref.serviceId) &&
    sameId(value.characteristicId, ref.characteristicId);
  const subscribe = withSetUp(deps, 'characteristicValueChange', {
    check: () => void validated('notifyBLECharacteristicValueChange', () => refParams(ref)),
    subscribe: filtered(deps.events, 'characteristicValueChange', matches),
    setUp: () => deps.enableNotify(ref, options.signal),
  });
  return eventIterator(subscribe, options.signal);
}

/** Connection changes of every device, or of one. */
export function connectionStates(
  deps: IteratorDeps,
  deviceId?: string,
  options: IterateOptions = {},
): AsyncGenerator<ConnectionState, void, undefined> {
  const subscribe: PushSubscribe<ConnectionState> = async (push) => {
    const id = validated('registerBLEConnectionStateChange', () => optional('deviceId', deviceId, text));
    const keep = (state: ConnectionState): boolean => id === undefined || sameId(state.deviceId, id);
    return filtered(deps.events, 'connectionStateChange', keep)(push);
  };
  return eventIterator(subscribe, options.signal);
}
