/**
 * The simulator in plain Node (issue 23): without a DOM it says what it needs instead of
 * failing on `navigator` of undefined; given a jsdom window (and the same window for the
 * client) a page's calls run there as in a browser.
 */
import { jsdomWindow } from '../helpers/jsdom-window.js';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { pay } from '../../src/payment.js';
import { bluetooth } from '../../src/bluetooth.js';
import {
  createSimulatedSigner,
  DEMO_HEART_RATE_MONITOR,
  installSimulator,
} from '../../src/simulator/index.js';

describe('the simulator in plain Node', () => {
  it('has no DOM here (the premise of this file)', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  });

  it('throws a TypeError naming the window option when there is no window', () => {
    expect(() => installSimulator()).toThrow(TypeError);
    expect(() => installSimulator()).toThrow(/needs a DOM window[^]*window: new JSDOM/);
  });

  it('throws the same TypeError for a window option that is not a window', () => {
    expect(() => installSimulator({ window: {} as Window })).toThrow(
      /needs a DOM window[^]*got a object without document, navigator and Event/,
    );
  });

  it('runs on a jsdom window passed as `window`: pays and reads the demo heart-rate monitor', async () => {
    const window = jsdomWindow('https://shop.example/pay');
    const sim = installSimulator({
      window: window,
      bluetooth: { peripherals: [DEMO_HEART_RATE_MONITOR] },
    });
    try {
      const client = createClient({ window: window, signer: createSimulatedSigner() });
      await expect(pay(client, { tn: 'node-tn' })).resolves.toBeUndefined();
      const ble = bluetooth(client);
      await ble.open();
      await ble.connect(DEMO_HEART_RATE_MONITOR.deviceId);
      const reading = await ble.read({
        deviceId: DEMO_HEART_RATE_MONITOR.deviceId,
        serviceId: '180D',
        characteristicId: '2A37',
      });
      expect([...reading.value]).toEqual([0x00, 0x48]);
      expect(sim.callsOf('pay')).toHaveLength(1);
    } finally {
      sim.uninstall();
      window.close();
    }
  });
});
