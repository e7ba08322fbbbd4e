/**
 * The `<script>` build runs as the ES modules do. Its minifier shortens internal property names
 * (build/private-property.mjs) and folds code across modules, so a page is run on the built
 * dist/upsdk-kit.iife.min.js itself, in a jsdom window with the simulator: plugin specs
 * (`toParams_`, `toResult_`, `queued_`), the device queue and NativeEvents' hub all take part.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createSimulatedSigner,
  DEMO_HEART_RATE_MONITOR,
  installSimulator,
} from '../../src/simulator/index.js';
import type * as Core from '../../src/index.js';
import type * as Bluetooth from '../../src/bluetooth.js';
import type * as Hce from '../../src/hce.js';
import type * as Payment from '../../src/payment.js';
import type * as Media from '../../src/media.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type Kit = typeof Core & typeof Bluetooth & typeof Hce & typeof Payment & typeof Media;
type ScriptWindow = Window & { close(): void; eval(code: string): unknown; upsdkKit?: Kit };
type JsdomConstructor = new (
  html: string,
  options: { url: string; runScripts: 'outside-only' },
) => { window: ScriptWindow };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomConstructor };

/** A page that loaded the IIFE, with the simulator installed on its window. */
function page() {
  const { window } = new JSDOM('<!doctype html><title>page</title>', {
    url: 'https://shop.example/pay',
    runScripts: 'outside-only',
  });
  const sim = installSimulator({ window, bluetooth: { peripherals: [DEMO_HEART_RATE_MONITOR] } });
  window.eval(readFileSync(path.join(root, 'dist/upsdk-kit.iife.min.js'), 'utf8'));
  const kit = window.upsdkKit!;
  const client = kit.createClient({ window, signer: createSimulatedSigner() });
  const close = () => {
    sim.uninstall();
    window.close();
  };
  return { kit, sim, client, close };
}

const HEART_RATE = {
  deviceId: DEMO_HEART_RATE_MONITOR.deviceId,
  serviceId: '180D',
  characteristicId: '2A37',
};

describe('the IIFE build at run time', () => {
  it('pays, and connects and reads a BLE characteristic through the device queue', async () => {
    const { kit, sim, client, close } = page();
    try {
      await expect(kit.pay(client, { tn: 'iife-tn' })).resolves.toBeUndefined();
      const ble = kit.bluetooth(client);
      await expect(ble.open()).resolves.toEqual({ supported: true });
      await ble.connect(HEART_RATE.deviceId);
      const reading = await ble.read(HEART_RATE);
      expect([...reading.value]).toEqual([0x00, 0x48]);
      expect(reading).toMatchObject({ ...HEART_RATE, decoded: true });
      expect(sim.callsOf('connectBLEDevice')[0]?.params).toMatchObject({ deviceId: HEART_RATE.deviceId });
    } finally {
      close();
    }
  });

  it('registers native events on the first listener, delivers them, and cancels on the last', async () => {
    const { kit, sim, client, close } = page();
    try {
      const { events } = kit.bluetooth(client);
      const seen: unknown[] = [];
      const listener = (change: unknown) => seen.push(change);
      events.on('connectionStateChange', listener);
      await expect.poll(() => events.isRegistered('connectionStateChange')).toBe(true);
      sim.fire('BLEConnectionStateChange', { deviceId: 'D1', connected: 'YES' });
      expect(seen).toEqual([{ deviceId: 'D1', connected: true }]);
      events.off('connectionStateChange', listener);
      await expect.poll(() => events.isRegistered('connectionStateChange')).toBe(false);
      expect(sim.callsOf('cancelBLEConnectionStateChange')).toHaveLength(1);
    } finally {
      close();
    }
  });

  it('checks inputs with the same messages: an AID, a reader timeout', async () => {
    const { kit, client, close } = page();
    try {
      await expect(kit.hce(client).start(['A00000001'])).rejects.toMatchObject({
        code: 'invalid_param',
        message: 'startHCE: Expected `aids[0]` to be 10–32 hex digits, got "A00000001" (code invalid_param)',
      });
      expect(() => kit.readAudioRecording(client, { timeout: 0 })).toThrow(
        'Expected `timeout` to be a positive number of milliseconds, got 0',
      );
    } finally {
      close();
    }
  });
});
