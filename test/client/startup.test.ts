import { describe, expect, it, vi } from 'vitest';
import { createClient, UpsdkConfigError, UpsdkUnavailableError } from '../../src/index.js';
import { createSimulatedSigner } from '../../src/simulator/index.js';
import { flush, setup } from '../helpers/harness.js';

describe('lazy start-up', () => {
  it('does nothing until the first call', async () => {
    const { sim, signer } = setup();
    await flush();
    expect(signer).not.toHaveBeenCalled();
    expect(sim.configCount).toBe(0);
  });

  it('signs and configures once for ten concurrent first calls', async () => {
    const { sim, client, signer } = setup({ latency: 5 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.call('pay', { tn: `tn-${i}` })));
    expect(signer).toHaveBeenCalledTimes(1);
    expect(sim.configCount).toBe(1);
    expect(sim.callsOf('pay')).toHaveLength(10);
  });

  it('loads upsdk.js once for ten concurrent first calls when the page has no global yet', async () => {
    const { sim, client } = setup({ installVia: 'script' });
    await Promise.all(Array.from({ length: 10 }, () => client.call('pay', { tn: 't' })));
    expect(sim.scriptLoads).toBe(1);
    expect(document.querySelectorAll('script[src*="upsdk"]')).toHaveLength(1);
  });

  it('uses a global the page already has instead of loading the script', async () => {
    const { sim, client } = setup({ installVia: 'global' });
    await client.call('pay', { tn: 't' });
    expect(sim.scriptLoads).toBe(0);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('holds calls made before the bridge is ready and runs them afterwards', async () => {
    const { sim, client } = setup({ bridgeDelay: 30 });
    const results = Promise.all([client.call('pay', { tn: 'a' }), client.call('pay', { tn: 'b' })]);
    await flush(10);
    expect(sim.callsOf('pay')).toHaveLength(0);
    await results;
    expect(sim.callsOf('pay').map((call) => call.params.tn)).toEqual(['a', 'b']);
    expect(sim.callsOf('pay').every((call) => !call.dropped)).toBe(true);
  });

  it('records the jsApiList the config returned', async () => {
    const { client } = setup();
    await client.ready();
    expect(client.jsApiList).toContain('pay');
  });

  it('rejects a failed script load with a typed error and retries on a later call', async () => {
    const { sim, client } = setup({ installVia: 'script', scriptLoad: 'error' });
    const failure = await client.call('pay', { tn: 't' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpsdkUnavailableError);
    expect(failure).toMatchObject({ code: 'script_load_failed' });
    expect(document.querySelectorAll('script')).toHaveLength(0);
    sim.setScriptLoad('load');
    await client.call('pay', { tn: 't' });
    expect(sim.scriptLoads).toBe(2);
  });

  it('rejects when the script loads but defines no global', async () => {
    const { client } = setup({ installVia: 'script', scriptLoad: 'no-global' });
    await expect(client.call('pay', { tn: 't' })).rejects.toMatchObject({ code: 'script_load_failed' });
  });

  it('waits for pluginReady without signing in applet mode', async () => {
    const { sim, client, signer } = setup({ bridgeDelay: 10 }, { mode: 'applet' });
    await client.call('pay', { tn: 't' });
    expect(signer).not.toHaveBeenCalled();
    expect(sim.configCount).toBe(0);
    expect(sim.callsOf('pay')).toHaveLength(1);
  });

  it('takes the appId from the signer answer when the client has none', async () => {
    const { sim, client } = setup();
    await client.ready();
    expect(sim.callsOf('config')[0]?.params.appId).toBe('a5949221470c4059b9b0b45a90c81527');
  });

  it('reports a signer that fails as a config error without calling config', async () => {
    const { sim } = setup();
    const client = createClient({ signer: () => Promise.reject(new Error('boom')) });
    await expect(client.ready()).rejects.toBeInstanceOf(UpsdkConfigError);
    expect(sim.configCount).toBe(0);
  });

  it('reports a signer answer without a signature as a config error', async () => {
    setup();
    const client = createClient({ signer: async () => ({ timestamp: 1, nonceStr: 'x' }) as never });
    await expect(client.ready()).rejects.toMatchObject({ code: 'signer_bad_response' });
  });
});

describe('outside the app', () => {
  it('rejects every call at once with UpsdkUnavailableError, touching neither script nor signer', async () => {
    const signer = vi.fn(createSimulatedSigner());
    const fetchSpy = vi.fn<typeof fetch>();
    const client = createClient({ signer, fetch: fetchSpy });
    const started = performance.now();
    const failure = await client.call('pay', { tn: 't' }).catch((error: unknown) => error);
    const elapsed = performance.now() - started;
    expect(failure).toBeInstanceOf(UpsdkUnavailableError);
    expect(elapsed).toBeLessThan(50);
    expect(signer).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('rejects with c102 when the app is older than the supported version', async () => {
    setup({ userAgent: 'Mozilla/5.0 (com.unionpay.chsp) (updebug 0) (version 300)' });
    const client = createClient({ signer: createSimulatedSigner() });
    await expect(client.call('pay', { tn: 't' })).rejects.toMatchObject({ code: 'c102' });
  });

  it('is safe to create without a window (server-side rendering)', async () => {
    const client = createClient({ signer: createSimulatedSigner(), window: undefined as never });
    expect(client.jsApiList).toBeUndefined();
  });
});

describe('options', () => {
  it('requires a signer in h5 mode', () => {
    expect(() => createClient({ mode: 'h5' })).toThrow(/signer/);
  });

  it('rejects a non-positive timeout', () => {
    expect(() => createClient({ signer: '/sign', timeout: 0 })).toThrow(/timeout/);
  });
});
