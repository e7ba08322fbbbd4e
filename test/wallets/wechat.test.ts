/** payInWallet inside WeChat, against the simulated WeixinJSBridge. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { payInWallet } from '../../src/wallets.js';
import { SEED_WECHAT_PARAMS, SEED_WECHAT_PAY_INFO, rejection, weChat } from './fixtures.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('payInWallet in WeChat', () => {
  it('resolves when the bridge is already there and answers ok', async () => {
    const sim = weChat({ ready: 'before' });
    const paid = await payInWallet({ wechat: SEED_WECHAT_PARAMS });
    expect(paid).toEqual({ wallet: 'wechat', raw: { err_msg: 'get_brand_wcpay_request:ok' } });
    expect(sim.calls.map((call) => call.api)).toEqual(['getBrandWCPayRequest']);
  });

  it('waits for WeixinJSBridgeReady when the bridge comes later', async () => {
    const sim = weChat({ ready: 'manual' });
    const paying = payInWallet({ wechat: SEED_WECHAT_PARAMS });
    await Promise.resolve();
    expect(sim.calls).toHaveLength(0);
    sim.makeReady();
    await expect(paying).resolves.toMatchObject({ wallet: 'wechat' });
    expect(sim.calls).toHaveLength(1);
  });

  it('ignores a ready event that comes without the bridge, and keeps waiting', async () => {
    const sim = weChat({ ready: 'manual' });
    const paying = payInWallet({ wechat: SEED_WECHAT_PARAMS });
    document.dispatchEvent(new Event('WeixinJSBridgeReady'));
    sim.makeReady();
    await expect(paying).resolves.toMatchObject({ wallet: 'wechat' });
  });

  it("passes the provider's pay_info string on as exactly the six fields", async () => {
    const sim = weChat();
    await payInWallet({ wechat: SEED_WECHAT_PAY_INFO });
    expect(sim.calls[0]!.params).toEqual(SEED_WECHAT_PARAMS);
  });

  it('rejects with cancel when the user closes the cashier, keeping the answer', async () => {
    const sim = weChat();
    sim.outcome = 'cancel';
    const error = await rejection(payInWallet({ wechat: SEED_WECHAT_PARAMS }));
    expect({ code: error.code, msg: error.msg, plugin: error.plugin, raw: error.raw }).toEqual({
      code: 'cancel',
      msg: 'get_brand_wcpay_request:cancel',
      plugin: 'getBrandWCPayRequest',
      raw: { err_msg: 'get_brand_wcpay_request:cancel' },
    });
  });

  it('rejects with failed when WeChat answers fail', async () => {
    const sim = weChat();
    sim.outcome = 'fail';
    const error = await rejection(payInWallet({ wechat: SEED_WECHAT_PARAMS }));
    expect([error.code, error.msg]).toEqual(['failed', 'get_brand_wcpay_request:fail']);
  });

  it('rejects bad input with invalid_param before the bridge is called', async () => {
    const sim = weChat();
    const error = await rejection(payInWallet({ wechat: { ...SEED_WECHAT_PARAMS, package: 'wx123' } }));
    expect(error.code).toBe('invalid_param');
    expect(error.msg).toContain('`wechat.package`');
    expect(sim.calls).toHaveLength(0);
  });

  it('rejects a pay_info that is not JSON with invalid_param', async () => {
    weChat();
    const error = await rejection(payInWallet({ wechat: '{appId:' }));
    expect([error.code, error.msg.startsWith('Expected `wechat` to be a JSON object string')]).toEqual([
      'invalid_param',
      true,
    ]);
  });

  it('rejects with unavailable when the bridge never appears within bridgeTimeout', async () => {
    vi.useFakeTimers();
    weChat({ ready: 'manual' });
    const paying = rejection(payInWallet({ wechat: SEED_WECHAT_PARAMS }, { bridgeTimeout: 3000 }));
    await vi.advanceTimersByTimeAsync(3000);
    const error = await paying;
    expect([error.code, error.msg]).toEqual([
      'unavailable',
      'WeixinJSBridge did not become ready within 3000 ms',
    ]);
  });

  it('times out when the bridge never answers', async () => {
    vi.useFakeTimers();
    const sim = weChat();
    sim.fault = 'drop';
    const paying = rejection(payInWallet({ wechat: SEED_WECHAT_PARAMS }, { timeout: 60_000 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await paying).code).toBe('timeout');
  });

  it('settles once when the bridge answers twice', async () => {
    const sim = weChat();
    sim.fault = 'double';
    sim.outcome = 'cancel';
    const error = await rejection(payInWallet({ wechat: SEED_WECHAT_PARAMS }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(error.code).toBe('cancel');
    expect(sim.calls[0]!.answers).toHaveLength(2);
  });

  it("rejects with the signal's reason on abort and ignores the later answer", async () => {
    const sim = weChat({ latency: 20 });
    const controller = new AbortController();
    const paying = payInWallet({ wechat: SEED_WECHAT_PARAMS }, { signal: controller.signal });
    controller.abort(new Error('left the page'));
    await expect(paying).rejects.toThrow('left the page');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sim.calls[0]!.answers).toHaveLength(1);
  });

  it('rejects with unavailable when only another wallet’s input is given', async () => {
    const sim = weChat();
    const error = await rejection(payInWallet({ alipay: { tradeNO: '2026113022001' } }));
    expect([error.code, error.msg]).toEqual(['unavailable', 'no input for wechat (given: alipay)']);
    expect(sim.calls).toHaveLength(0);
  });

  it('rejects with unavailable in a mini-program web-view, which cannot pay from the page', async () => {
    const sim = weChat({ miniProgram: true });
    const error = await rejection(payInWallet({ wechat: SEED_WECHAT_PAY_INFO }));
    expect(error.code).toBe('unavailable');
    expect(error.msg).toContain('wx.requestPayment');
    expect(sim.calls).toHaveLength(0);
  });
});
