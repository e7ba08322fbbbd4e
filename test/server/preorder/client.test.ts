/** The pre-order client over real loopback HTTP against the fake provider gateway. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIMULATED_WECHAT_PAY_KEY } from '../../../src/simulator/index.js';
import { alipayOrder, failure, rig, wechatOrder } from './gateway.js';

describe('WeChat pre-order', () => {
  it('answers pay_info parsed into the six getBrandWCPayRequest fields', async () => {
    const { provider } = await rig();
    const order = await provider.wechatPreOrder(wechatOrder({ outTradeNo: 'W000000001' }));
    expect(order.outTradeNo).toBe('W000000001');
    expect(Object.keys(order.payInfo).sort()).toEqual(
      ['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp'].sort(),
    );
    expect(order.payInfo.appId).toBe('wxaee08d155d9de0c5');
    expect(JSON.parse(order.payInfoText)).toMatchObject({ status: '0', callback_url: '' });
  });

  it("answers a paySign that follows WeChat's rule", async () => {
    const { provider } = await rig();
    const { payInfo: p } = await provider.wechatPreOrder(wechatOrder());
    const text = `appId=${p.appId}&nonceStr=${p.nonceStr}&package=${p.package}&signType=MD5&timeStamp=${p.timeStamp}&key=${SIMULATED_WECHAT_PAY_KEY}`;
    expect(p.paySign).toBe(createHash('md5').update(text).digest('hex').toUpperCase());
  });

  it('sends the JSPAY fields the gateway needs', async () => {
    const { provider, gateway } = await rig({ notifyUrl: 'http://127.0.0.1:9/notify' });
    await provider.wechatPreOrder(
      wechatOrder({ outTradeNo: 'W000000002', miniProgram: true, noCredit: true }),
    );
    expect(gateway.order('W000000002')?.request).toMatchObject({
      trade_type: 'JSPAY',
      is_minipg: '1',
      limit_pay: 'NO_CREDIT',
      total_fee: '1200',
      notify_url: 'http://127.0.0.1:9/notify',
      pid: 'upsdk-kit',
      version: '1.0',
    });
  });

  it('sends times as yyyyMMddHHmmss in Beijing time', async () => {
    const { provider, gateway } = await rig();
    const timeStart = new Date('2026-11-30T16:05:09Z');
    const timeExpire = new Date('2026-11-30T16:20:09Z');
    await provider.wechatPreOrder(wechatOrder({ outTradeNo: 'W000000003', timeStart, timeExpire }));
    expect(gateway.order('W000000003')?.request).toMatchObject({
      time_start: '20261201000509',
      time_expire: '20261201002009',
    });
  });
});

describe('Alipay pre-order', () => {
  it('answers pay_info parsed as {tradeNO} and the reference pay_url', async () => {
    const { provider } = await rig();
    const order = await provider.alipayPreOrder(alipayOrder());
    expect(order.payInfo).toEqual({ tradeNO: expect.stringMatching(/^2026\d+$/) });
    expect(order.payUrl).toMatch(/^https:\/\//);
  });

  it('rejects an order without buyerId or buyerLogonId before any request', async () => {
    const { provider, gateway } = await rig();
    const error = await failure(provider.alipayPreOrder(alipayOrder({ buyerId: undefined })));
    expect([error.code, error.msg]).toEqual([
      'invalid_param',
      'Expected `buyerId` to be a non-empty string (or give buyerLogonId), got undefined',
    ]);
    expect(gateway.requests).toEqual({});
  });

  it('rejects timeStart without timeExpire', async () => {
    const { provider } = await rig();
    const error = await failure(provider.alipayPreOrder(alipayOrder({ timeStart: new Date() })));
    expect(error.code).toBe('invalid_param');
  });
});

describe('pre-order validation', () => {
  const BAD: readonly [string, Record<string, unknown>, string][] = [
    ['a fractional amount', { totalFee: 12.5 }, '`totalFee`'],
    ['a zero amount', { totalFee: 0 }, '`totalFee`'],
    ['an amount as a string', { totalFee: '1200' }, '`totalFee`'],
    ['a short order number', { outTradeNo: 'ab' }, '`outTradeNo`'],
    ['a notify URL with a query', { notifyUrl: 'https://shop.example/notify?id=1' }, '`notifyUrl`'],
    ['a missing openId', { openId: '' }, '`openId`'],
  ];
  for (const [what, extra, field] of BAD) {
    it(`rejects ${what} with invalid_param before any request`, async () => {
      const { provider, gateway } = await rig();
      const error = await failure(provider.wechatPreOrder(wechatOrder(extra as never)));
      expect([error.code, error.msg.includes(field)]).toEqual(['invalid_param', true]);
      expect(gateway.requests).toEqual({});
    });
  }
});

describe('provider refusals and transport failures', () => {
  it('a wrong key is refused as signature_rejected (20002)', async () => {
    const { provider } = await rig({ key: 'not-the-key' });
    const error = await failure(provider.wechatPreOrder(wechatOrder()));
    expect([error.code, error.providerCode, error.state]).toEqual(['signature_rejected', '20002', 'FAIL']);
  });

  it('an unknown merchant is refused as merchant_error (20005)', async () => {
    const { provider } = await rig({ mchId: '99999999' });
    expect((await failure(provider.wechatPreOrder(wechatOrder()))).code).toBe('merchant_error');
  });

  it('an answer whose sign does not verify is bad_signature', async () => {
    const { provider, gateway } = await rig();
    gateway.fault({ badSign: true });
    expect((await failure(provider.wechatPreOrder(wechatOrder()))).code).toBe('bad_signature');
  });

  it('a pre-order answered HTTP 500 fails once, not retried', async () => {
    const { provider, gateway } = await rig();
    gateway.fault({ status: 500 }, 3);
    const error = await failure(provider.wechatPreOrder(wechatOrder()));
    expect([error.code, error.retryable]).toEqual(['upstream_http_500', true]);
    expect(gateway.requests['/Open/WECHAT_PreOrder']).toBe(1);
  });

  it('a slow provider times out as upstream_timeout', async () => {
    const { provider, gateway } = await rig({ timeout: 50 });
    gateway.fault({ delay: 2000 });
    expect((await failure(provider.wechatPreOrder(wechatOrder()))).code).toBe('upstream_timeout');
  });

  it('an aborted call rejects with the signal’s reason', async () => {
    const { provider } = await rig();
    const reason = new Error('client went away');
    await expect(provider.wechatPreOrder(wechatOrder(), { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
  });
});

describe('order query', () => {
  it('tells an order not paid yet as unpaid', async () => {
    const { provider } = await rig();
    const { outTradeNo } = await provider.wechatPreOrder(wechatOrder());
    const status = await provider.queryOrder({ wallet: 'wechat', outTradeNo });
    expect(status.status).toBe('unpaid');
  });

  it('tells a paid order as paid, with the amount in fen', async () => {
    const { provider, gateway } = await rig({}, { notifySchedule: [] });
    const { outTradeNo } = await provider.alipayPreOrder(alipayOrder({ notifyUrl: 'http://127.0.0.1:9/n' }));
    await gateway.settle(outTradeNo);
    const status = await provider.queryOrder({ wallet: 'alipay', outTradeNo });
    expect({ status: status.status, totalFee: status.totalFee, outTradeNo: status.outTradeNo }).toEqual({
      status: 'paid',
      totalFee: 800,
      outTradeNo,
    });
  });

  it('tells a failed payment as failed', async () => {
    const { provider, gateway } = await rig({}, { notifySchedule: [] });
    const { outTradeNo } = await provider.wechatPreOrder(wechatOrder({ notifyUrl: 'http://127.0.0.1:9/n' }));
    await gateway.settle(outTradeNo, 'failed');
    expect((await provider.queryOrder({ wallet: 'wechat', outTradeNo })).status).toBe('failed');
  });

  it('rejects an unknown order with not_found', async () => {
    const { provider } = await rig();
    const error = await failure(provider.queryOrder({ wallet: 'wechat', outTradeNo: 'NOSUCHORDER' }));
    expect([error.code, error.providerCode]).toEqual(['not_found', '20007']);
  });

  it('retries a passing failure and answers', async () => {
    const { provider, gateway } = await rig();
    const { outTradeNo } = await provider.wechatPreOrder(wechatOrder());
    gateway.fault({ status: 503 });
    expect((await provider.queryOrder({ wallet: 'wechat', outTradeNo })).status).toBe('unpaid');
    expect(gateway.requests['/UnifiedPay/Gateway']).toBe(2);
  });

  it('gives up after queryAttempts on an unparseable answer', async () => {
    const { provider, gateway } = await rig({ queryAttempts: 2 });
    gateway.fault({ garbage: true }, 2);
    const error = await failure(provider.queryOrder({ wallet: 'wechat', outTradeNo: 'W000000009' }));
    expect(error.code).toBe('upstream_bad_reply');
    expect(gateway.requests['/UnifiedPay/Gateway']).toBe(2);
  });

  it('needs outTradeNo or transactionId', async () => {
    const { provider } = await rig();
    expect((await failure(provider.queryOrder({ wallet: 'wechat' }))).code).toBe('invalid_param');
  });
});
