/**
 * What ACP gains from the shared server layer of issue 20: a hanging
 * callback is answered within a deadline, a trickling body is cut off, the
 * store failing after a success does not run the callback again, and a
 * consume whose reply breaks off mid-body is the unknown outcome.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type SignerStore } from '../../../src/server/index.js';
import { createAcpClient, createAcpNotificationHandler } from '../../../src/server/acp/index.js';
import { createAcpTestCa } from '../../../src/simulator/acp/index.js';
import { streamedRequest, tricklingBody, within } from '../helpers/bodies.js';
import { later, newOrderId, ok, rig } from './rig.js';

const post = async (
  url: string,
  fields: Record<string, string>,
): Promise<{ status: number; text: string }> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    signal: AbortSignal.timeout(8_000),
  });
  return { status: response.status, text: await response.text() };
};

async function paidNotification(...args: Parameters<typeof rig>) {
  const setup = await rig(...args);
  const order = ok(await setup.acp.consume({ orderId: newOrderId(), txnAmt: 700 }));
  await setup.gateway.pay(order.tn, 'success', { notify: false });
  return { ...setup, notification: setup.gateway.notificationOf(order.orderId) };
}

describe('ACP notification handler on the shared receiver', () => {
  it('a hanging callback is answered fail within callbackTimeoutMs, and a re-delivery does not run it again', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const { backUrl, notification } = await paidNotification(
      {},
      {},
      {
        callbackTimeoutMs: 200,
        onNotification: () => {
          runs += 1;
          return gate;
        },
      },
    );
    const start = performance.now();
    expect(await post(backUrl, notification)).toEqual({ status: 503, text: 'fail' });
    expect(performance.now() - start).toBeLessThan(3_000);
    expect((await post(backUrl, notification)).text).toBe('fail');
    expect(runs).toBe(1);
    release();
  });

  it('a body that trickles is cut off within bodyTimeoutMs, and its stream cancelled', async () => {
    const ca = createAcpTestCa();
    const handler = createAcpNotificationHandler({
      merId: '777290058110048',
      rootCert: ca.rootPem,
      middleCert: ca.middlePem,
      checkOwner: false,
      bodyTimeoutMs: 200,
      onNotification: () => undefined,
    });
    const body = tricklingBody(50);
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const reply = await within(
      handler(streamedRequest('http://127.0.0.1/acp/notify', body.stream, headers)),
      3_000,
    );
    if (reply === 'no answer') await body.stream.cancel();
    expect(reply === 'no answer' ? reply : await reply.text()).toBe('fail');
    expect(body.cancelled()).toBe(true);
  });

  it('the store failing after a handled notification does not run the callback again on the retry', async () => {
    const inner = createMemoryStore();
    const state = { down: false };
    const store = new Proxy(inner, {
      get(target, name: keyof SignerStore) {
        const method = target[name] as (...a: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          if (state.down) throw new Error('connection refused');
          return method.apply(target, args);
        };
      },
    });
    let runs = 0;
    const { backUrl, notification } = await paidNotification(
      {},
      {},
      {
        store,
        onNotification: () => {
          runs += 1;
          state.down = true;
        },
      },
    );
    await post(backUrl, notification);
    await post(backUrl, notification);
    expect(runs).toBe(1);
    state.down = false;
    expect(await post(backUrl, notification)).toEqual({ status: 200, text: 'success' });
    expect(runs).toBe(1);
  });
});

describe('ACP client on the shared transport', () => {
  it('a consume whose reply breaks off mid-body is unknown (it may have happened), not an error', async () => {
    const { clientOptions } = await rig();
    const breaking = createServer((_request, response) => {
      response.writeHead(200, { 'content-length': '5000' });
      response.write('respCode=00&');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => breaking.listen(0, '127.0.0.1', resolve));
    later(() => new Promise<void>((resolve) => breaking.close(() => resolve())));
    const { port } = breaking.address() as AddressInfo;
    const acp = await createAcpClient({ ...clientOptions, gateway: `http://127.0.0.1:${port}/gateway/api/` });
    const orderId = newOrderId();
    expect(await acp.consume({ orderId, txnAmt: 1 })).toMatchObject({
      outcome: 'unknown',
      reason: 'timeout',
      orderId,
    });
  });
});
