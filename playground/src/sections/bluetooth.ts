/**
 * Bluetooth LE: a scan list that updates live (`for await` over
 * `bluetooth(client).scan` until "stop"), connect, and the GATT browser of
 * the connected device (see bluetooth-gatt.ts).
 */
import type { AdapterStateChange, BluetoothDevice } from '../../../src/bluetooth.js';
import { button, buttons, field, h, section, subheading } from '../dom.js';
import { failureOf, logEvent, logNote, run } from '../log.js';
import { observe } from '../report.js';
import type { Section } from '../context.js';
import { gattBrowser } from './bluetooth-gatt.js';
import { bluetooth } from '../../../src/bluetooth.js';

/** Live rows of the scan list, by deviceId. */
type Rows = Map<string, { row: HTMLLIElement; text: HTMLSpanElement; connect: HTMLButtonElement }>;

const describeDevice = (device: BluetoothDevice): string =>
  `${device.name || device.localName || '(no name)'} · ${device.deviceId} · ${Number.isNaN(device.RSSI) ? '?' : device.RSSI} dBm`;

/** Whether an adapter change says it went off (the app's state values are not public: `available` first). */
const adapterOff = (change: AdapterStateChange): boolean =>
  change.available === false || /off|unavailable|disabled/i.test(change.state);

export const bluetoothSection: Section = (context) => {
  const { client, sim } = context;
  const rows: Rows = new Map();
  const list = h('ul', { id: 'ble-devices', class: 'devices' });
  const status = h('p', { id: 'ble-status', class: 'status' }, 'idle');
  const gatt = gattBrowser(context);
  const servicesFilter = field({
    name: 'services',
    label: 'only services (UUIDs such as 180D, comma separated, optional)',
    value: '',
  });
  let scanning: AbortController | undefined;
  let watching = false;
  /** What the adapter last said; connect buttons follow it (nothing can connect while it is off). */
  let adapterIsOff = false;

  const setAdapterOff = (off: boolean): void => {
    adapterIsOff = off;
    list.classList.toggle('adapter-off', off);
    for (const { connect } of rows.values()) {
      connect.disabled = off;
      connect.title = off ? 'the adapter is off: open it first' : '';
    }
  };

  /** The panel follows the events, once the section first talks to the adapter. */
  const watch = (): void => {
    if (watching) return;
    watching = true;
    const events = bluetooth(client).events;
    events.on('error', (error, event) =>
      logNote(`Bluetooth ${String(event)} listener failed: ${String(error)}`),
    );
    events.on('connectionStateChange', (change) => {
      logEvent('connectionStateChange', change);
      gatt.connectionChanged(change);
    });
    events.on('adapterStateChange', (change) => {
      observe('adapterStates', change);
      logEvent('adapterStateChange', change);
      if (adapterOff(change)) {
        // A scan cannot find anything any more, and no device stays connected.
        scanning?.abort();
        gatt.adapterOff();
        setAdapterOff(true);
        status.textContent = `adapter off · ${rows.size} device(s) seen · open it to scan again`;
      } else {
        setAdapterOff(false);
        gatt.adapterOn();
        if (!scanning) status.textContent = `adapter ${change.state || 'on'} · ${rows.size} device(s) seen`;
      }
    });
  };

  const connect = (deviceId: string, trigger: HTMLButtonElement): void =>
    void run(
      'bluetooth.connect',
      async (signal) => {
        watch();
        await bluetooth(client).connect(deviceId, { signal });
        await gatt.show(deviceId, signal);
      },
      trigger,
    );

  const upsert = (device: BluetoothDevice): void => {
    const known = rows.get(device.deviceId);
    if (known) {
      known.text.textContent = describeDevice(device);
      return;
    }
    const text = h('span', {}, describeDevice(device));
    const connectButton = button('', 'connect', (self) => connect(device.deviceId, self), 'ble-connect');
    connectButton.disabled = adapterIsOff;
    const row = h('li', { 'data-device-id': device.deviceId }, text, connectButton);
    rows.set(device.deviceId, { row, text, connect: connectButton });
    list.append(row);
  };

  /** Open the adapter (the app asks the user to switch it on if needed). */
  const open = async (signal: AbortSignal): Promise<void> => {
    watch();
    await bluetooth(client).open({ signal });
    setAdapterOff(false);
    gatt.adapterOn();
  };

  /** One scan at a time (its button is disabled meanwhile); its pending row's "stop scan" or the adapter going off end it. */
  const scan = async (cancel: AbortSignal): Promise<{ found: number }> => {
    const controller = new AbortController();
    scanning = controller;
    cancel.addEventListener('abort', () => controller.abort(), { once: true });
    try {
      await open(controller.signal);
      const input = servicesFilter.querySelector('input')!.value;
      const services = input
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      status.textContent = 'scanning…';
      for await (const device of bluetooth(client).scan({
        services: services.length > 0 ? services : undefined,
        signal: controller.signal,
      })) {
        upsert(device);
      }
    } catch (error) {
      // Stopping is the normal way out of the loop.
      if (!controller.signal.aborted) {
        status.textContent = `scan failed (${failureOf(error).code}) · ${rows.size} device(s) seen`;
        throw error;
      }
    } finally {
      scanning = undefined;
    }
    if (!adapterIsOff) status.textContent = `stopped · ${rows.size} device(s) seen`;
    return { found: rows.size };
  };

  const simAdapter = (available: boolean): void => {
    watch();
    sim?.bluetooth.setAdapter({ available });
  };

  return section(
    'bluetooth',
    'Bluetooth',
    'Open the adapter, scan (the list updates live), connect, then browse services and characteristics.',
    servicesFilter,
    buttons(
      button(
        'ble-open',
        'open adapter',
        (self) => void run('bluetooth.open', (signal) => open(signal), self),
      ),
      button(
        'ble-scan',
        'scan',
        (self) => void run('bluetooth.scan', scan, self, { id: 'ble-stop', label: 'stop scan', stops: true }),
      ),
      button(
        'ble-state',
        'adapter state',
        (self) => void run('bluetooth.state', (signal) => bluetooth(client).state({ signal }), self),
      ),
      button(
        'ble-settings',
        'Bluetooth settings',
        (self) =>
          void run('bluetooth.openSettings', (signal) => bluetooth(client).openSettings({ signal }), self),
      ),
      button(
        'ble-close',
        'close adapter',
        (self) => void run('bluetooth.close', (signal) => bluetooth(client).close({ signal }), self),
      ),
    ),
    status,
    list,
    subheading('Connected device'),
    gatt.element,
    sim &&
      buttons(
        button('sim-ble-off', 'sim: adapter off', () => simAdapter(false)),
        button('sim-ble-on', 'sim: adapter on', () => simAdapter(true)),
        button('sim-ble-drop', 'sim: device drops the link', () => {
          const deviceId = gatt.connectedId();
          if (deviceId) sim.bluetooth.disconnect(deviceId);
          else logNote('no device connected');
        }),
      ),
  );
};
