/**
 * The money loop in real Chromium: the playground page asks its server for
 * an order, the server calls `consume` on the fake ACP gateway, the page
 * pays the tn in the simulated app, the gateway notifies the server over
 * loopback HTTP, and the page shows the server's verdict from `query`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlayground } from './browser.js';

const WAIT = { timeout: 15_000 };
const playground = usePlayground();

async function runLoop(outcome: string, notification: 'delivered' | 'lost'): Promise<Page> {
  const page = await playground.open();
  await page.selectOption('#money-form select[name="outcome"]', outcome);
  await page.selectOption('#money-form select[name="notification"]', notification);
  await page.click('#money-form button');
  await page.locator('#money-facts dd[data-key="verdict"]').waitFor(WAIT);
  return page;
}

const fact = (page: Page, key: string): Promise<string | null> =>
  page.locator(`#money-facts dd[data-key="${key}"]`).textContent();
const steps = (page: Page): Promise<(string | null)[]> =>
  page
    .locator('#money-timeline li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-step')));

describe('playground: the money loop (ACP)', () => {
  it('success: order → tn → pay → notification → query says paid', async () => {
    const page = await runLoop('success', 'delivered');
    expect(await fact(page, 'tn')).toMatch(/^\d{21}$/);
    expect([await fact(page, 'pay'), await fact(page, 'notification'), await fact(page, 'verdict')]).toEqual([
      'ok',
      'received',
      'paid',
    ]);
    expect(await steps(page)).toEqual(['order', 'pay', 'notification', 'query']);
  });

  it('cancel: the pay fails in the page and query says not paid', async () => {
    const page = await runLoop('cancel', 'delivered');
    expect(await fact(page, 'pay')).toContain('取消');
    expect([await fact(page, 'notification'), await fact(page, 'verdict')]).toEqual(['none', 'not paid']);
    expect(await steps(page)).toEqual(['order', 'pay', 'query']);
  });

  it('failure: query says failed', async () => {
    const page = await runLoop('fail', 'delivered');
    expect(await fact(page, 'pay')).toContain('支付失败');
    expect(await fact(page, 'verdict')).toBe('failed');
  });

  it('notification lost: query still finds the payment', async () => {
    const page = await runLoop('success', 'lost');
    expect([await fact(page, 'pay'), await fact(page, 'notification'), await fact(page, 'verdict')]).toEqual([
      'ok',
      'none',
      'paid',
    ]);
    expect(await steps(page)).toEqual(['order', 'pay', 'query']);
  });
});
