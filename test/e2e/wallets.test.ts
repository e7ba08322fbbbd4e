/**
 * The playground's "any wallet" section in real Chromium, in each simulated
 * host: server pre-order against the fake gateway → payInWallet → the
 * gateway's notification back to the server over loopback → order query.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlayground } from './browser.js';

const WAIT = { timeout: 15_000 };
const playground = usePlayground();

/** Open the playground and switch the simulated host. */
async function inHost(host: string, ready = 'before', outcome = 'paid'): Promise<Page> {
  const page = await playground.open();
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
  const PAID: readonly [string, string, string][] = [
    ['WeChat', 'wechat', 'before'],
    ['Alipay', 'alipay', 'after'],
  ];
  for (const [name, host, ready] of PAID) {
    it(`pays in ${name} (bridge ready ${ready} the page), is notified and queries the order as paid`, async () => {
      const page = await inHost(host, ready);
      expect(await fact(page, 'host')).toBe(host);
      await pay(page);
      await page.locator('#wallet-facts dd[data-key="query"]').waitFor(WAIT);
      const shown = [await fact(page, 'pay'), await fact(page, 'query'), await fact(page, 'notifications')];
      expect(shown).toEqual(['paid', 'paid', '1']);
    });
  }

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
