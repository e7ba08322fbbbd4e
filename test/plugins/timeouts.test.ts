/**
 * Plugins that wait on the user default to a 10-minute timeout (the core's
 * short list, read by `client.call`, which must match the families' own
 * timeouts), others to the client's timeout.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpsdkTimeoutError } from '../../src/index.js';
import { USER_WAIT_PLUGINS, USER_WAIT_TIMEOUT } from '../../src/client/user-wait.js';
import { timeoutsOf } from '../../src/plugins/define.js';
import { appletPlugins } from '../../src/plugins/applet/plugins.js';
import { devicePlugins } from '../../src/plugins/device/index.js';
import { locationPlugins } from '../../src/plugins/location/index.js';
import { pagePlugins } from '../../src/plugins/page/index.js';
import { paymentPlugins } from '../../src/plugins/payment/index.js';
import { bluetoothPlugins } from '../../src/plugins/bluetooth/plugins.js';
import { hcePlugins } from '../../src/plugins/hce/plugins.js';
import { albumTimeouts } from '../../src/plugins/media/album.js';
import { VALUE_CODECS } from '../../src/plugins/value-codec.js';
import { setup } from '../helpers/harness.js';
import { chooseImage } from '../../src/device.js';
import { getLocationCity } from '../../src/location.js';
import { pay } from '../../src/payment.js';

afterEach(() => {
  vi.useRealTimers();
});

/** Settle-state of a promise without waiting for it. */
function track(promise: Promise<unknown>): { settled: () => boolean; error: () => Promise<unknown> } {
  let settled = false;
  const caught = promise.then(
    () => ((settled = true), undefined),
    (error: unknown) => ((settled = true), error),
  );
  return { settled: () => settled, error: () => caught };
}

describe('per-plugin timeouts', () => {
  it("keeps the core's list of user-wait plugins equal to the families' own timeouts", () => {
    const families = {
      ...timeoutsOf(
        paymentPlugins,
        pagePlugins,
        devicePlugins,
        locationPlugins,
        appletPlugins,
        bluetoothPlugins(VALUE_CODECS.hex),
        hcePlugins(VALUE_CODECS.hex),
      ),
      ...albumTimeouts,
    };
    expect(Object.keys(families).sort()).toEqual([...USER_WAIT_PLUGINS].sort());
    expect(new Set(Object.values(families))).toEqual(new Set([USER_WAIT_TIMEOUT]));
  });

  it('lets pay wait past the client timeout and times out after 10 minutes', async () => {
    const { sim, client } = setup({}, { timeout: 1000 });
    await client.ready();
    vi.useFakeTimers();
    sim.fault('pay', 'drop');
    const paying = track(pay(client, { tn: 't' }));
    await vi.advanceTimersByTimeAsync(USER_WAIT_TIMEOUT - 1);
    expect(paying.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await paying.error();
    expect(error).toBeInstanceOf(UpsdkTimeoutError);
    expect((error as UpsdkTimeoutError).timeout).toBe(USER_WAIT_TIMEOUT);
  });

  it('gives raw client.call the same default', async () => {
    const { sim, client } = setup({}, { timeout: 1000 });
    await client.ready();
    vi.useFakeTimers();
    sim.fault('scanQRCode', 'drop');
    const scan = track(client.call('scanQRCode', {}));
    await vi.advanceTimersByTimeAsync(5000);
    expect(scan.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(USER_WAIT_TIMEOUT);
    expect(await scan.error()).toBeInstanceOf(UpsdkTimeoutError);
  });

  it('uses the client timeout for plugins that do not wait on the user', async () => {
    const { sim, client } = setup({}, { timeout: 1000 });
    await client.ready();
    vi.useFakeTimers();
    sim.fault('getLocationCity', 'drop');
    const city = track(getLocationCity(client));
    await vi.advanceTimersByTimeAsync(1000);
    expect(((await city.error()) as UpsdkTimeoutError).timeout).toBe(1000);
  });

  it('lets the caller override the default per call', async () => {
    const { sim, client } = setup();
    await client.ready();
    vi.useFakeTimers();
    sim.fault('chooseImage', 'drop');
    const image = track(chooseImage(client, {}, { timeout: 50 }));
    await vi.advanceTimersByTimeAsync(50);
    expect(((await image.error()) as UpsdkTimeoutError).timeout).toBe(50);
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    const { sim, client } = setup();
    sim.fault('pay', 'drop');
    const controller = new AbortController();
    const paying = pay(client, { tn: 't' }, { signal: controller.signal });
    controller.abort(new Error('user left the page'));
    await expect(paying).rejects.toThrow('user left the page');
  });
});
