/**
 * The GATT browser of the connected device: services, their
 * characteristics, and read / write / notify with a live value view. Every
 * value seen is recorded raw for the device report (the wire encoding of BLE
 * values is not public).
 */
import type {
  BluetoothCharacteristic,
  CharacteristicRef,
  CharacteristicValue,
  ConnectionState,
} from '../../../src/bluetooth.js';
import { button, buttons, h, hex } from '../dom.js';
import { run } from '../log.js';
import { livePlot, plottedValue } from '../plot.js';
import { observe } from '../report.js';
import type { PlaygroundContext } from '../context.js';
import { bluetooth } from '../../../src/bluetooth.js';

const flags = ({ properties }: BluetoothCharacteristic): string =>
  (['read', 'write', 'notify', 'indicate'] as const).filter((name) => properties[name]).join(' ') || 'none';

const keyOf = (ref: CharacteristicRef): string => `${ref.serviceId}-${ref.characteristicId}`;

/** Show a value and note it for the report. */
function showValue(
  view: HTMLElement,
  value: CharacteristicValue,
  via: 'read' | 'notify',
  count: number,
): void {
  observe('bleValues', {
    via,
    characteristicId: value.characteristicId,
    raw: value.raw,
    decoded: value.decoded,
  });
  view.textContent = `${value.decoded ? hex(value.value) : '(not decoded)'} · raw "${value.raw}" · ${via} #${count}`;
}

/** Device ids compare case-insensitively (platforms differ in case). */
const sameDevice = (a: string | undefined, b: string): boolean => a?.toUpperCase() === b.toUpperCase();

