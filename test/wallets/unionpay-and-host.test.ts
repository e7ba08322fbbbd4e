/** payInWallet inside UnionPay (through the core's pay, on the upsdk simulator), outside any wallet, and detectWallet. */
import { describe, expect, it } from 'vitest';
import { detectWallet, payInWallet } from '../../src/wallets.js';
import { ALIPAY_USER_AGENT, simulatedUserAgent, weChatUserAgent } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';
import { SEED_WECHAT_PAY_INFO, rejection } from './fixtures.js';

const TN = { tn: '201906181234567890' };

describe('payInWallet in UnionPay', () => {
  it('resolves when the cashier reports paid, calling pay with the tn', async () => {
    const { sim, client } = setup();
    await expect(payInWallet({ unionpay: TN }, { client })).resolves.toEqual({
      wallet: 'unionpay',
      raw: undefined,
    });
    expect(sim.calls.filter((call) => call.plugin === 'pay').map((call) => call.params)).toEqual([
      expect.objectContaining(TN),
    ]);
  });

  it('rejects a user cancel with cancel, keeping the vendor message', async () => {
    const { sim, client } = setup();
    sim.ui.payOutcome = 'cancel';
    const error = await rejection(payInWallet({ unionpay: TN }, { client }));
    expect({ code: error.code, plugin: error.plugin }).toEqual({ code: 'cancel', plugin: 'pay' });
    expect(error.msg).toContain('用户取消支付');
  });

  it('rejects a failed payment with failed', async () => {
    const { sim, client } = setup();
    sim.ui.payOutcome = 'fail';
    const error = await rejection(payInWallet({ unionpay: TN }, { client }));
    expect(error.code).toBe('failed');
    expect(error.raw).toEqual({ msg: '支付失败 (simulated payment failure)' });
  });

  it('passes the core timeout through as timeout', async () => {
    const { sim, client } = setup();
    sim.fault('pay', 'drop');
    const error = await rejection(payInWallet({ unionpay: TN }, { client, timeout: 30 }));
    expect(error.code).toBe('timeout');
  });

  it('rejects with invalid_param when no client is given', async () => {
    setup();
    const error = await rejection(payInWallet({ unionpay: TN }));
    expect([error.code, error.msg.startsWith('Expected `client`')]).toEqual(['invalid_param', true]);
  });

  it('rejects with unavailable when only a WeChat input is given', async () => {
    const { sim, client } = setup();
    const error = await rejection(payInWallet({ wechat: SEED_WECHAT_PAY_INFO }, { client }));
    expect([error.code, error.msg]).toEqual(['unavailable', 'no input for unionpay (given: wechat)']);
    expect(sim.calls.filter((call) => call.plugin === 'pay')).toHaveLength(0);
  });
});

describe('payInWallet outside any wallet', () => {
  it('rejects with unavailable', async () => {
    const error = await rejection(payInWallet({ unionpay: TN, wechat: SEED_WECHAT_PAY_INFO }));
    expect([error.code, error.msg]).toEqual(['unavailable', 'not inside the UnionPay, WeChat or Alipay app']);
  });

  it('rejects an empty input with invalid_param', async () => {
    expect((await rejection(payInWallet({}))).code).toBe('invalid_param');
  });

  it('rejects a non-positive timeout with invalid_param', async () => {
    expect((await rejection(payInWallet({ unionpay: TN }, { timeout: 0 }))).code).toBe('invalid_param');
  });
});

describe('detectWallet', () => {
  it('finds UnionPay by its app markers', () => {
    expect(detectWallet(simulatedUserAgent('ios'))).toEqual({ wallet: 'unionpay' });
  });

  it('finds plain WeChat H5', () => {
    expect(detectWallet(weChatUserAgent())).toEqual({ wallet: 'wechat', miniProgram: false });
  });

  it('finds a WeChat mini-program web-view by the user agent', () => {
    expect(detectWallet(weChatUserAgent(true))).toEqual({ wallet: 'wechat', miniProgram: true });
  });

  it('finds a WeChat mini-program web-view by __wxjs_environment', () => {
    const source = { navigator: { userAgent: weChatUserAgent() }, __wxjs_environment: 'miniprogram' };
    expect(detectWallet(source)).toEqual({ wallet: 'wechat', miniProgram: true });
  });

  it('finds Alipay', () => {
    expect(detectWallet(ALIPAY_USER_AGENT)).toEqual({ wallet: 'alipay' });
  });

  it('answers none for a desktop browser', () => {
    expect(detectWallet('Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36')).toEqual({
      wallet: 'none',
    });
  });

  it("reads the window's user agent by default", () => {
    setup();
    expect(detectWallet()).toEqual({ wallet: 'unionpay' });
  });
});
