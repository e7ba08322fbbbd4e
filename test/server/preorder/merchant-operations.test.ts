/**
 * NATIVE pre-orders, refunds, refund queries and the mini-program login
 * against the fake gateway over real loopback HTTP (seed 002).
 */
import { describe, expect, it } from 'vitest';
import { failure, rig, wechatOrder } from './gateway.js';

let serial = 0;
const orderNo = (): string => `M${Date.now()}${++serial}`;

/** A paid WeChat order of 1200 fen. */
async function paidOrder(notifyUrl = 'http://127.0.0.1:9/notify') {
  const setup = await rig({ notifyUrl }, { notifySchedule: [] });
  const { outTradeNo } = await setup.provider.wechatPreOrder(wechatOrder({ outTradeNo: orderNo() }));
  await setup.gateway.settle(outTradeNo);
  return { ...setup, outTradeNo };
}

describe('NATIVE pre-orders', () => {
  it('answer the code_url to show as a QR code, for WeChat and Alipay', async () => {
    const { provider, gateway } = await rig();
    const wechat = await provider.nativePreOrder({
      wallet: 'wechat',
      outTradeNo: orderNo(),
      body: 'Coffee',
      totalFee: 1200,
      productId: 'coffee-01',
    });
    expect(wechat.codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    expect(gateway.order(wechat.outTradeNo)?.request).toMatchObject({
      trade_type: 'NATIVE',
      product_id: 'coffee-01',
    });
    const alipay = await provider.nativePreOrder({
      wallet: 'alipay',
      outTradeNo: orderNo(),
      body: 'Tea',
      totalFee: 800,
    });
    expect(alipay.codeUrl).toMatch(/^https:\/\/qr\.alipay\.com\//);
    expect(alipay.codeImgUrl).toMatch(/\.png$/);
  });

  it('refuses a WeChat NATIVE pre-order without productId before any request', async () => {
    const { provider, gateway } = await rig();
    const error = await failure(
      provider.nativePreOrder({ wallet: 'wechat', outTradeNo: orderNo(), body: 'Coffee', totalFee: 1200 }),
    );
    expect(error).toMatchObject({ code: 'invalid_param', plugin: 'WECHAT_PreOrder' });
    expect(gateway.requests).toEqual({});
  });

  it('is queried as paid once the buyer scanned and paid', async () => {
    const { provider, gateway } = await rig(
      { notifyUrl: 'http://127.0.0.1:9/notify' },
      { notifySchedule: [] },
    );
    const { outTradeNo } = await provider.nativePreOrder({
      wallet: 'wechat',
      outTradeNo: orderNo(),
      body: 'Coffee',
      totalFee: 1200,
      productId: 'coffee-01',
    });
    await gateway.settle(outTradeNo);
    const status = await provider.queryOrder({ wallet: 'wechat', outTradeNo });
    expect(status.status).toBe('paid');
    expect(status.raw.trade_type).toBe('pay.weixin.native');
  });
});

describe('refunds', () => {
  it('refunds part of a paid order and answers the provider refund number', async () => {
    const { provider, gateway, outTradeNo } = await paidOrder();
    const refund = await provider.refund({
      wallet: 'wechat',
      outTradeNo,
      outRefundNo: `${outTradeNo}-R1`,
      totalFee: 1200,
      refundFee: 200,
    });
    expect(refund).toMatchObject({ outTradeNo, outRefundNo: `${outTradeNo}-R1`, refundFee: 200 });
    expect(refund.refundId).toMatch(/^5000/);
    expect(gateway.refunds).toHaveLength(1);
  });

  it('refunds once per outRefundNo however often it is sent, and retries passing failures', async () => {
    const { provider, gateway, outTradeNo } = await paidOrder();
    const input = {
      wallet: 'wechat',
      outTradeNo,
      outRefundNo: `${outTradeNo}-R1`,
      totalFee: 1200,
      refundFee: 300,
    } as const;
    const first = await provider.refund(input);
    gateway.fault({ status: 503 });
    const again = await provider.refund(input);
    expect(again.refundId).toBe(first.refundId);
    expect(gateway.refunds).toHaveLength(1);
    expect(gateway.requests['/UnifiedPay/Gateway']).toBe(3);
  });

  it('is refused (refund_refused) beyond what is left to refund, and for an unpaid order', async () => {
    const { provider, outTradeNo } = await paidOrder();
    await provider.refund({
      wallet: 'wechat',
      outTradeNo,
      outRefundNo: 'R-a',
      totalFee: 1200,
      refundFee: 1000,
    });
    const beyond = await failure(
      provider.refund({ wallet: 'wechat', outTradeNo, outRefundNo: 'R-b', totalFee: 1200, refundFee: 201 }),
    );
    expect(beyond).toMatchObject({ code: 'refund_refused', providerCode: '20008', retryable: false });
    const unpaid = await provider.wechatPreOrder(wechatOrder({ outTradeNo: orderNo() }));
    const error = await failure(
      provider.refund({
        wallet: 'wechat',
        outTradeNo: unpaid.outTradeNo,
        outRefundNo: 'R-c',
        totalFee: 1200,
        refundFee: 1,
      }),
    );
    expect(error.code).toBe('refund_refused');
  });

  it('checks the amounts before any request', async () => {
    const { provider, gateway } = await rig();
    const error = await failure(
      provider.refund({
        wallet: 'wechat',
        outTradeNo: 'O12345',
        outRefundNo: 'R-1',
        totalFee: 100,
        refundFee: 101,
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_param', plugin: 'refund' });
    expect(error.msg).toMatch(/refundFee/);
    expect(gateway.requests).toEqual({});
  });
});

describe('refund query', () => {
  it("lists the order's refunds with typed statuses", async () => {
    const { provider, gateway, outTradeNo } = await paidOrder();
    await provider.refund({
      wallet: 'wechat',
      outTradeNo,
      outRefundNo: 'Q-1',
      totalFee: 1200,
      refundFee: 100,
    });
    const second = await provider.refund({
      wallet: 'wechat',
      outTradeNo,
      outRefundNo: 'Q-2',
      totalFee: 1200,
      refundFee: 50,
    });
    gateway.setRefundStatus('Q-2', 'NOTSURE');
    const query = await provider.queryRefund({ wallet: 'wechat', refundId: second.refundId });
    expect(query.outTradeNo).toBe(outTradeNo);
    expect(query.refunds.map((r) => [r.outRefundNo, r.status, r.baseRefundFee])).toEqual([
      ['Q-1', 'success', 100],
      ['Q-2', 'not_sure', 50],
    ]);
    expect([query.baseRefundFeeSummary, query.refundFeeSummary]).toEqual([150, 100]);
  });

  it('answers not_found for a refund the provider does not know', async () => {
    const { provider } = await rig();
    const error = await failure(provider.queryRefund({ wallet: 'alipay', outRefundNo: 'NOPE-1' }));
    expect(error.code).toBe('not_found');
  });
});

describe('mini-program login (WXA_Code2Session)', () => {
  it("turns wx.login()'s code into the openid a mini-program pre-order needs", async () => {
    const { provider, gateway } = await rig();
    const appId = 'wx4da448cd29920000';
    const issued = gateway.issueJsCode(appId);
    const session = await provider.code2Session({ appId, jsCode: issued.jsCode });
    expect(session.openId).toBe(issued.openId);
    expect(session.expiresIn).toBe(7200);
    expect(session.sessionKey).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const order = await provider.wechatPreOrder(
      wechatOrder({ outTradeNo: orderNo(), subAppId: appId, openId: session.openId, miniProgram: true }),
    );
    expect(gateway.order(order.outTradeNo)?.request).toMatchObject({
      is_minipg: '1',
      buyer_id: issued.openId,
    });
  });

  it('refuses a code used twice', async () => {
    const { provider, gateway } = await rig();
    const { jsCode } = gateway.issueJsCode('wx4da448cd29920000');
    await provider.code2Session({ appId: 'wx4da448cd29920000', jsCode });
    const error = await failure(provider.code2Session({ appId: 'wx4da448cd29920000', jsCode }));
    expect(error.code).toBe('provider_invalid_param');
  });
});
