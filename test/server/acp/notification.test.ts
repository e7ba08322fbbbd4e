/** ACP notifications: verified like replies, answered `success`, each handled exactly once, forgeries refused. */
import { describe, expect, it } from 'vitest';
import { createAcpClient, type AcpNotification } from '../../../src/server/acp/index.js';
import { createAcpTestCa, createFakeAcpGateway } from '../../../src/simulator/acp/index.js';
import { newOrderId, ok, rig, served } from './rig.js';

async function post(
  url: string,
  fields: Record<string, string> | string,
  type = 'application/x-www-form-urlencoded',
): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof fields === 'string' ? fields : new URLSearchParams(fields),
  });
  return { status: response.status, text: await response.text() };
}

/** A rig with one paid order whose notification was lost, and that notification. */
async function paidRig(...args: [...Parameters<typeof rig>, Date?]) {
  const setup = await rig(args[0], args[1], args[2]);
  const order = ok(await setup.acp.consume({ orderId: newOrderId(), txnAmt: 2500, txnTime: args[3] }));
  await setup.gateway.pay(order.tn, 'success', { notify: false });
  return { ...setup, order, notification: setup.gateway.notificationOf(order.orderId) };
}

describe('ACP notification handler', () => {
  it('answers success and hands one typed paid event', async () => {
    const { backUrl, events, notification, order } = await paidRig();
    expect(await post(backUrl, notification)).toEqual({ status: 200, text: 'success' });
    expect(events).toEqual([
      expect.objectContaining<Partial<AcpNotification>>({
        type: 'paid',
        succeeded: true,
        orderId: order.orderId,
        txnAmt: 2500,
        respCode: '00',
      }),
    ]);
  });

  it('a replayed notification is answered success without running the callback again', async () => {
    const { backUrl, events, notification, gateway, order } = await paidRig();
    for (let i = 0; i < 3; i++) expect((await post(backUrl, notification)).text).toBe('success');
    await gateway.renotify(order.orderId);
    expect(events).toHaveLength(1);
  });

  it('a re-delivery seconds later is the same message, so it is not run again', async () => {
    let now = Date.now();
    const clock = (): number => now;
    const { backUrl, events, notification, gateway, order } = await paidRig({}, { clock }, { clock });
    expect((await post(backUrl, notification)).text).toBe('success');
    now += 3_000; // the fake's notification time must stay the settlement's, not the delivery's
    expect(gateway.notificationOf(order.orderId)).toEqual(notification);
    await gateway.renotify(order.orderId);
    expect(events).toHaveLength(1);
  });

  it('concurrent copies run the callback once', async () => {
    let running = 0;
    const handled: string[] = [];
    const { backUrl, notification } = await paidRig(
      {},
      {},
      {
        onNotification: async (event) => {
          running += 1;
          await new Promise((resolve) => setTimeout(resolve, 100));
          handled.push(event.orderId);
          running -= 1;
        },
      },
    );
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(backUrl, notification)));
    expect(handled).toHaveLength(1);
    expect(running).toBe(0);
    expect(answers.filter((answer) => answer.text === 'success').length).toBeGreaterThanOrEqual(1);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 409)).toBe(true);
  });

  it('refuses a forged notification (a signed field changed)', async () => {
    const { backUrl, events, notification } = await paidRig();
    expect(await post(backUrl, { ...notification, txnAmt: '1' })).toEqual({ status: 400, text: 'fail' });
    expect(await post(backUrl, { ...notification, signature: '' })).toEqual({ status: 400, text: 'fail' });
    const unsigned = Object.fromEntries(
      Object.entries(notification).filter(([name]) => name !== 'signature'),
    );
    expect((await post(backUrl, unsigned)).status).toBe(400);
    expect(events).toEqual([]);
  });

  it('refuses a notification signed under another CA with the same names', async () => {
    const { backUrl, events, gateway } = await paidRig();
    const foreignCa = createAcpTestCa();
    const twin = createFakeAcpGateway({ ca: foreignCa, merId: gateway.merId });
    const { url } = await served(twin.handle);
    const twinClient = await createAcpClient({
      merId: gateway.merId,
      signing: { pfx: foreignCa.merchant.pfx, password: foreignCa.merchant.password },
      gateway: `${url}/gateway/api/`,
      rootCert: foreignCa.rootPem,
      middleCert: foreignCa.middlePem,
      backUrl,
    });
    const twinOrder = ok(await twinClient.consume({ orderId: newOrderId(), txnAmt: 1 }));
    await twin.pay(twinOrder.tn, 'success', { notify: false });
    expect((await post(backUrl, twin.notificationOf(twinOrder.orderId))).status).toBe(400);
    twin.close();
    expect(events).toEqual([]);
  });

  it('refuses a regrouped notification (one value swallowing the next field), which keeps the signed text', async () => {
    const { backUrl, events, notification } = await paidRig();
    const { settleAmt, ...rest } = notification;
    const regrouped = { ...rest, respMsg: `${notification.respMsg}&settleAmt=${settleAmt}` };
    expect((await post(backUrl, regrouped)).status).toBe(400);
    expect(events).toEqual([]);
  });

  it('refuses duplicate keys, other content types and oversized bodies', async () => {
    const { backUrl, events, notification } = await paidRig({}, {}, { maxBodyBytes: 8 * 1024 });
    const body = new URLSearchParams(notification).toString();
    // Even a repeat of the same value: the message is not the one that was signed.
    expect((await post(backUrl, `${body}&txnAmt=${notification.txnAmt}`)).status).toBe(400);
    expect((await post(backUrl, JSON.stringify(notification), 'application/json')).status).toBe(400);
    expect((await post(backUrl, `${body}&pad=${'x'.repeat(9000)}`)).status).toBe(400);
    expect(events).toEqual([]);
  });

  it('refuses a notification older than the retention window (dedupe could no longer catch its replay)', async () => {
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const { backUrl, events, notification } = await paidRig({}, {}, {}, eightDaysAgo);
    expect((await post(backUrl, notification)).status).toBe(400);
    expect(events).toEqual([]);
  });

  it('a failing callback answers fail (500) so UnionPay retries, and the retry runs it', async () => {
    let calls = 0;
    const { backUrl, notification } = await paidRig(
      {},
      {},
      {
        onNotification: () => {
          calls += 1;
          if (calls === 1) throw new Error('database down');
        },
      },
    );
    expect(await post(backUrl, notification)).toEqual({ status: 500, text: 'fail' });
    expect(await post(backUrl, notification)).toEqual({ status: 200, text: 'success' });
    expect(await post(backUrl, notification)).toEqual({ status: 200, text: 'success' });
    expect(calls).toBe(2);
  });
});
