/**
 * The notification handler behind real loopback HTTP, fed by the fake
 * gateway's notifier: verified, typed, answered `success`, and handled once
 * however often the provider repeats it — in memory and on a real Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore, type SignerStore } from '../../../src/server/index.js';
import {
  createPreOrderNotificationHandler,
  signPreOrderParams,
  type PaymentNotification,
  type PreOrderNotificationOptions,
} from '../../../src/server/preorder/index.js';
import { SIMULATED_MCH_KEY } from '../../../src/simulator/index.js';
import { startRedis, type RedisServer } from '../helpers/redis.js';
import { alipayOrder, rig, served, wechatOrder } from './gateway.js';

interface Merchant {
  readonly url: string;
  readonly events: PaymentNotification[];
}

/** The merchant's notify endpoint on a loopback port, recording every event it handles. */
async function merchant(extra: Partial<PreOrderNotificationOptions> = {}): Promise<Merchant> {
  const events: PaymentNotification[] = [];
  const handler = createPreOrderNotificationHandler({
    key: SIMULATED_MCH_KEY,
    onNotification: (event) => void events.push(event),
    ...extra,
  });
  const { url } = await served(handler);
  return { url: `${url}/pay/notify`, events };
}

/** A notification form as the provider sends it, signed with `key`. */
function form(fields: Record<string, string>, key = SIMULATED_MCH_KEY): URLSearchParams {
  return new URLSearchParams({ ...fields, sign: signPreOrderParams(fields, key) });
}

/** Now as the provider writes `time_end`: yyyyMMddHHmmss, GMT+8. */
const beijingNow = (): string =>
  new Date(Date.now() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);

const PAID = {
  time_end: beijingNow(),
  state: 'SUCCESS',
  result_code: 'SUCCESS',
  pay_result: '0',
  mch_id: '00000001',
  out_trade_no: 'N000000001',
  transaction_id: '199520439266201804177199552446',
  total_fee: '1',
  trade_type: 'pay.weixin.jspay',
  nonce_str: '1523929649387',
};

const post = (url: string, body: URLSearchParams): Promise<Response> => fetch(url, { method: 'POST', body });

