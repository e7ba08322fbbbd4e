import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpsdkError, UpsdkTimeoutError } from '../../src/index.js';
import type { FailureShape } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('client.call', () => {
  it('resolves with the success payload', async () => {
    const { client } = setup();
    await expect(client.call('pay', { tn: 't' })).resolves.toBeUndefined();
  });

  it('sends the params the caller gave and nothing else but callbacks', async () => {
    const { sim, client } = setup();
    await client.call('pay', { tn: '201906' });
    expect(sim.callsOf('pay')[0]?.params).toEqual({ tn: '201906' });
  });

  it('drops undefined optional fields before the bridge sees them', async () => {
    const { sim, client } = setup();
    await client.call('pay', { tn: 't', extra: undefined } as never);
    expect(Object.keys(sim.callsOf('pay')[0]!.params)).toEqual(['tn']);
  });

  it('never mutates the caller params, even when the bridge mutates what it receives', async () => {
    const { client } = setup({
      plugins: {
        pay: (options) => {
          options.tn = 'mutated by the bridge';
          return { success: undefined };
        },
      },
    });
    const params = Object.freeze({ tn: 'original' });
    await client.call('pay', params);
    expect(params).toEqual({ tn: 'original' });
  });

  it('resolves plugins that never call back right after dispatch', async () => {
    const { sim, client } = setup();
    await expect(client.call('showFlashInfo', { msg: 'hello' })).resolves.toBeUndefined();
    expect(sim.callsOf('showFlashInfo')).toHaveLength(1);
  });

  it('rejects with UpsdkTimeoutError when the bridge never answers', async () => {
    const { sim, client } = setup();
    await client.ready();
    vi.useFakeTimers();
    sim.fault('pay', 'drop');
    const result = client.call('pay', { tn: 't' }, { timeout: 1000 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await result;
    expect(error).toBeInstanceOf(UpsdkTimeoutError);
    expect(error).toMatchObject({ code: 'timeout', plugin: 'pay', timeout: 1000 });
  });

  it('rejects with the signal reason when aborted mid-call', async () => {
    const { sim, client } = setup();
    sim.fault('pay', 'drop');
    const controller = new AbortController();
    const result = client.call('pay', { tn: 't' }, { signal: controller.signal });
    await client.ready();
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects at once with a custom abort reason when the signal is already aborted', async () => {
    const { sim, client } = setup();
    const reason = new Error('user left the page');
    await expect(client.call('pay', { tn: 't' }, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(sim.callsOf('pay')).toHaveLength(0);
  });

  it('rejects while still starting up when aborted, and the start-up goes on for others', async () => {
    const { client } = setup({ bridgeDelay: 20 });
    const controller = new AbortController();
    const aborted = client.call('pay', { tn: 'a' }, { signal: controller.signal });
    const other = client.call('pay', { tn: 'b' });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await expect(other).resolves.toBeUndefined();
  });

  it('settles once when the bridge calls success twice', async () => {
    const { sim, client } = setup({
      plugins: {
        getLocationCity: (() => {
          let n = 0;
          return () => ({ success: `city-${++n}` });
        })(),
      },
    });
    sim.fault('getLocationCity', 'double');
    const first = await client.call('getLocationCity' as never);
    expect(first).toBe('city-1');
  });

  it('settles when the bridge answers synchronously inside the call', async () => {
    const { sim, client } = setup();
    await client.ready();
    sim.fault('pay', 'sync');
    await expect(client.call('pay', { tn: 't' })).resolves.toBeUndefined();
  });

  it('ignores a fail that follows a success', async () => {
    const { client } = setup({
      plugins: {
        pay: (options) => {
          (options.success as (value: unknown) => void)('ok');
          (options.fail as (value: unknown) => void)({ errcode: 'c02' });
          return { silent: true };
        },
      },
    });
    await expect(client.call('pay', { tn: 't' })).resolves.toBe('ok');
  });

  it('maps a cancel callback to an UpsdkError with code cancel', async () => {
    const { sim, client } = setup();
    sim.fault('scanQRCode', 'cancel');
    await expect(client.call('scanQRCode')).rejects.toMatchObject({ code: 'cancel', plugin: 'scanQRCode' });
  });

  it('reports a plugin the bridge does not have as c04', async () => {
    const { client } = setup();
    await expect(client.call('noSuchPlugin' as never)).rejects.toMatchObject({ code: 'c04' });
  });
});

describe('vendor error shapes', () => {
  const cases: Array<[FailureShape, string, string]> = [
    ['errcode', 'c02', 'no permission'],
    ['code', '03', 'file too large'],
    ['string', 'c03', 'c03'],
  ];
  for (const [shape, code, msg] of cases) {
    it(`maps a ${shape}-shaped failure onto code ${code}`, async () => {
      const { sim, client } = setup();
      sim.fault('scanQRCode', { fail: shape, code, msg });
      const error = await client.call('scanQRCode').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpsdkError);
      expect(error).toMatchObject({ code, msg, plugin: 'scanQRCode' });
    });
  }

  it('maps a {msg}-only failure with an unknown text onto code unknown with the message kept', async () => {
    const { sim, client } = setup();
    sim.fault('scanQRCode', { fail: 'msg', msg: '银行拒绝' });
    await expect(client.call('scanQRCode')).rejects.toMatchObject({ code: 'unknown', msg: '银行拒绝' });
  });

  it('maps an empty failure onto code unknown and keeps the raw payload', async () => {
    const { sim, client } = setup();
    sim.fault('scanQRCode', { fail: 'none' });
    const error = (await client.call('scanQRCode').catch((e: unknown) => e)) as UpsdkError;
    expect(error.code).toBe('unknown');
    expect(error.raw).toBeUndefined();
  });

  it('maps a bare sentence onto its message', async () => {
    const { client } = setup({ plugins: { pay: () => ({ fail: 'TN号不合法' }) } });
    await expect(client.call('pay', { tn: 't' })).rejects.toMatchObject({
      code: 'unknown',
      msg: 'TN号不合法',
    });
  });

  it('keeps the raw payload on the error', async () => {
    const raw = { errcode: 'c02', errmsg: 'denied', extra: 1 };
    const { client } = setup({ plugins: { scanQRCode: () => ({ fail: raw }) } });
    await expect(client.call('scanQRCode')).rejects.toMatchObject({ raw });
  });
});

describe('client methods', () => {
  it('work when taken off the client', async () => {
    const { client } = setup();
    const { call, ready } = client;
    await ready();
    await expect(call('pay', { tn: 't' })).resolves.toBeUndefined();
  });
});
