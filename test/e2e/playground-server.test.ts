/**
 * The playground server's own routes, over loopback HTTP: a pre-order with a bad amount or wallet is
 * refused as problem+json (never rounded or defaulted), and errors answer problem+json like the
 * package's handlers.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { pay } from '../../src/payment.js';
import { installSimulator } from '../../src/simulator/index.js';
import { jsdomWindow } from '../helpers/jsdom-window.js';
import { startPlayground } from './browser.js';

let server: Server;
let url: string;
beforeAll(async () => ({ server, url } = await startPlayground()));
afterAll(() => new Promise((resolve) => server.close(resolve)));

const preOrder = (body: unknown): Promise<Response> =>
  fetch(new URL('wallets/preorder', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('playground server: signing', () => {
  it('signs what installSimulator() accepts by default, without a private route: a page of its own pays', async () => {
    const window = jsdomWindow(new URL('shop', url).href);
    const sim = installSimulator({ window });
    try {
      const client = createClient({ window, signer: new URL('upsdk/signature', url).href });
      const outcome = await pay(client, { tn: 'playground-tn' }).then(
        () => 'paid',
        (error: { code?: string }) => error.code,
      );
      expect(outcome).toBe('paid');
      expect((await fetch(new URL('__dev/front-token', url))).status).toBe(404);
    } finally {
      sim.uninstall();
      window.close();
    }
  });
});

describe('playground server: pre-order', () => {
  it.each([
    ['zero', 0],
    ['negative', -5],
    ['missing', undefined],
    ['fractional', 1.5],
    ['text', '12'],
  ])('refuses a %s amount with 400 problem+json naming totalFee', async (_name, totalFee) => {
    const response = await preOrder({ wallet: 'wechat', totalFee });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 400,
      code: 'invalid_param',
      detail: expect.stringContaining('Expected `totalFee` to be an integer number of fen ≥ 1'),
    });
  });

  it('refuses an unknown wallet with 400 problem+json', async () => {
    const response = await preOrder({ wallet: 'paypal', totalFee: 1 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'invalid_param',
      detail: expect.stringContaining('wallet'),
    });
  });

  it('pre-orders exactly the amount asked', async () => {
    const response = await preOrder({ wallet: 'alipay', totalFee: 1234 });
    expect(response.status).toBe(200);
    const { outTradeNo } = (await response.json()) as { outTradeNo: string };
    await fetch(new URL('__dev/wallets/settle', url), {
      method: 'POST',
      body: JSON.stringify({ outTradeNo }),
    });
    const query = await fetch(new URL('wallets/query', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ wallet: 'alipay', outTradeNo }),
    });
    expect(await query.json()).toMatchObject({ totalFee: 1234 });
  });

  it('answers a wallet route that is not POSTed with 405 problem+json', async () => {
    const response = await fetch(new URL('wallets/preorder', url));
    expect(response.status).toBe(405);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 405, code: 'method_not_allowed' });
  });

  it('answers a refused order query as problem+json with the provider error code', async () => {
    const response = await fetch(new URL('wallets/query', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ wallet: 'wechat', outTradeNo: 'P17000000000001' }),
    });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'not_found', status: response.status });
  });
});
