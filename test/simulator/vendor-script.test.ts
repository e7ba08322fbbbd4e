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

describe('the model of upsdk.js, quirk for quirk', () => {
  it('keeps a config made before deviceready and replays it when the bridge is ready', async () => {
    const config = await validConfig();
    // Fake timers hold deviceready back for as long as the test needs, however loaded the machine is.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      sim = installSimulator({ bridgeDelay: 20 });
      const ready = vi.fn();
      raw().ready!(ready);
      raw().config!(config);
      await vi.advanceTimersByTimeAsync(19);
      expect(sim.configCount).toBe(0);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(ready).toHaveBeenCalledTimes(1);
      expect(sim.configCount).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('calls ready callbacks with no argument', async () => {
    sim = installSimulator();
    const ready = vi.fn();
    raw().ready!(ready);
    raw().config!(await validConfig());
    await eventually(() => expect(ready).toHaveBeenCalledWith());
  });

  it('runs ready at once when any earlier config succeeded, even while a newer one is being verified', async () => {
    sim = installSimulator({ latency: 30 });
    await configure(await validConfig());
    raw().config!(await validConfig({ signature: 'f'.repeat(64) }));
    const ready = vi.fn();
    raw().ready!(ready);
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('never clears the ready queue: every later successful config runs every queued callback again', async () => {
    sim = installSimulator();
    const ready = vi.fn();
    raw().ready!(ready);
    raw().config!(await validConfig());
    await eventually(() => expect(ready).toHaveBeenCalledTimes(1));
    raw().config!(await validConfig());
    await eventually(() => expect(ready).toHaveBeenCalledTimes(2));
  });

  it('runs an error handler at once with the last failure and does not store it', async () => {
    sim = installSimulator();
    raw().config!({}); // fails at once: c00
    const late = vi.fn();
    raw().error!(late);
    expect(late).toHaveBeenCalledWith({ errcode: 'c00', errmsg: 'config: missing appId' });
    raw().config!(await validConfig({ signature: 'f'.repeat(64) }));
    await flush(10);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('publishes the flattened jsApiList on upsdk.jsApiList', async () => {
    sim = installSimulator({ platform: 'android' });
    await configure(await validConfig());
    expect(sim.upsdk.jsApiList).toEqual(expect.arrayContaining(['pay', 'scanQRCode', 'fetchNativeData']));
  });

  it('sends an object made by another realm to native as {}', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    sim = installSimulator();
    raw().pluginReady!(() => undefined);
    const foreign = new (frame.contentWindow as unknown as typeof globalThis).Object() as Record<
      string,
      unknown
    >;
    const fail = vi.fn();
    foreign.tn = 't';
    foreign.fail = fail;
    raw().pay!(foreign);
    frame.remove();
    expect(sim.callsOf('pay')[0]!.native).toEqual({});
    await eventually(() => expect(fail).toHaveBeenCalledWith({ msg: 'TN号不合法 (invalid tn)' }));
  });

  it("reduces pay's c05 to a message", () => {
    sim = installSimulator();
    const fail = vi.fn();
    raw().pay!({ tn: 't', fail });
    expect(fail).toHaveBeenCalledWith({ msg: 'config执行成功以后才能调用插件方法' });
  });

  it.each([
    ['ILLEGAL_ACCESS_EXCEPTION', 'c02'],
    ['INVALID_ACTION', 'c03'],
    ['CLASS_NOT_FOUND_EXCEPTION', 'c04'],
  ] as const)('turns cordova status %s into %s', async (status, code) => {
    sim = installSimulator();
    raw().pluginReady!(() => undefined);
    sim.fault('scanQRCode', { status });
    const fail = vi.fn();
    raw().scanQRCode!({ fail });
    await eventually(() => expect(fail).toHaveBeenCalledWith(expect.objectContaining({ errcode: code })));
  });

  it('turns a bare-string failure into {msg}', async () => {
    sim = installSimulator({ plugins: { scanQRCode: () => ({ fail: 'camera busy' }) } });
    raw().pluginReady!(() => undefined);
    const fail = vi.fn();
    raw().scanQRCode!({ fail });
    await eventually(() => expect(fail).toHaveBeenCalledWith({ msg: 'camera busy' }));
  });

  it("unwraps scanQRCode's {value} and parses chooseImage's JSON string", async () => {
    sim = installSimulator();
    raw().pluginReady!(() => undefined);
    const scanned = vi.fn();
    const chosen = vi.fn();
    raw().scanQRCode!({ success: scanned });
    raw().chooseImage!({ success: chosen });
    await eventually(() => expect(chosen).toHaveBeenCalledTimes(1));
    expect(scanned).toHaveBeenCalledWith(sim.ui.scanResult);
    expect(chosen).toHaveBeenCalledWith(sim.ui.image);
  });
});
