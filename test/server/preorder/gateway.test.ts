/** The fake provider gateway's own behaviour: repeats, refusals, and the notifier's retries and give-up. */
import { describe, expect, it } from 'vitest';
import { signPreOrderParams } from '../../../src/server/preorder/index.js';
import { SIMULATED_AGENT_ID, SIMULATED_MCH_ID, SIMULATED_MCH_KEY } from '../../../src/simulator/index.js';
import { rig, served, wechatOrder } from './gateway.js';

/** POST signed fields straight to the gateway, as a client of another language would. */
async function raw(
  url: string,
  path: string,
  fields: Record<string, string>,
): Promise<Record<string, string>> {
  const all = {
    agent_id: SIMULATED_AGENT_ID,
    mch_id: SIMULATED_MCH_ID,
    version: '1.0',
    pid: 'test',
    ...fields,
  };
  const body = new URLSearchParams({ ...all, sign: signPreOrderParams(all, SIMULATED_MCH_KEY) });
  return (await (await fetch(url + path, { method: 'POST', body })).json()) as Record<string, string>;
}

describe('fake pre-order gateway', () => {
  it('answers a repeated pre-order with the same pay_info', async () => {
    const { provider } = await rig();
    const order = wechatOrder();
    const first = await provider.wechatPreOrder(order);
    const again = await provider.wechatPreOrder(order);
    expect(again.payInfoText).toBe(first.payInfoText);
  });

  it('refuses an order number reused with another amount (20004)', async () => {
    const { provider } = await rig();
    const order = wechatOrder();
    await provider.wechatPreOrder(order);
    const error = await provider.wechatPreOrder({ ...order, totalFee: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'provider_invalid_param', providerCode: '20004' });
  });

  it('refuses another trade_type than JSPAY', async () => {
    const { url } = await rig();
    const answer = await raw(url, '/Open/WECHAT_PreOrder', {
      out_trade_no: 'N0000001',
      body: 'x',
      total_fee: '1',
      trade_type: 'NATIVE',
    });
    expect(answer).toMatchObject({ state: 'FAIL', code: '20004' });
  });

  it('refuses a request for another agent (20012)', async () => {
    const { url } = await rig();
    expect(await raw(url, '/UnifiedPay/Gateway', { agent_id: '1', method: 'orderquery' })).toMatchObject({
      code: '20012',
    });
  });

  it('stops notifying after the schedule when the merchant never answers success', async () => {
    const shop = await served(async () => new Response('fail'));
    const { provider, gateway } = await rig({}, { notifySchedule: [0, 5, 5] });
    const { outTradeNo } = await provider.wechatPreOrder(wechatOrder({ notifyUrl: `${shop.url}/n` }));
    expect(await gateway.settle(outTradeNo)).toEqual({ delivered: false, attempts: 3 });
    expect(gateway.notifications.map((attempt) => attempt.answer)).toEqual(['fail', 'fail', 'fail']);
  });

  it('counts an answer slower than answerTimeout as a failure', async () => {
    let release = (): void => undefined;
    const shop = await served(
      () => new Promise<Response>((resolve) => (release = () => resolve(new Response('success')))),
    );
    const { provider, gateway } = await rig({}, { notifySchedule: [0], answerTimeout: 50 });
    const { outTradeNo } = await provider.wechatPreOrder(wechatOrder({ notifyUrl: `${shop.url}/n` }));
    const delivery = await gateway.settle(outTradeNo);
    release();
    expect([delivery.delivered, gateway.notifications[0]?.answer]).toEqual([false, undefined]);
  });

  it('sends no further attempt once closed', async () => {
    const shop = await served(async () => new Response('fail'));
    const { provider, gateway } = await rig({}, { notifySchedule: [0, 60_000] });
    const { outTradeNo } = await provider.wechatPreOrder(wechatOrder({ notifyUrl: `${shop.url}/n` }));
    const delivering = gateway.settle(outTradeNo);
    await expect.poll(() => gateway.notifications.length).toBe(1);
    gateway.close();
    expect(await delivering).toEqual({ delivered: false, attempts: 1 });
  });
});