describe('notification handler', () => {
  it('hands the merchant a typed event and answers the plain text success', async () => {
    const shop = await merchant();
    const { provider, gateway } = await rig({ notifyUrl: shop.url });
    const { outTradeNo } = await provider.wechatPreOrder(wechatOrder());
    expect(await gateway.settle(outTradeNo)).toEqual({ delivered: true, attempts: 1 });
    expect(gateway.notifications[0]).toMatchObject({ status: 200, answer: 'success' });
    expect(shop.events).toHaveLength(1);
    expect(shop.events[0]).toMatchObject({
      paid: true,
      wallet: 'wechat',
      outTradeNo,
      totalFee: 1200,
      mchId: '00000001',
    });
  });

  it('reports a failed payment as not paid', async () => {
    const shop = await merchant();
    const { provider, gateway } = await rig({ notifyUrl: shop.url });
    const { outTradeNo } = await provider.alipayPreOrder(alipayOrder());
    await gateway.settle(outTradeNo, 'failed');
    expect(shop.events.map((event) => [event.paid, event.wallet])).toEqual([[false, 'alipay']]);
  });

  it('handles a notification replayed twice once, answering success both times', async () => {
    const shop = await merchant();
    const { provider, gateway } = await rig({ notifyUrl: shop.url });
    const { outTradeNo } = await provider.wechatPreOrder(wechatOrder());
    await gateway.settle(outTradeNo);
    const again = await gateway.renotify(outTradeNo);
    expect(again.answer).toBe('success');
    expect(shop.events).toHaveLength(1);
  });

  it("is retried on the provider's schedule when the merchant's code fails, then handled", async () => {
    let calls = 0;
    const shop = await merchant({
      onNotification: () => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
      },
    });
    const { provider, gateway } = await rig({ notifyUrl: shop.url }, { notifySchedule: [0, 20, 20] });
    const { outTradeNo } = await provider.wechatPreOrder(wechatOrder());
    expect(await gateway.settle(outTradeNo)).toEqual({ delivered: true, attempts: 2 });
    expect(gateway.notifications.map((attempt) => [attempt.status, attempt.answer])).toEqual([
      [500, 'fail'],
      [200, 'success'],
    ]);
    expect(calls).toBe(2);
  });

  it('tells onError what failed', async () => {
    const errors: unknown[] = [];
    const failure = new Error('database down');
    const shop = await merchant({
      onNotification: () => Promise.reject(failure),
      onError: (error) => errors.push(error),
    });
    await post(shop.url, form(PAID));
    expect(errors).toEqual([failure]);
  });

  it('refuses a notification signed with another key with 400 fail, handing nothing on', async () => {
    const shop = await merchant();
    const response = await post(shop.url, form(PAID, 'forged-key'));
    expect([response.status, await response.text()]).toEqual([400, 'fail']);
    expect(shop.events).toHaveLength(0);
  });

  it('refuses a tampered amount', async () => {
    const shop = await merchant();
    const body = form(PAID);
    body.set('total_fee', '100000');
    expect((await post(shop.url, body)).status).toBe(400);
    expect(shop.events).toHaveLength(0);
  });

  it('refuses a signed notification without an amount', async () => {
    const shop = await merchant();
    expect((await post(shop.url, form({ ...PAID, total_fee: '' }))).status).toBe(400);
  });

  it('acknowledges a minimal failure notification (seed 002 guarantees only state, result_code, sign)', async () => {
    const shop = await merchant();
    const minimal = form({ state: 'SUCCESS', result_code: 'FAIL' });
    expect([(await post(shop.url, minimal)).status, (await post(shop.url, minimal)).status]).toEqual([
      200, 200,
    ]);
    expect(shop.events).toEqual([
      expect.objectContaining({
        paid: false,
        resultCode: 'FAIL',
        outTradeNo: undefined,
        totalFee: undefined,
      }),
    ]);
  });

  it('answers 405 fail to anything but POST', async () => {
    const shop = await merchant();
    const response = await fetch(shop.url);
    expect([response.status, await response.text()]).toEqual([405, 'fail']);
  });

  it('a repeat arriving while the first is still being handled waits for it and answers its success', async () => {
    let release = (): void => undefined;
    let entered = (): void => undefined;
    let calls = 0;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const shop = await merchant({
      onNotification: () => {
        calls += 1;
        entered();
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = post(shop.url, form(PAID));
    await inside;
    const second = post(shop.url, form(PAID));
    setTimeout(() => release(), 50);
    const answers = await Promise.all([first, second]);
    expect(await Promise.all(answers.map(async (reply) => [reply.status, await reply.text()]))).toEqual([
      [200, 'success'],
      [200, 'success'],
    ]);
    expect(calls).toBe(1);
  });

  it('accepts a JSON body as well', async () => {
    const shop = await merchant();
    const fields = Object.fromEntries(form(PAID));
    const response = await fetch(shop.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fields),
    });
    expect(response.status).toBe(200);
    expect(shop.events).toHaveLength(1);
  });
});

describe('notification handler on Redis', () => {
  let redis: RedisServer;
  let stores = 0;

  beforeAll(async () => {
    redis = await startRedis();
  });

  afterAll(async () => {
    await redis.stop();
  });

  const store = async (prefix: string): Promise<SignerStore> =>
    createRedisStore(await redis.client(), { prefix });

  it('handles a notification replayed twice across two instances once', async () => {
    const prefix = `notify-${++stores}:`;
    const events: PaymentNotification[] = [];
    const onNotification = (event: PaymentNotification): void => void events.push(event);
    const one = await merchant({ store: await store(prefix), onNotification });
    const two = await merchant({ store: await store(prefix), onNotification });
    const answers = [];
    for (const url of [one.url, two.url]) {
      const response = await post(url, form(PAID));
      answers.push([response.status, await response.text()]);
    }
    expect(answers).toEqual([
      [200, 'success'],
      [200, 'success'],
    ]);
    expect(events).toHaveLength(1);
  });

  it('handles it again after the merchant failed, once', async () => {
    const prefix = `notify-${++stores}:`;
    let calls = 0;
    const shop = await merchant({
      store: await store(prefix),
      onNotification: () => {
        calls += 1;
        if (calls === 1) throw new Error('first attempt fails');
      },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(shop.url, form(PAID))).status);
    expect([statuses, calls]).toEqual([[500, 200, 200], 2]);
  });
});
