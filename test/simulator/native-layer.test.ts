/**
 * The fake native layer on its own (`vendorScript: 'real'`), as the vendor's
 * real upsdk.js would meet it: `window.cordova`, `deviceready`, and
 * `cordova.exec(success, fail, service, action, [params])`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSimulatedSigner,
  installSimulator,
  type FakeCordova,
  type Simulator,
} from '../../src/simulator/index.js';

let sim: Simulator | undefined;
afterEach(() => {
  sim?.uninstall();
  sim = undefined;
});

const cordova = (): FakeCordova => (window as unknown as { cordova: FakeCordova }).cordova;

/** One exec, settled with whichever callback native called. */
function exec(service: string, action: string, params: object = {}) {
  return new Promise<{ ok: boolean; payload: unknown; status: number | undefined }>((resolve) =>
    cordova().exec(
      (payload) => resolve({ ok: true, payload, status: undefined }),
      (payload) => resolve({ ok: false, payload, status: cordova().errorRetStatus }),
      service,
      action,
      [params],
    ),
  );
}

describe('fake native layer under the real upsdk.js', () => {
  it('installs window.cordova and no upsdk, and removes cordova on uninstall', () => {
    sim = installSimulator({ vendorScript: 'real' });
    expect(typeof cordova().exec).toBe('function');
    expect('upsdk' in window).toBe(false);
    sim.uninstall();
    sim = undefined;
    expect('cordova' in window).toBe(false);
  });

  it('fires deviceready, also for a listener added afterwards as cordova does', async () => {
    sim = installSimulator({ vendorScript: 'real' });
    const heard = vi.fn();
    document.addEventListener('deviceready', heard);
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(1));
    document.removeEventListener('deviceready', heard);
  });

  it('verifies UPWebSdk.config and answers Android with a JSON string of jsApiList', async () => {
    sim = installSimulator({ vendorScript: 'real', platform: 'android' });
    const signature = await createSimulatedSigner()(location.href, {
      retry: false,
      signal: new AbortController().signal,
    });
    const answer = await exec('UPWebSdk', 'config', { ...signature, timestamp: String(signature.timestamp) });
    expect(answer.ok).toBe(true);
    const parsed = JSON.parse(answer.payload as string) as { params: { jsApiList: unknown[] } };
    expect(parsed.params.jsApiList).toContainEqual({
      plugin: 'UPWebPay',
      actions: expect.arrayContaining(['pay']),
    });
    expect(sim.acceptedUrl).toBe('http://localhost:3000/');
  });

  it('answers a plugin by service and action and logs what native received', async () => {
    sim = installSimulator({ vendorScript: 'real' });
    await expect(exec('UPWebUI', 'scanQRCode')).resolves.toMatchObject({
      ok: true,
      payload: { value: sim.ui.scanResult },
    });
    expect(sim.calls).toEqual([{ plugin: 'scanQRCode', params: {}, dropped: false, native: {} }]);
  });

  it('routes UPWalletPlugin.fetchNativeData by type: 0 city, 1 GPS', async () => {
    sim = installSimulator({ vendorScript: 'real', platform: 'ios' });
    await expect(exec('UPWalletPlugin', 'fetchNativeData', { type: '0' })).resolves.toMatchObject({
      payload: { cityCd: sim.ui.city },
    });
    await expect(exec('UPWalletPlugin', 'fetchNativeData', { type: '1' })).resolves.toMatchObject({
      payload: { latitude: String(sim.ui.position.latitude) },
    });
  });

  it('reports an unknown service as CLASS_NOT_FOUND_EXCEPTION and an unknown action as INVALID_ACTION', async () => {
    sim = installSimulator({ vendorScript: 'real' });
    const { callbackStatus } = cordova();
    await expect(exec('UPNoSuchPlugin', 'x')).resolves.toMatchObject({
      ok: false,
      status: callbackStatus.CLASS_NOT_FOUND_EXCEPTION,
    });
    await expect(exec('UPWebPay', 'refund')).resolves.toMatchObject({
      ok: false,
      status: callbackStatus.INVALID_ACTION,
    });
    expect(cordova().errorRetStatus).toBeUndefined();
  });

  it('fires listener events with the payload fields copied onto the Event', () => {
    sim = installSimulator({ vendorScript: 'real' });
    const seen = vi.fn();
    document.addEventListener('BLEConnectionStateChange', seen);
    cordova().fireDocumentEvent('BLEConnectionStateChange', { deviceId: 'D', connected: 'yes' });
    document.removeEventListener('BLEConnectionStateChange', seen);
    expect(seen.mock.calls[0]![0]).toBeInstanceOf(Event);
    expect(seen.mock.calls[0]![0]).toMatchObject({ deviceId: 'D', connected: 'yes' });
  });
});
