/**
 * The simulated BLE stack: adapter, discovery, connections, GATT values and
 * notifications of virtual peripherals. The family's behaviours call its
 * native operations; tests and the playground drive it through the
 * {@link SimulatedBluetooth} controller (`sim.bluetooth`).
 */
import { failWith, ok, type Outcome, type SimulationContext } from '../family.js';
import type { ValueCodec } from '../../plugins/value-codec.js';
import { WIRE_CODECS } from './wire-codecs.js';
import { SimTimers } from './timers.js';
import {
  BLE_EVENT_TYPES as EVENT,
  BLE_SIM_CODES as CODE,
  type BluetoothSimOptions,
  type CharacteristicAddress,
  type SimulatedBluetooth,
  type SimulatedWrite,
  type VirtualCharacteristic,
  type VirtualPeripheral,
  offers,
  wireDevice,
} from './bluetooth-peripherals.js';

interface CharState {
  readonly definition: VirtualCharacteristic;
  value: Uint8Array;
  notifying: boolean;
  ticks: number;
}

const upper = (id: string): string => id.toUpperCase();
const keyOf = (a: CharacteristicAddress): string =>
  [a.deviceId, a.serviceId, a.characteristicId].map(upper).join('/');
const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const bytesOf = (value: Uint8Array | string | undefined): Uint8Array =>
  typeof value === 'string'
    ? (WIRE_CODECS.hex.decode(value) ?? new Uint8Array(0))
    : (value ?? new Uint8Array(0));

/** The simulated stack; behaviours use the native operations, tests the controller. */
export class BluetoothSimulation implements SimulatedBluetooth {
  readonly codec: ValueCodec;
  private readonly timers = new SimTimers();
  private readonly peripherals = new Map<string, VirtualPeripheral>();
  private readonly chars = new Map<string, CharState>();
  private readonly seen = new Map<string, VirtualPeripheral>();
  private readonly reported = new Set<string>();
  private readonly connected = new Set<string>();
  /** Devices whose `connected: 'yes'` reached the page: only these are listed as connected. */
  private readonly announced = new Set<string>();
  private readonly written: SimulatedWrite[] = [];
  private available: boolean;
  private filter: { services?: readonly string[]; duplicates: boolean } | undefined;
  opened = false;

  constructor(
    private readonly context: SimulationContext,
    private readonly options: BluetoothSimOptions = {},
  ) {
    this.codec = WIRE_CODECS[options.encoding ?? 'hex'];
    this.available = options.available ?? true;
    for (const peripheral of options.peripherals ?? []) this.addPeripheral(peripheral);
  }

  get discovering(): boolean {
    return this.filter !== undefined;
  }

  // ---- controller ----

  addPeripheral(peripheral: VirtualPeripheral): void {
    this.peripherals.set(upper(peripheral.deviceId), peripheral);
    for (const service of peripheral.services ?? [])
      for (const definition of service.characteristics ?? []) {
        const address = {
          deviceId: peripheral.deviceId,
          serviceId: service.uuid,
          characteristicId: definition.uuid,
        };
        this.chars.set(keyOf(address), {
          definition,
          value: bytesOf(definition.value),
          notifying: false,
          ticks: 0,
        });
      }
  }

  removePeripheral(deviceId: string): void {
    this.disconnect(deviceId);
    this.peripherals.delete(upper(deviceId));
  }

  setAdapter(change: { readonly available: boolean; readonly state?: string }): void {
    this.available = change.available;
    if (!change.available) this.shutDown();
    this.context.listeners.fire(EVENT.adapter, { state: change.state ?? (change.available ? 'on' : 'off') });
  }

  disconnect(deviceId: string): void {
    const id = upper(deviceId);
    if (!this.connected.delete(id)) return;
    this.announced.delete(id);
    this.timers.clear(`drop:${id}`);
    for (const [key, state] of this.chars) if (key.startsWith(`${id}/`)) this.stopNotify(key, state);
    this.context.listeners.fire(EVENT.connection, { deviceId, connected: 'no' });
  }

  notify(address: CharacteristicAddress, value: Uint8Array | string): boolean {
    const state = this.chars.get(keyOf(address));
    if (!state) return false;
    state.value = bytesOf(value);
    if (!state.notifying) return false;
    return this.context.listeners.fire(EVENT.value, { ...address, value: this.codec.encode(state.value) });
  }

  setValue(address: CharacteristicAddress, value: Uint8Array | string): void {
    const state = this.chars.get(keyOf(address));
    if (state) state.value = bytesOf(value);
  }

  writes(address?: CharacteristicAddress): readonly SimulatedWrite[] {
    return address ? this.written.filter((w) => keyOf(w.address) === keyOf(address)) : [...this.written];
  }

  isConnected(deviceId: string): boolean {
    return this.connected.has(upper(deviceId));
  }

  notifying(): readonly string[] {
    return [...this.chars].filter(([, state]) => state.notifying).map(([key]) => key);
  }

  activeTimers(): number {
    return this.timers.size;
  }

  /** Stop every timer (on uninstall). */
  dispose(): void {
    this.timers.clearAll();
    for (const [key, state] of this.chars) this.stopNotify(key, state);
  }

  // ---- native operations ----

  /** Why the adapter cannot be used now, if it cannot. */
  unusable(): Outcome | undefined {
    if (!this.opened) return failWith(CODE.notInitialised, 'openBluetoothAdapter first');
    if (!this.available) return failWith(CODE.unavailable, 'Bluetooth is off');
    return undefined;
  }

