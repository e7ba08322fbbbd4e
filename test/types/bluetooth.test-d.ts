import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type UpsdkClient } from '../../src/index.js';
import {
  type AdapterStateChange,
  type BluetoothDevice,
  type CharacteristicValue,
  type ConnectionState,
  type DecodedValue,
} from '../../src/bluetooth.js';
import { type HceMessage, type HceState } from '../../src/hce.js';
import { bluetooth } from '../../src/bluetooth.js';
import { hce } from '../../src/hce.js';

const client: UpsdkClient = createClient({ signer: '/sign' });
const ref = { deviceId: 'd', serviceId: 's', characteristicId: 'c' };

describe('bluetooth event types', () => {
  it('types each listener by its event payload', () => {
    bluetooth(client).events.on('deviceFound', (device) => {
      expectTypeOf(device).toEqualTypeOf<BluetoothDevice>();
      expectTypeOf(device.RSSI).toEqualTypeOf<number>();
    });
    bluetooth(client).events.on('connectionStateChange', (state) => {
      expectTypeOf(state).toEqualTypeOf<ConnectionState>();
      expectTypeOf(state.connected).toEqualTypeOf<boolean>();
    });
    bluetooth(client).events.on('characteristicValueChange', (value) => {
      expectTypeOf(value).toEqualTypeOf<CharacteristicValue>();
      expectTypeOf(value.value).toEqualTypeOf<Uint8Array<ArrayBuffer>>();
      expectTypeOf(value.raw).toEqualTypeOf<string>();
    });
    bluetooth(client).events.on('adapterStateChange', (change) => {
      expectTypeOf(change).toEqualTypeOf<AdapterStateChange>();
    });
  });

  it('rejects unknown event names and mismatched listeners', () => {
    // @ts-expect-error not a Bluetooth event
    bluetooth(client).events.on('deviceLost', () => undefined);
    // @ts-expect-error connected is a boolean, not 'yes'/'no'
    bluetooth(client).events.on('connectionStateChange', (state: { connected: string }) => state);
    // @ts-expect-error subscribe checks names too
    void bluetooth(client).events.subscribe('nope', () => undefined);
  });

  it('types the error event with the failing event name', () => {
    bluetooth(client).events.on('error', (error, event) => {
      expectTypeOf(error).toEqualTypeOf<unknown>();
      expectTypeOf(event).toEqualTypeOf<
        'deviceFound' | 'connectionStateChange' | 'characteristicValueChange' | 'adapterStateChange'
      >();
    });
  });

  it('types iterators by payload', () => {
    expectTypeOf(bluetooth(client).events.iterate('deviceFound')).toEqualTypeOf<
      AsyncGenerator<BluetoothDevice, void, undefined>
    >();
    expectTypeOf(bluetooth(client).scan()).toEqualTypeOf<AsyncGenerator<BluetoothDevice, void, undefined>>();
    expectTypeOf(bluetooth(client).notifications(ref)).toEqualTypeOf<
      AsyncGenerator<CharacteristicValue, void, undefined>
    >();
    expectTypeOf(bluetooth(client).connectionStates('d')).toEqualTypeOf<
      AsyncGenerator<ConnectionState, void, undefined>
    >();
  });
});

describe('bluetooth method types', () => {
  it('types results', () => {
    expectTypeOf(bluetooth(client).open()).toEqualTypeOf<Promise<{ readonly supported: boolean }>>();
    expectTypeOf(bluetooth(client).read(ref)).toEqualTypeOf<Promise<CharacteristicValue>>();
    expectTypeOf(bluetooth(client).devices()).toEqualTypeOf<Promise<BluetoothDevice[]>>();
  });

  it('accepts bytes or hex for write, and nothing else', () => {
    void bluetooth(client).write({ ...ref, value: new Uint8Array(1) });
    void bluetooth(client).write({ ...ref, value: new ArrayBuffer(1) });
    void bluetooth(client).write({ ...ref, value: new DataView(new ArrayBuffer(1)) });
    void bluetooth(client).write({ ...ref, value: '01' });
    // @ts-expect-error numbers are not values
    void bluetooth(client).write({ ...ref, value: 1 });
    // @ts-expect-error the characteristic id is required
    void bluetooth(client).write({ deviceId: 'd', serviceId: 's', value: '01' });
  });

  it('takes per-call options last', () => {
    void bluetooth(client).connect('d', { timeout: 5000, signal: new AbortController().signal });
    void bluetooth(client).state({ timeout: 1000 });
    // @ts-expect-error allowDuplicates is a boolean
    void bluetooth(client).startDiscovery({ allowDuplicates: 'yes' });
  });

  it('types the raw plugins for client.call', () => {
    expectTypeOf(client.call('openBluetoothAdapter')).toEqualTypeOf<Promise<{ isSupportBLE: string }>>();
    // @ts-expect-error deviceId is required
    void client.call('connectBLEDevice', {});
  });
});

describe('hce types', () => {
  it('types state, send and messages', () => {
    expectTypeOf(hce(client).state()).toEqualTypeOf<Promise<HceState>>();
    expectTypeOf(hce(client).send('00')).toEqualTypeOf<Promise<DecodedValue>>();
    expectTypeOf(hce(client).messages()).toEqualTypeOf<AsyncGenerator<HceMessage, void, undefined>>();
    hce(client).events.on('message', (message) =>
      expectTypeOf(message.value).toEqualTypeOf<Uint8Array<ArrayBuffer>>(),
    );
    // @ts-expect-error start takes a list of AIDs
    void hce(client).start('A000000010');
  });

  it('types the state reason', () => {
    void hce(client)
      .state()
      .then(({ reason }) => {
        expectTypeOf(reason).toEqualTypeOf<
          'ok' | 'unsupported' | 'disabled' | 'no-hce' | 'not-default' | 'unknown'
        >();
      });
  });
});
