/**
 * The playground's "any wallet" section in real Chromium, in each simulated
 * host: server pre-order against the fake gateway → payInWallet → the
 * gateway's notification back to the server over loopback → order query.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, startPlayground } from './browser.js';

const WAIT = { timeout: 15_000 };

let browser: Browser;
let server: Server;
let url: string;
let current: { page: Page; errors: string[] } | undefined;

beforeAll(async () => {
  ({ server, url } = await startPlayground());
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

afterEach(async () => {
  const errors = current?.errors ?? [];
  await current?.page.close();
  current = undefined;
  expect(errors).toEqual([]);
});

/** Open the playground and switch the simulated host. */
async function inHost(host: string, ready = 'before', outcome = 'paid'): Promise<Page> {
  current = await openPage(browser, url);
  const { page } = current;
  await page.selectOption('#wallet-host-form select[name="host"]', host);
  await page.selectOption('#wallet-host-form select[name="ready"]', ready);
  await page.selectOption('#wallet-host-form select[name="outcome"]', outcome);
  await page.click('#wallet-host-form button');
  return page;
}

/** Pay and wait until the section shows the payment's outcome. */
async function pay(page: Page): Promise<void> {
  await page.click('#wallet-pay-form button');
  await page.locator('#wallet-facts dd[data-key="pay"]').waitFor(WAIT);
}

const fact = async (page: Page, key: string): Promise<string | null> => {
  const value = page.locator(`#wallet-facts dd[data-key="${key}"]`);
  return (await value.count()) > 0 ? value.textContent() : null;
};

describe('playground: any wallet', () => {
  it('pays in WeChat, is notified and queries the order as paid', async () => {
    const page = await inHost('wechat');
    expect(await fact(page, 'host')).toBe('wechat');
    await pay(page);
    await page.locator('#wallet-facts dd[data-key="query"]').waitFor(WAIT);
    expect([await fact(page, 'pay'), await fact(page, 'query'), await fact(page, 'notifications')]).toEqual([
      'paid',
      'paid',
      '1',
    ]);
  });

  it('pays in Alipay with the bridge arriving after the page, notified and paid', async () => {
    const page = await inHost('alipay', 'after');
    expect(await fact(page, 'host')).toBe('alipay');
    await pay(page);
    await page.locator('#wallet-facts dd[data-key="query"]').waitFor(WAIT);
    expect([await fact(page, 'pay'), await fact(page, 'query'), await fact(page, 'notifications')]).toEqual([
      'paid',
      'paid',
      '1',
    ]);
  });

  it('reports a pending Alipay payment as pending', async () => {
    const page = await inHost('alipay', 'before', 'pending');
    await pay(page);
    expect(await fact(page, 'pay')).toBe('pending');
  });

  it('pays in UnionPay through the upsdk simulator', async () => {
    const page = await inHost('unionpay');
    expect(await fact(page, 'host')).toBe('unionpay');
    await pay(page);
    expect(await fact(page, 'pay')).toBe('paid');
  });

  it('reports a WeChat cancel as cancel', async () => {
    const page = await inHost('wechat', 'after', 'cancel');
    await pay(page);
    expect(await fact(page, 'pay')).toBe('cancel');
  });
});
