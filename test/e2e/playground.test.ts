import { mkdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, startPlayground } from './browser.js';

const RESULTS = path.resolve(__dirname, '../../test-results');

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
  // Every scenario must leave the console clean.
  const errors = current?.errors ?? [];
  await current?.page.close();
  current = undefined;
  expect(errors).toEqual([]);
});

async function open(): Promise<Page> {
  current = await openPage(browser, url);
  return current.page;
}

/** The newest log line once it contains `text`. */
async function logLine(page: Page, text: string): Promise<string> {
  const line = page.locator('#log li', { hasText: text }).first();
  await line.waitFor({ timeout: 15_000 });
  return (await line.textContent()) ?? '';
}

describe('playground in simulator mode', () => {
  it('says it runs against the simulator', async () => {
    const page = await open();
    await expect(page.locator('#banner').textContent()).resolves.toContain('Simulator mode');
  });

  it('pays successfully through the signer and the simulated bridge', async () => {
    const page = await open();
    await page.click('#pay-form button');
    expect(await logLine(page, 'pay')).toMatch(/^pay → /);
  });

  it('shows the code of a failed payment', async () => {
    const page = await open();
    await page.fill('#fault-form [name=plugin]', 'pay');
    await page.selectOption('#fault-form [name=fault]', 'fail (errcode c02)');
    await page.click('#fault-form button');
    await page.click('#pay-form button');
    expect(await logLine(page, 'pay ✗')).toContain('c02');
  });

  it('downloads a device report that is valid JSON', async () => {
    const page = await open();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-download')]);
    const report = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown>;
    expect(report.mode).toBe('simulator');
    expect(report.configured).toBe(true);
    expect(report.jsApiList).toEqual(expect.arrayContaining(['pay']));
    expect(report.userAgentTokens).toMatchObject({ updebug: '0' });
  });

  it('renders a full-page screenshot into test-results/', async () => {
    const page = await open();
    await page.click('#pay-form button');
    await logLine(page, 'pay');
    await mkdir(RESULTS, { recursive: true });
    const file = path.join(RESULTS, 'playground.png');
    await page.screenshot({ path: file, fullPage: true });
    expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
  });
});
