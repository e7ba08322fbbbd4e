/**
 * Paying from a WeChat mini-program's web-view: the pay parameters go to a
 * mini-program page through `wx.miniProgram.navigateTo`, the simulated page
 * pays with `wx.requestPayment` and navigates back, and the web-view learns
 * only that it is shown again (`pending`: query the order).
 */
import { describe, expect, it } from 'vitest';
import { payInWallet } from '../../src/wallets.js';
import { rejection, SEED_WECHAT_PARAMS, SEED_WECHAT_PAY_INFO, weChat } from './fixtures.js';

const handOff = { miniProgram: { payPage: '/pages/pay/pay' } } as const;

describe('payInWallet in a mini-program web-view', () => {
  it('hands pay_info to the pay page and rejects pending once the web-view is shown again', async () => {
    const sim = weChat({ miniProgram: true, latency: 5 });
    const error = await rejection(payInWallet({ wechat: SEED_WECHAT_PAY_INFO }, handOff));
    expect([error.code, error.plugin]).toEqual(['pending', 'miniProgram.navigateTo']);
    expect(sim.miniProgramPayments).toEqual([
      { page: '/pages/pay/pay', params: SEED_WECHAT_PARAMS, errMsg: 'requestPayment:ok' },
    ]);
    expect(sim.calls).toEqual([]); // WeixinJSBridge is never asked
  });

  it('ends pending whatever the mini-program page got (the server knows)', async () => {
    const sim = weChat({ miniProgram: true, outcome: 'cancel' });
    expect((await rejection(payInWallet({ wechat: SEED_WECHAT_PAY_INFO }, handOff))).code).toBe('pending');
    expect(sim.miniProgramPayments[0]?.errMsg).toBe('requestPayment:fail cancel');
  });

  it('is unavailable without a payPage, as before', async () => {
    weChat({ miniProgram: true });
    const error = await rejection(payInWallet({ wechat: SEED_WECHAT_PAY_INFO }));
    expect(error.code).toBe('unavailable');
    expect(error.msg).toMatch(/miniProgram: \{payPage\}/);
  });

  it('is unavailable when the page did not load the JS-SDK', async () => {
    const error = await rejection(
      payInWallet(
        { wechat: SEED_WECHAT_PAY_INFO },
        { ...handOff, host: { wallet: 'wechat', miniProgram: true } },
      ),
    );
    expect([error.code, error.plugin]).toEqual(['unavailable', 'miniProgram.navigateTo']);
    expect(error.msg).toMatch(/jweixin/);
  });

  it('fails with a typed error when the mini-program has no such page', async () => {
    weChat({ miniProgram: true });
    const error = await rejection(
      payInWallet({ wechat: SEED_WECHAT_PAY_INFO }, { miniProgram: { payPage: '/pages/missing' } }),
    );
    expect(error.code).toBe('failed');
    expect(error.raw).toEqual({ errMsg: 'navigateTo:fail page "pages/missing" is not found' });
  });

  it('fails with a typed error when navigateTo throws', async () => {
    const sim = weChat({ miniProgram: true });
    sim.fault = 'throw';
    const error = await rejection(payInWallet({ wechat: SEED_WECHAT_PAY_INFO }, handOff));
    expect(error.code).toBe('failed');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('times out when the user never comes back', async () => {
    const sim = weChat({ miniProgram: true });
    sim.fault = 'drop';
    const error = await rejection(payInWallet({ wechat: SEED_WECHAT_PAY_INFO }, { ...handOff, timeout: 20 }));
    expect(error.code).toBe('timeout');
  });

  it('checks the payPage before anything', async () => {
    weChat({ miniProgram: true });
    const error = await rejection(
      payInWallet({ wechat: SEED_WECHAT_PAY_INFO }, { miniProgram: { payPage: 'pay' } }),
    );
    expect(error.code).toBe('invalid_param');
    expect(error.msg).toMatch(/miniProgram\.payPage/);
  });
});