  open(): Outcome {
    this.opened = true;
    return ok({ isSupportBLE: yesNo(this.options.supported ?? true) });
  }

  close(): Outcome {
    this.shutDown();
    this.opened = false;
    return ok();
  }

  adapterState(): Outcome {
    return this.unusable() ?? ok({ available: yesNo(this.available), discovering: yesNo(this.discovering) });
  }

  startDiscovery(services: readonly string[] | undefined, duplicates: boolean): Outcome {
    const refused = this.unusable();
    if (refused) return refused;
    this.filter = { ...(services ? { services } : {}), duplicates };
    this.reported.clear();
    this.timers.once('advertise:first', 0, () => this.advertise());
    this.timers.every('advertise', this.options.advertiseInterval ?? 50, () => this.advertise());
    return ok();
  }

  stopDiscovery(): Outcome {
    this.filter = undefined;
    this.timers.clearPrefix('advertise');
    return ok();
  }

  devices(): Outcome {
    return this.unusable() ?? ok({ devices: [...this.seen.values()].map((p) => wireDevice(p)) });
  }

  connect(deviceId: string): Outcome {
    const refused = this.unusable();
    if (refused) return refused;
    const id = upper(deviceId);
    const peripheral = this.peripherals.get(id);
    if (!peripheral) return failWith(CODE.noDevice, `no device ${deviceId}`);
    if (peripheral.refuseConnection)
      return failWith(CODE.connectionFailed, `${deviceId} refused the connection`);
    if (this.connected.has(id)) return ok();
    this.connected.add(id);
    // Announced after the answer, as a native event would be.
    this.timers.once(`announce:${id}`, 0, () => {
      if (this.context.listeners.fire(EVENT.connection, { deviceId, connected: 'yes' }))
        this.announced.add(id);
    });
    if (peripheral.disconnectAfter !== undefined)
      this.timers.once(`drop:${id}`, peripheral.disconnectAfter, () => this.disconnect(deviceId));
    return ok();
  }

  connectedDevices(services: readonly string[] | undefined): Outcome {
    const list = [...this.announced]
      .map((id) => this.peripherals.get(id))
      .filter((p): p is VirtualPeripheral => p !== undefined && offers(p, services));
    return this.unusable() ?? ok({ devices: list.map((p) => wireDevice(p)) });
  }

  /** The connected peripheral `deviceId`, or the failure to answer. */
  connectedPeripheral(deviceId: string): VirtualPeripheral | Outcome {
    const refused = this.unusable();
    if (refused) return refused;
    const peripheral = this.peripherals.get(upper(deviceId));
    if (!peripheral) return failWith(CODE.noDevice, `no device ${deviceId}`);
    return this.connected.has(upper(deviceId))
      ? peripheral
      : failWith(CODE.notConnected, `${deviceId} is not connected`);
  }

  /** The characteristic at `address` if the device is connected and it has `property`. */
  characteristic(address: CharacteristicAddress, property: 'read' | 'write' | 'notify'): CharState | Outcome {
    const peripheral = this.connectedPeripheral(address.deviceId);
    if (!('deviceId' in peripheral)) return peripheral;
    const service = peripheral.services?.find((s) => upper(s.uuid) === upper(address.serviceId));
    if (!service) return failWith(CODE.noService, `no service ${address.serviceId}`);
    const state = this.chars.get(keyOf(address));
    if (!state) return failWith(CODE.noCharacteristic, `no characteristic ${address.characteristicId}`);
    const props = state.definition.properties ?? { read: true, write: true };
    const allowed = property === 'notify' ? props.notify || props.indicate : props[property];
    return allowed
      ? state
      : failWith(CODE.notSupported, `${address.characteristicId} does not support ${property}`);
  }

  recordWrite(address: CharacteristicAddress, raw: string): Outcome {
    const value = this.codec.decode(raw);
    if (!value) return failWith(CODE.badValue, `value is not ${this.options.encoding ?? 'hex'}`);
    this.written.push({ address, value, raw });
    return ok();
  }

  setNotify(address: CharacteristicAddress, state: CharState, on: boolean): Outcome {
    const key = keyOf(address);
    if (!on) {
      this.stopNotify(key, state);
      return ok();
    }
    state.notifying = true;
    const every = state.definition.notifyEvery;
    if (every !== undefined && !this.timers.has(`notify:${key}`)) {
      this.timers.every(`notify:${key}`, every, () => {
        state.ticks += 1;
        const next = state.definition.nextValue?.(state.ticks) ?? Uint8Array.of(state.ticks & 0xff);
        this.notify(address, next);
      });
    }
    return ok();
  }

  /** The page cancelled its value listener: periodic notifications stop with it. */
  valueListenerCancelled(): void {
    for (const [key, state] of this.chars) this.stopNotify(key, state);
  }

  // ---- internals ----

  private stopNotify(key: string, state: CharState): void {
    state.notifying = false;
    this.timers.clear(`notify:${key}`);
  }

  private shutDown(): void {
    this.stopDiscovery();
    for (const id of [...this.connected]) this.disconnect(this.peripherals.get(id)?.deviceId ?? id);
  }

  private advertise(): void {
    if (!this.filter) return;
    for (const [id, peripheral] of this.peripherals) {
      if (!offers(peripheral, this.filter.services)) continue;
      if (this.reported.has(id) && !this.filter.duplicates) continue;
      this.seen.set(id, peripheral);
      this.reported.add(id);
      this.context.listeners.fire(EVENT.deviceFound, wireDevice(peripheral));
    }
  }
}
