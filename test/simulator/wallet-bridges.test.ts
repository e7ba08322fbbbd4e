/** The simulated wallet bridges themselves: install, ready event, call log, checks, uninstall. */
import { describe, expect, it } from 'vitest';
import { installAlipayBridge, installSimulator, installWeChatBridge } from '../../src/simulator/index.js';
import { detectWallet } from '../../src/wallets.js';

type Invoke = (api: string, params: unknown, callback: (answer: unknown) => void) => void;

describe('simulated wallet bridges', () => {
  it('fire the ready event on the document when the bridge appears', () => {
    const sim = installWeChatBridge({ ready: 'manual' });
    const seen: boolean[] = [];
    const listener = (): void => void seen.push('WeixinJSBridge' in window);
    document.addEventListener('WeixinJSBridgeReady', listener);
    sim.makeReady();
    sim.makeReady();
    document.removeEventListener('WeixinJSBridgeReady', listener);
    sim.uninstall();
    expect(seen).toEqual([true]);
  });

  it('answer missing WeChat fields with fail, naming the field', async () => {
    const sim = installWeChatBridge();
    const answer = await new Promise((resolve) =>
      (window as unknown as { WeixinJSBridge: { invoke: Invoke } }).WeixinJSBridge.invoke(
        'getBrandWCPayRequest',
        { appId: 'wx1' },
        resolve,
      ),
    );
    sim.uninstall();
    expect(answer).toEqual({ err_msg: 'get_brand_wcpay_request:fail', err_desc: 'missing timeStamp' });
  });

  it('log every call with its params and answers', async () => {
    const sim = installAlipayBridge({ outcome: '6001' });
    await new Promise((resolve) =>
      (window as unknown as { AlipayJSBridge: { call: Invoke } }).AlipayJSBridge.call(
        'tradePay',
        { tradeNO: 'T1' },
        resolve,
      ),
    );
    const calls = sim.calls.map((call) => ({ ...call }));
    sim.uninstall();
    expect(calls).toEqual([
      {
        api: 'tradePay',
        params: { tradeNO: 'T1' },
        answers: [{ resultCode: '6001', memo: 'user cancelled (simulated)' }],
      },
    ]);
  });

  it('remove the global on uninstall and give the previous simulated host back', () => {
    const upsdk = installSimulator();
    const alipay = installAlipayBridge();
    expect(detectWallet()).toEqual({ wallet: 'alipay' });
    alipay.uninstall();
    expect(['AlipayJSBridge' in window, detectWallet()]).toEqual([false, { wallet: 'unionpay' }]);
    upsdk.uninstall();
    expect(detectWallet()).toEqual({ wallet: 'none' });
  });
});
