/** Configuration and controller contract of the simulator's virtual BLE peripherals (tests and the playground). */
import type { ValueEncoding } from '../../plugins/value-codec.js';

/** A characteristic of a virtual peripheral. */
export interface VirtualCharacteristic {
  readonly uuid: string;
  /** What it supports. Default read and write. */
  readonly properties?:
    | {
        readonly read?: boolean | undefined;
        readonly write?: boolean | undefined;
        readonly notify?: boolean | undefined;
        readonly indicate?: boolean | undefined;
      }
    | undefined;
  /** Initial value (bytes or hex). Default empty. */
  readonly value?: Uint8Array | string | undefined;
  /** While notify is on, send a new value every this many ms. Default: no periodic notifications. */
  readonly notifyEvery?: number | undefined;
  /** The n-th periodic value (n from 1). Default one byte counting up. */
  readonly nextValue?: ((n: number) => Uint8Array) | undefined;
}

/** A GATT service of a virtual peripheral. */
export interface VirtualService {
  readonly uuid: string;
  /** Default true. */
  readonly isPrimary?: boolean | undefined;
  readonly characteristics?: readonly VirtualCharacteristic[] | undefined;
}

/**
 * A virtual BLE peripheral.
 *
 * @example
 * ```ts
 * installSimulator({ bluetooth: { peripherals: [{
 *   deviceId: 'HRM-1', name: 'HRM', RSSI: -52, advertisedServices: ['180D'],
 *   services: [{ uuid: '180D', characteristics: [{ uuid: '2A37', properties: { notify: true }, notifyEvery: 1000 }] }],
 * }] } });
 * ```
 */
export interface VirtualPeripheral {
  readonly deviceId: string;
  readonly name?: string | undefined;
  readonly localName?: string | undefined;
  /** dBm. Default -60. */
  readonly RSSI?: number | undefined;
  readonly advertisedServices?: readonly string[] | undefined;
  readonly manufacturerData?: string | undefined;
  readonly services?: readonly VirtualService[] | undefined;
  /** Drop the connection on its own this many ms after each connect (a scripted disconnect). */
  readonly disconnectAfter?: number | undefined;
  /** Refuse connections. */
  readonly refuseConnection?: boolean | undefined;
}

/** `installSimulator({ bluetooth })` options. */
export interface BluetoothSimOptions {
  readonly peripherals?: readonly VirtualPeripheral[] | undefined;
  /** What `openBluetoothAdapter` reports as `isSupportBLE`. Default true. */
  readonly supported?: boolean | undefined;
  /** Whether the adapter is on. Default true. */
  readonly available?: boolean | undefined;
  /** How values travel on the simulated wire. Default `'hex'`. */
  readonly encoding?: ValueEncoding | undefined;
  /** Milliseconds between advertising rounds while discovering. Default 50. */
  readonly advertiseInterval?: number | undefined;
  /**
   * How listener callbacks get their payload: an Event carrying the fields
   * (`'event'`, default, the likely real shape) or a plain object.
   */
  readonly eventPayload?: 'event' | 'object' | undefined;
}

/**
 * Failure codes of the simulated BLE stack (the app's real codes are not public;
 * these follow the common mini-program numbering).
 */
export const BLE_SIM_CODES = {
  notInitialised: '10000',
  unavailable: '10001',
  noDevice: '10002',
  connectionFailed: '10003',
  noService: '10004',
  noCharacteristic: '10005',
  notConnected: '10006',
  notSupported: '10007',
  badValue: '10013',
} as const;

/** Document event types of the four listener pairs. */
export const BLE_EVENT_TYPES = {
  deviceFound: 'BluetoothDeviceFound',
  connection: 'BLEConnectionStateChange',
  value: 'BLECharacteristicValueChange',
  adapter: 'BluetoothAdapterStateChange',
} as const;

/** One characteristic of one device. */
export interface CharacteristicAddress {
  readonly deviceId: string;
  readonly serviceId: string;
  readonly characteristicId: string;
}