export function gattBrowser({ client }: PlaygroundContext): {
  element: HTMLElement;
  show(deviceId: string, signal: AbortSignal): Promise<{ services: number }>;
  /** Follow a `connectionStateChange` event: a drop of the shown device clears the browser. */
  connectionChanged(change: ConnectionState): void;
  /** The adapter went off: nothing stays connected. */
  adapterOff(): void;
  /** The adapter is back: the browser no longer says it is off. */
  adapterOn(): void;
  /** The device shown, if one is connected. */
  connectedId(): string | undefined;
} {
  const title = h('p', { id: 'ble-connected', class: 'status' }, 'not connected');
  const services = h('ul', { id: 'ble-services', class: 'gatt' });
  const notifying = new Map<string, AbortController>();
  /** Devices this page asked to disconnect: their `connected: no` event is not the device's doing. */
  const leaving = new Set<string>();
  let current: string | undefined;

  const stopAll = (): void => {
    for (const controller of notifying.values()) controller.abort();
    notifying.clear();
  };

  /** Forget the device: stop its loops, clear its services, say why. */
  const drop = (why: string): void => {
    stopAll();
    title.textContent = why;
    services.replaceChildren();
    disconnect.hidden = true;
    current = undefined;
  };

  const notify = async (
    ref: CharacteristicRef,
    view: HTMLElement,
    plotArea: HTMLElement,
    cancel: AbortSignal,
  ): Promise<{ values: number }> => {
    notifying.get(keyOf(ref))?.abort();
    const controller = new AbortController();
    notifying.set(keyOf(ref), controller);
    cancel.addEventListener('abort', () => controller.abort(), { once: true });
    let count = 0;
    let plot: ReturnType<typeof livePlot> | undefined;
    try {
      for await (const value of bluetooth(client).notifications(ref, { signal: controller.signal })) {
        showValue(view, value, 'notify', ++count);
        const point = value.decoded ? plottedValue(ref.characteristicId, value.value) : undefined;
        if (!point) continue;
        if (!plot) {
          // A new plot per notify run: the previous run's values are another session.
          plot = livePlot(`ble-plot-${keyOf(ref)}`, point.unit);
          plotArea.replaceChildren(plot.element);
        }
        plot.push(point.value);
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    return { values: count };
  };

  const characteristicRow = (
    ref: CharacteristicRef,
    characteristic: BluetoothCharacteristic,
  ): HTMLLIElement => {
    const view = h('output', { class: 'ble-value', id: `ble-value-${keyOf(ref)}` }, '—');
    const plotArea = h('div', { class: 'plot-area' });
    const input = h('input', {
      name: 'value',
      value: '01',
      'aria-label': 'hex value to write',
      class: 'hex-input',
    });
    return h(
      'li',
      { 'data-characteristic': ref.characteristicId },
      h('span', {}, `${ref.characteristicId} · ${flags(characteristic)}`),
      buttons(
        characteristic.properties.read &&
          button(
            '',
            'read',
            (self) =>
              void run(
                'bluetooth.read',
                async (signal) => {
                  const value = await bluetooth(client).read(ref, { signal });
                  showValue(view, value, 'read', 1);
                  return { hex: hex(value.value), raw: value.raw };
                },
                self,
              ),
            'ble-read',
          ),
        (characteristic.properties.notify || characteristic.properties.indicate) &&
          button(
            '',
            'notify',
            (self) =>
              void run('bluetooth.notifications', (signal) => notify(ref, view, plotArea, signal), self, {
                label: 'stop',
                className: 'ble-notify-stop',
                stops: true,
              }),
            'ble-notify',
          ),
      ),
      characteristic.properties.write &&
        h(
          'div',
          { class: 'inline' },
          input,
          button(
            '',
            'write',
            (self) =>
              void run(
                'bluetooth.write',
                (signal) =>
                  bluetooth(client).write({ ...ref, value: input.value.replace(/\s+/g, '') }, { signal }),
                self,
              ),
            'ble-write',
          ),
        ),
      view,
      plotArea,
    );
  };

  const serviceRow = (deviceId: string, serviceId: string, primary: boolean): HTMLLIElement => {
    const list = h('ul', { class: 'characteristics' });
    const row = h(
      'li',
      { 'data-service': serviceId },
      h('span', {}, `service ${serviceId}${primary ? ' (primary)' : ''}`),
      button(
        '',
        'characteristics',
        (self) =>
          void run(
            'bluetooth.characteristics',
            async (signal) => {
              const found = await bluetooth(client).characteristics({ deviceId, serviceId }, { signal });
              list.replaceChildren(
                ...found.map((c) => characteristicRow({ deviceId, serviceId, characteristicId: c.uuid }, c)),
              );
              return found;
            },
            self,
          ),
        'ble-characteristics',
      ),
      list,
    );
    return row;
  };

  const disconnect = button('ble-disconnect', 'disconnect', (self) => {
    const deviceId = current;
    if (!deviceId) return;
    stopAll();
    leaving.add(deviceId.toUpperCase());
    void run(
      'bluetooth.disconnect',
      async (signal) => {
        try {
          await bluetooth(client).disconnect(deviceId, { signal });
          if (sameDevice(current, deviceId)) drop(`${deviceId} · disconnected (by this page)`);
        } finally {
          leaving.delete(deviceId.toUpperCase());
        }
      },
      self,
    );
  });
  disconnect.hidden = true;

  return {
    element: h('div', { class: 'gatt-browser' }, title, disconnect, services),
    async show(deviceId, signal) {
      stopAll();
      current = deviceId;
      title.textContent = `${deviceId} · connected`;
      disconnect.hidden = false;
      const found = await bluetooth(client).services(deviceId, { signal });
      services.replaceChildren(...found.map((s) => serviceRow(deviceId, s.uuid, s.isPrimary)));
      return { services: found.length };
    },
    connectionChanged({ deviceId, connected }) {
      if (connected || !sameDevice(current, deviceId)) return;
      // The app fires the same event whoever ended the connection: tell them apart by what this page asked.
      const byPage = leaving.has(deviceId.toUpperCase());
      drop(`${deviceId} · disconnected (by ${byPage ? 'this page' : 'the device'})`);
    },
    adapterOff() {
      // Whatever the connection events said before, nothing is connected now.
      drop('not connected · adapter off');
    },
    connectedId: () => current,
    adapterOn() {
      if (current === undefined) title.textContent = 'not connected';
    },
  };
}
