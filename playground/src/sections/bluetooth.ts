/**
 * Bluetooth LE: a scan list that updates live (`for await` over
 * `bluetooth(client).scan` until "stop"), connect, and the GATT browser of
 * the connected device (see bluetooth-gatt.ts).
 */
import type { BluetoothDevice } from '../../../src/bluetooth.js';
import { button, buttons, field, h, section, subheading } from '../dom.js';
import { logEvent, logNote, run } from '../log.js';
import { observe } from '../report.js';
import type { PlaygroundContext, Section } from '../context.js';
import { gattBrowser } from './bluetooth-gatt.js';
import { bluetooth } from '../../../src/bluetooth.js';

/** Live rows of the scan list, by deviceId. */
type Rows = Map<string, { row: HTMLLIElement; text: HTMLSpanElement }>;

const describeDevice = (device: BluetoothDevice): string =>
  `${device.name || device.localName || '(no name)'} · ${device.deviceId} · ${Number.isNaN(device.RSSI) ? '?' : device.RSSI} dBm`;

/** Listen to connection and adapter changes, once, the first time the section talks to the adapter. */
function watchOnce({ client }: PlaygroundContext): () => void {
  let watching = false;
  return () => {
    if (watching) return;
    watching = true;
    const events = bluetooth(client).events;
    events.on('error', (error, event) =>
      logNote(`Bluetooth ${String(event)} listener failed: ${String(error)}`),
    );
    events.on('connectionStateChange', (change) => logEvent('connectionStateChange', change));
    events.on('adapterStateChange', (change) => {
      observe('adapterStates', change);
      logEvent('adapterStateChange', change);
    });
  };
}

export const bluetoothSection: Section = (context) => {
  const { client, sim } = context;
  const rows: Rows = new Map();
  const list = h('ul', { id: 'ble-devices', class: 'devices' });
  const status = h('p', { id: 'ble-status', class: 'status' }, 'idle');
  const gatt = gattBrowser(context);
  const watch = watchOnce(context);
  const servicesFilter = field({
    name: 'services',
    label: 'only services (comma separated, optional)',
    value: '',
  });
  let scanning: AbortController | undefined;

  const connect = (deviceId: string): void =>
    void run('bluetooth.connect', async () => {
      watch();
      await bluetooth(client).connect(deviceId);
      await gatt.show(deviceId);
    });

  const upsert = (device: BluetoothDevice): void => {
    const known = rows.get(device.deviceId);
    if (known) {
      known.text.textContent = describeDevice(device);
      return;
    }
    const text = h('span', {}, describeDevice(device));
    const row = h(
      'li',
      { 'data-device-id': device.deviceId },
      text,
      button('', 'connect', () => connect(device.deviceId), 'ble-connect'),
    );
    rows.set(device.deviceId, { row, text });
    list.append(row);
  };

  const scan = async (): Promise<{ found: number }> => {
    scanning?.abort();
    const controller = new AbortController();
    scanning = controller;
    watch();
    await bluetooth(client).open();
    const input = servicesFilter.querySelector('input')!.value;
    const services = input
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    status.textContent = 'scanning…';
    try {
      for await (const device of bluetooth(client).scan({
        services: services.length > 0 ? services : undefined,
        signal: controller.signal,
      })) {
        upsert(device);
      }
    } catch (error) {
      // Stopping is the normal way out of the loop.
      if (!controller.signal.aborted) throw error;
    } finally {
      if (scanning === controller) scanning = undefined;
      status.textContent = `stopped · ${rows.size} device(s) seen`;
    }
    return { found: rows.size };
  };

  return section(
    'bluetooth',
    'Bluetooth',
    'Open the adapter, scan (the list updates live), connect, then browse services and characteristics.',
    servicesFilter,
    buttons(
      button('ble-scan', 'scan', () => void run('bluetooth.scan', scan)),
      button('ble-stop', 'stop scan', () => scanning?.abort()),
      button(
        'ble-state',
        'adapter state',
        () => void run('bluetooth.state', () => bluetooth(client).state()),
      ),
      button(
        'ble-settings',
        'Bluetooth settings',
        () => void run('bluetooth.openSettings', () => bluetooth(client).openSettings()),
      ),
      button(
        'ble-close',
        'close adapter',
        () => void run('bluetooth.close', () => bluetooth(client).close()),
      ),
    ),
    status,
    list,
    subheading('Connected device'),
    gatt.element,
    sim &&
      buttons(
        button('sim-ble-off', 'sim: adapter off', () => sim.bluetooth.setAdapter({ available: false })),
        button('sim-ble-on', 'sim: adapter on', () => sim.bluetooth.setAdapter({ available: true })),
      ),
  );
};