/** A value the page wrote. */
export interface SimulatedWrite {
  readonly address: CharacteristicAddress;
  readonly value: Uint8Array;
  /** The wire string as received. */
  readonly raw: string;
}

/**
 * Test controls of the simulated BLE stack.
 *
 * @example
 * ```ts
 * sim.bluetooth.addPeripheral({ deviceId: 'D1', name: 'Scale' });
 * sim.bluetooth.disconnect('D1');           // the peripheral drops the link
 * sim.bluetooth.setAdapter({ available: false });
 * console.assert(sim.bluetooth.activeTimers() === 0); // nothing left running
 * ```
 */
export interface SimulatedBluetooth {
  /** Add (or replace) a peripheral; it is reported by discovery from the next advertising round. */
  addPeripheral(peripheral: VirtualPeripheral): void;
  /** Remove a peripheral, dropping its connection. */
  removePeripheral(deviceId: string): void;
  /** Switch the adapter on or off and fire `BluetoothAdapterStateChange` (`state` default `'on'`/`'off'`). */
  setAdapter(change: { readonly available: boolean; readonly state?: string }): void;
  /** The peripheral drops the connection: `connected: 'no'` is fired, notifications stop. */
  disconnect(deviceId: string): void;
  /** The peripheral sends a value; delivered only while notify is on. Returns whether it was sent. */
  notify(address: CharacteristicAddress, value: Uint8Array | string): boolean;
  /** Set what a read returns. */
  setValue(address: CharacteristicAddress, value: Uint8Array | string): void;
  /** Values the page wrote, oldest first (all, or of one characteristic). */
  writes(address?: CharacteristicAddress): readonly SimulatedWrite[];
  isConnected(deviceId: string): boolean;
  readonly opened: boolean;
  readonly discovering: boolean;
  /** Characteristics with notify on, as `deviceId/serviceId/characteristicId`. */
  notifying(): readonly string[];
  /** Timers running (advertising, periodic notifications, scripted disconnects): 0 when idle. */
  activeTimers(): number;
}

/** Whether `peripheral` advertises or offers one of `services` (any, when none are asked for). */
export function offers(peripheral: VirtualPeripheral, services: readonly string[] | undefined): boolean {
  if (!services || services.length === 0) return true;
  const offered = [
    ...(peripheral.advertisedServices ?? []),
    ...(peripheral.services ?? []).map((s) => s.uuid),
  ];
  return services.some((wanted) => offered.some((uuid) => uuid.toUpperCase() === wanted.toUpperCase()));
}

/** A peripheral as the app reports devices: strings on the wire, optional fields omitted. */
export function wireDevice(p: VirtualPeripheral): Record<string, unknown> {
  return {
    deviceId: p.deviceId,
    name: p.name ?? '',
    localName: p.localName ?? p.name ?? '',
    RSSI: String(p.RSSI ?? -60),
    ...(p.manufacturerData === undefined ? {} : { manufacturerData: p.manufacturerData }),
    ...(p.advertisedServices ? { advertisServiceUUIDs: [...p.advertisedServices] } : {}),
  };
}

/**
 * A ready-made heart-rate monitor for demos and the playground: it advertises
 * service `180D`, notifies measurement `2A37` every second and accepts writes
 * on control point `2A39`.
 *
 * @example
 * ```ts
 * installSimulator({ bluetooth: { peripherals: [DEMO_HEART_RATE_MONITOR] } });
 * ```
 */
export const DEMO_HEART_RATE_MONITOR: VirtualPeripheral = {
  deviceId: 'SIM:HRM:01',
  name: 'Simulated HRM',
  RSSI: -55,
  advertisedServices: ['180D'],
  services: [
    {
      uuid: '180D',
      characteristics: [
        {
          uuid: '2A37',
          properties: { read: true, notify: true },
          value: '0048',
          notifyEvery: 1000,
          nextValue: (n) => Uint8Array.of(0, 60 + (n % 40)),
        },
        { uuid: '2A39', properties: { write: true } },
      ],
    },
  ],
};
