/**
 * payInWallet under each form the documents allow (src/simulator/WIRE-FACTS.md):
 * Alipay's documented result codes 5000 and 99, `pay_info` carrying
 * `tradeNO` or `orderStr`, WeChat's `timeStamp` in seconds (WeChat's JSAPI
 * document) or milliseconds (seed 002's sample), and bridges that throw.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { payInWallet } from '../../src/wallets.js';
import { createPreOrderClient } from '../../src/server/preorder/index.js';
import {
  createFakePreOrderGateway,
  SIMULATED_AGENT_ID,
  SIMULATED_MCH_ID,
  SIMULATED_MCH_KEY,
  type FakePreOrderGatewayOptions,
} from '../../src/simulator/index.js';
import { alipay, rejection, weChat } from './fixtures.js';

const TRADE = { tradeNO: '2026113022001412345678901234' };
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A pre-order client talking in-process to a fake gateway with `options`. */
function provider(options: FakePreOrderGatewayOptions) {
  const gateway = createFakePreOrderGateway(options);
  closers.push(() => gateway.close());
  return createPreOrderClient({
    baseUrl: 'http://gateway.test',
    agentId: SIMULATED_AGENT_ID,
    mchId: SIMULATED_MCH_ID,
    key: SIMULATED_MCH_KEY,
    fetch: gateway.fetch,
  });
}

let serial = 0;
const orderNo = (): string => `F${Date.now()}${++serial}`;

describe('Alipay tradePay result codes', () => {
  it('rejects resultCode 5000 (duplicate request) with pending: the first request may still pay', async () => {
    alipay({ outcome: '5000' });
    const error = await rejection(payInWallet({ alipay: TRADE }));
    expect(error.code).toBe('pending');
    expect(error.msg).toMatch(/^5000 /);
  });

  it('rejects resultCode 99 (left through "forgot password") with cancel', async () => {
    alipay({ outcome: '99' });
    const error = await rejection(payInWallet({ alipay: TRADE }));
    expect(error.code).toBe('cancel');
    expect(error.msg).toMatch(/^99 /);
  });
});

describe('Alipay pay_info from the gateway, in each form', () => {
  for (const form of ['tradeNO', 'orderStr'] as const) {
    it(`pays with a pay_info carrying ${form}, on a bridge that takes only ${form}`, async () => {
      const order = await provider({ alipayPayInfo: form }).alipayPreOrder({
        outTradeNo: orderNo(),
        body: 'Tea',
        totalFee: 800,
        productId: 'tea-001',
        buyerId: '2088822494428872',
      });
      const sim = alipay({ accepts: form });
      await expect(payInWallet({ alipay: order.payInfoText })).resolves.toMatchObject({ wallet: 'alipay' });
      expect(Object.keys(sim.calls[0]!.params)).toEqual([form]);
      expect(sim.calls[0]!.params[form]).toBe(JSON.parse(order.payInfoText)[form]);
    });
  }
});

describe('WeChat timeStamp', () => {
  const cases = [
    ['seconds', /^\d{10}$/],
    ['milliseconds', /^\d{13}$/],
  ] as const;
  for (const [unit, shape] of cases) {
    it(`hands the gateway's timeStamp in ${unit} to the bridge unchanged`, async () => {
      const order = await provider({ weChatTimeStamp: unit }).wechatPreOrder({
        outTradeNo: orderNo(),
        body: 'Coffee',
        totalFee: 1200,
        subAppId: 'wxaee08d155d9de0c5',
        openId: 'oRA5quGvJc1wwwjMW-tnpLLqD-FM',
      });
      const sent = JSON.parse(order.payInfoText) as { timeStamp: string };
      expect(sent.timeStamp).toMatch(shape);
      const sim = weChat();
      await payInWallet({ wechat: order.payInfoText });
      expect(sim.calls[0]!.params.timeStamp).toBe(sent.timeStamp);
    });
  }

  it('sends seconds by default, as the JSAPI document requires', async () => {
    const order = await provider({}).wechatPreOrder({
      outTradeNo: orderNo(),
      body: 'Coffee',
      totalFee: 1200,
      subAppId: 'wxaee08d155d9de0c5',
      openId: 'oRA5quGvJc1wwwjMW-tnpLLqD-FM',
    });
    expect(order.payInfo.timeStamp).toMatch(/^\d{10}$/);
  });
});

describe('bridges that throw', () => {
  /** Errors that escaped to the window (an exception in an event listener lands here). */
  function escaped(): unknown[] {
    const seen: unknown[] = [];
    const listener = (event: ErrorEvent): void => {
      seen.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', listener);
    closers.push(() => window.removeEventListener('error', listener));
    return seen;
  }

  it('rejects with a typed UpsdkError when WeixinJSBridge.invoke throws synchronously', async () => {
    const sim = weChat();
    sim.fault = 'throw';
    const error = await rejection(payInWallet({ wechat: { ...WECHAT_PARAMS } }));
    expect([error.code, error.plugin]).toEqual(['failed', 'getBrandWCPayRequest']);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('settles promptly with a typed error when a late AlipayJSBridge throws in call, leaking nothing', async () => {
    const leaks = escaped();
    const sim = alipay({ ready: 'after', readyDelay: 5 });
    sim.fault = 'throw';
    const started = Date.now();
    const error = await rejection(payInWallet({ alipay: TRADE }, { timeout: 5000 }));
    expect([error.code, error.plugin]).toEqual(['failed', 'tradePay']);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(leaks).toEqual([]);
  });
});

const WECHAT_PARAMS = {
  appId: 'wxaee08d155d9de0c5',
  timeStamp: '1700000000',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx1',
  signType: 'MD5',
  paySign: 'ABC',
} as const;
