import { describe, expect, it, vi } from 'vitest';
import {
  createSimulatedSigner,
  installSimulator,
  SIMULATED_FRONT_TOKEN,
  type Simulator,
} from '../../src/simulator/index.js';
import { configSignature, createNonce, unixTimestamp } from '../../src/shared/signature.js';
import { flush } from '../helpers/harness.js';
import { afterEach } from 'vitest';

type Raw = Record<string, (argument?: unknown) => void>;

let sim: Simulator | undefined;
afterEach(() => {
  sim?.uninstall();
  sim = undefined;
});

const eventually = (assertion: () => void): Promise<void> =>
  vi.waitFor(assertion, { timeout: 2000, interval: 2 });

const raw = (): Raw => (window as unknown as { upsdk: Raw }).upsdk;

async function validConfig(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const signature = await createSimulatedSigner()(location.href, {
    retry: false,
    signal: new AbortController().signal,
  });
  return { ...signature, timestamp: String(signature.timestamp), ...overrides };
}

/** Call config and report which of ready/error fired first. */
async function configure(options: Record<string, unknown>): Promise<{ ready: boolean; error: unknown }> {
  const result = { ready: false, error: undefined as unknown, settled: false };
  raw().error!((error: unknown) => Object.assign(result, { error, settled: true }));
  raw().config!(options);
  raw().ready!(() => Object.assign(result, { ready: true, settled: true }));
  await vi.waitFor(() => expect(result.settled).toBe(true), { timeout: 2000, interval: 2 });
  return { ready: result.ready, error: result.error };
}

describe('simulated upsdk lifecycle', () => {
  it('reports an in-app user agent and restores the real one on uninstall', () => {
    const before = navigator.userAgent;
    sim = installSimulator({ platform: 'ios' });
    expect(navigator.userAgent).toContain('(com.unionpay.chsp)');
    expect(navigator.userAgent).toContain('iPhone');
    sim.uninstall();
    sim = undefined;
    expect(navigator.userAgent).toBe(before);
    expect('upsdk' in window).toBe(false);
  });

  it('drops plugin calls silently before the native bridge loads', async () => {
    sim = installSimulator({ bridgeDelay: 50 });
    const success = vi.fn();
    const fail = vi.fn();
    raw().pay!({ tn: 't', success, fail });
    await flush(10);
    expect(success).not.toHaveBeenCalled();
    expect(fail).not.toHaveBeenCalled();
    expect(sim.calls[0]).toMatchObject({ plugin: 'pay', dropped: true });
  });

  it('fails a plugin at once with c05 before config succeeded', async () => {
    sim = installSimulator();
    const fail = vi.fn();
    raw().scanQRCode!({ fail });
    expect(fail).toHaveBeenCalledWith(expect.objectContaining({ errcode: 'c05' }));
  });

  it('accepts a correct signature and fires ready', async () => {
    sim = installSimulator();
    const result = await configure(await validConfig());
    expect(result).toEqual({ ready: true, error: undefined });
  });

  it.each(['appId', 'timestamp', 'nonceStr', 'signature'])(
    'fails config naming a missing %s',
    async (field) => {
      sim = installSimulator();
      const result = await configure(await validConfig({ [field]: undefined }));
      expect(result.ready).toBe(false);
      expect(result.error).toEqual({ errcode: 'c00', errmsg: `config: missing ${field}` });
    },
  );

  it('fails config with c01 on a wrong signature', async () => {
    sim = installSimulator();
    const result = await configure(await validConfig({ signature: 'f'.repeat(64) }));
    expect(result.error).toMatchObject({ errcode: 'c01' });
  });

  it('checks the signature against the frontToken it was given', async () => {
    sim = installSimulator({ frontToken: () => Promise.resolve('OTHER') });
    const appId = 'a';
    const timestamp = unixTimestamp();
    const nonceStr = createNonce();
    const signature = configSignature({
      appId,
      frontToken: 'OTHER',
      nonceStr,
      timestamp,
      url: location.href,
    });
    expect((await configure({ appId, timestamp, nonceStr, signature })).ready).toBe(true);
    expect(SIMULATED_FRONT_TOKEN).not.toBe('OTHER');
  });

  it('fails config when the optional url differs from the page', async () => {
    sim = installSimulator();
    const result = await configure(await validConfig({ url: 'https://elsewhere.example/' }));
    expect(result.error).toMatchObject({ errcode: 'c00' });
  });

  it('deletes debug from the caller object like the real config', async () => {
    sim = installSimulator();
    const options = await validConfig({ debug: true });
    raw().config!(options);
    expect('debug' in options).toBe(false);
  });

  it('keeps only the last error handler', async () => {
    sim = installSimulator();
    const first = vi.fn();
    const second = vi.fn();
    raw().error!(first);
    raw().error!(second);
    raw().config!({});
    await eventually(() => expect(second).toHaveBeenCalledTimes(1));
    expect(first).not.toHaveBeenCalled();
  });

  it('queues every ready callback until config succeeds', async () => {
    sim = installSimulator();
    const callbacks = [vi.fn(), vi.fn(), vi.fn()];
    for (const callback of callbacks) raw().ready!(callback);
    await flush();
    expect(callbacks[0]).not.toHaveBeenCalled();
    raw().config!(await validConfig());
    await eventually(() => {
      for (const callback of callbacks) expect(callback).toHaveBeenCalledTimes(1);
    });
  });

  it('unlocks plugins through pluginReady without a signature', async () => {
    sim = installSimulator({ bridgeDelay: 10 });
    const ready = vi.fn();
    raw().pluginReady!(ready);
    await eventually(() => expect(ready).toHaveBeenCalledTimes(1));
    const success = vi.fn();
    raw().pay!({ tn: 't', success });
    await eventually(() => expect(success).toHaveBeenCalledTimes(1));
  });

  it('logs params without functions, copied at call time', async () => {
    sim = installSimulator();
    const options = { tn: 'x', nested: { a: 1 }, success: () => undefined };
    raw().pay!(options);
    options.nested.a = 2;
    expect(sim.calls[0]!.params).toEqual({ tn: 'x', nested: { a: 1 } });
  });

  it('answers after the configured latency', async () => {
    const options = await validConfig();
    vi.useFakeTimers();
    sim = installSimulator({ latency: 40 });
    raw().config!(options);
    await vi.advanceTimersByTimeAsync(100);
    const success = vi.fn();
    raw().pay!({ tn: 't', success });
    await vi.advanceTimersByTimeAsync(39);
    expect(success).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(success).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('uses an armed fault only for the number of calls asked', async () => {
    sim = installSimulator();
    await configure(await validConfig());
    sim.fault('pay', { fail: 'code', code: '02' }, 1);
    const outcomes: string[] = [];
    raw().pay!({ tn: 't', success: () => outcomes.push('success'), fail: () => outcomes.push('fail') });
    raw().pay!({ tn: 't', success: () => outcomes.push('success'), fail: () => outcomes.push('fail') });
    await eventually(() => expect(outcomes).toEqual(['fail', 'success']));
  });

  it('fires document events with the payload fields on the Event', () => {
    sim = installSimulator();
    const seen = vi.fn();
    document.addEventListener('screenShotAction', seen);
    sim.emit('screenShotAction', { shot: 'yes' });
    document.removeEventListener('screenShotAction', seen);
    expect(seen.mock.calls[0]![0]).toBeInstanceOf(Event);
    expect((seen.mock.calls[0]![0] as Event & { shot: string }).shot).toBe('yes');
  });
});
