import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  type AdapterStateChange,
  type BluetoothDevice,
  type CharacteristicValue,
  type ConnectionState,
  type DecodedValue,
  type HceMessage,
  type HceState,
  type UpsdkClient,
} from '../../src/index.js';

const client: UpsdkClient = createClient({ signer: '/sign' });
const ref = { deviceId: 'd', serviceId: 's', characteristicId: 'c' };

describe('bluetooth event types', () => {
  it('types each listener by its event payload', () => {
    client.bluetooth.events.on('deviceFound', (device) => {
      expectTypeOf(device).toEqualTypeOf<BluetoothDevice>();
      expectTypeOf(device.RSSI).toEqualTypeOf<number>();
    });
    client.bluetooth.events.on('connectionStateChange', (state) => {
      expectTypeOf(state).toEqualTypeOf<ConnectionState>();
      expectTypeOf(state.connected).toEqualTypeOf<boolean>();
    });
    client.bluetooth.events.on('characteristicValueChange', (value) => {
      expectTypeOf(value).toEqualTypeOf<CharacteristicValue>();
      expectTypeOf(value.value).toEqualTypeOf<Uint8Array>();
      expectTypeOf(value.raw).toEqualTypeOf<string>();
    });
    client.bluetooth.events.on('adapterStateChange', (change) => {
      expectTypeOf(change).toEqualTypeOf<AdapterStateChange>();
    });
  });

  it('rejects unknown event names and mismatched listeners', () => {
    // @ts-expect-error not a Bluetooth event
    client.bluetooth.events.on('deviceLost', () => undefined);
    // @ts-expect-error connected is a boolean, not 'yes'/'no'
    client.bluetooth.events.on('connectionStateChange', (state: { connected: string }) => state);
    // @ts-expect-error subscribe checks names too
    void client.bluetooth.events.subscribe('nope', () => undefined);
  });

  it('types the error event with the failing event name', () => {
    client.bluetooth.events.on('error', (error, event) => {
      expectTypeOf(error).toEqualTypeOf<unknown>();
      expectTypeOf(event).toEqualTypeOf<
        'deviceFound' | 'connectionStateChange' | 'characteristicValueChange' | 'adapterStateChange'
      >();
    });
  });

  it('types iterators by payload', () => {
    expectTypeOf(client.bluetooth.events.iterate('deviceFound')).toEqualTypeOf<
      AsyncGenerator<BluetoothDevice, void, undefined>
    >();
    expectTypeOf(client.bluetooth.scan()).toEqualTypeOf<AsyncGenerator<BluetoothDevice, void, undefined>>();
    expectTypeOf(client.bluetooth.notifications(ref)).toEqualTypeOf<
      AsyncGenerator<CharacteristicValue, void, undefined>
    >();
    expectTypeOf(client.bluetooth.connectionStates('d')).toEqualTypeOf<
      AsyncGenerator<ConnectionState, void, undefined>
    >();
  });
});

describe('bluetooth method types', () => {
  it('types results', () => {
    expectTypeOf(client.bluetooth.open()).toEqualTypeOf<Promise<{ readonly supported: boolean }>>();
    expectTypeOf(client.bluetooth.read(ref)).toEqualTypeOf<Promise<CharacteristicValue>>();
    expectTypeOf(client.bluetooth.devices()).toEqualTypeOf<Promise<BluetoothDevice[]>>();
  });

  it('accepts bytes or hex for write, and nothing else', () => {
    void client.bluetooth.write({ ...ref, value: new Uint8Array(1) });
    void client.bluetooth.write({ ...ref, value: new ArrayBuffer(1) });
    void client.bluetooth.write({ ...ref, value: new DataView(new ArrayBuffer(1)) });
    void client.bluetooth.write({ ...ref, value: '01' });
    // @ts-expect-error numbers are not values
    void client.bluetooth.write({ ...ref, value: 1 });
    // @ts-expect-error the characteristic id is required
    void client.bluetooth.write({ deviceId: 'd', serviceId: 's', value: '01' });
  });

  it('takes per-call options last', () => {
    void client.bluetooth.connect('d', { timeout: 5000, signal: new AbortController().signal });
    void client.bluetooth.state({ timeout: 1000 });
    // @ts-expect-error allowDuplicates is a boolean
    void client.bluetooth.startDiscovery({ allowDuplicates: 'yes' });
  });

  it('types the raw plugins for client.call', () => {
    expectTypeOf(client.call('openBluetoothAdapter')).toEqualTypeOf<Promise<{ isSupportBLE: string }>>();
    // @ts-expect-error deviceId is required
    void client.call('connectBLEDevice', {});
  });
});

describe('hce types', () => {
  it('types state, send and messages', () => {
    expectTypeOf(client.hce.state()).toEqualTypeOf<Promise<HceState>>();
    expectTypeOf(client.hce.send('00')).toEqualTypeOf<Promise<DecodedValue>>();
    expectTypeOf(client.hce.messages()).toEqualTypeOf<AsyncGenerator<HceMessage, void, undefined>>();
    client.hce.events.on('message', (message) => expectTypeOf(message.value).toEqualTypeOf<Uint8Array>());
    // @ts-expect-error start takes a list of AIDs
    void client.hce.start('A000000010');
  });

  it('types the state reason', () => {
    void client.hce.state().then(({ reason }) => {
      expectTypeOf(reason).toEqualTypeOf<
        'ok' | 'unsupported' | 'disabled' | 'no-hce' | 'not-default' | 'unknown'
      >();
    });
  });
});
