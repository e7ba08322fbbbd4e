/** payInWallet inside Alipay, against the simulated AlipayJSBridge. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { payInWallet } from '../../src/wallets.js';
import type { AlipayOutcome } from '../../src/simulator/index.js';
import { alipay, rejection } from './fixtures.js';

afterEach(() => {
  vi.useRealTimers();
});

const TRADE = { tradeNO: '2026113022001412345678901234' };

describe('payInWallet in Alipay', () => {
  it('resolves on resultCode 9000 when the bridge is already there', async () => {
    const sim = alipay({ ready: 'before' });
    const paid = await payInWallet({ alipay: TRADE });
    expect(paid).toEqual({ wallet: 'alipay', raw: { resultCode: '9000', memo: '' } });
    expect(sim.calls[0]).toMatchObject({ api: 'tradePay', params: TRADE });
  });

  it('waits for AlipayJSBridgeReady when the bridge comes later', async () => {
    const sim = alipay({ ready: 'after', readyDelay: 10 });
    const paying = payInWallet({ alipay: TRADE });
    expect(sim.ready).toBe(false);
    await expect(paying).resolves.toMatchObject({ wallet: 'alipay' });
    expect(sim.calls).toHaveLength(1);
  });

  it("reads the provider's pay_info string", async () => {
    const sim = alipay();
    await payInWallet({ alipay: JSON.stringify(TRADE) });
    expect(sim.calls[0]!.params).toEqual(TRADE);
  });

  it('passes an orderStr on', async () => {
    const sim = alipay();
    await payInWallet({ alipay: { orderStr: 'app_id=2015&biz_content=%7B%7D&sign=abc' } });
    expect(sim.calls[0]!.params).toEqual({ orderStr: 'app_id=2015&biz_content=%7B%7D&sign=abc' });
  });

  const FAILURES: readonly [AlipayOutcome, string][] = [
    ['8000', 'pending'],
    ['6004', 'pending'],
    ['4000', 'failed'],
    ['6001', 'cancel'],
    ['6002', 'network'],
  ];
  for (const [resultCode, code] of FAILURES) {
    it(`rejects resultCode ${resultCode} with ${code}, keeping the code and memo`, async () => {
      const sim = alipay();
      sim.outcome = resultCode;
      const error = await rejection(payInWallet({ alipay: TRADE }));
      expect({ code: error.code, plugin: error.plugin, raw: error.raw }).toEqual({
        code,
        plugin: 'tradePay',
        raw: sim.calls[0]!.answers[0],
      });
      expect(error.msg.startsWith(`${resultCode} `)).toBe(true);
    });
  }

  it('reads a numeric resultCode as its string', async () => {
    alipay({ numericResultCode: true, outcome: '6001' });
    expect((await rejection(payInWallet({ alipay: TRADE }))).code).toBe('cancel');
  });

  it('rejects an unknown resultCode with failed', async () => {
    alipay({ outcome: '7777' });
    const error = await rejection(payInWallet({ alipay: TRADE }));
    expect([error.code, error.msg]).toEqual(['failed', '7777 unexpected resultCode "7777"']);
  });

  it('rejects input with both tradeNO and orderStr before the bridge', async () => {
    const sim = alipay();
    const input = { alipay: { tradeNO: 'a', orderStr: 'b' } as unknown as typeof TRADE };
    expect((await rejection(payInWallet(input))).code).toBe('invalid_param');
    expect(sim.calls).toHaveLength(0);
  });

  it('times out when the bridge never answers', async () => {
    vi.useFakeTimers();
    const sim = alipay();
    sim.fault = 'drop';
    const paying = rejection(payInWallet({ alipay: TRADE }, { timeout: 1000 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect((await paying).code).toBe('timeout');
  });

  it('rejects at once when the signal is already aborted, without calling the bridge', async () => {
    const sim = alipay();
    await expect(payInWallet({ alipay: TRADE }, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(sim.calls).toHaveLength(0);
  });

  it('rejects with unavailable when only another wallet’s input is given', async () => {
    const sim = alipay();
    const error = await rejection(payInWallet({ unionpay: { tn: '201906181234567890' } }));
    expect([error.code, error.msg]).toEqual(['unavailable', 'no input for alipay (given: unionpay)']);
    expect(sim.calls).toHaveLength(0);
  });

  it('checks every given input, not only the host’s, before choosing the wallet', async () => {
    alipay();
    const error = await rejection(payInWallet({ alipay: TRADE, wechat: '{}' }));
    expect([error.code, error.msg]).toEqual([
      'invalid_param',
      'Expected `wechat.appId` to be a non-empty string, got undefined',
    ]);
  });
});
