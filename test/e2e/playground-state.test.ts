/**
 * The playground shows state, at phone and desktop size: calls in flight
 * (elapsed time, cancel), the Bluetooth panel driven by events, a cancelled
 * read, what the app would show for the page plugins, one code for every
 * cancel, a fault form that refuses typos, and a labelled user agent.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, usePlayground, type Viewport } from './browser.js';

const WAIT = { timeout: 15_000 };

const playground = usePlayground();

/** The newest log line that contains `text`. */
async function logLine(page: Page, text: string): Promise<string> {
  const line = page.locator('#log li', { hasText: text }).first();
  await line.waitFor(WAIT);
  return (await line.textContent()) ?? '';
}

/** Arm a one-shot fault from the simulator form. */
async function arm(page: Page, plugin: string, fault: string): Promise<void> {
  await page.fill('#fault-form [name=plugin]', plugin);
  await page.selectOption('#fault-form [name=fault]', fault);
  await page.click('#fault-form button');
}

/** The log lines' codes of failed calls whose label starts with `label`. */
const codesOf = (page: Page, label: string): Promise<(string | null)[]> =>
  page
    .locator('#log li.error', { hasText: new RegExp(`^${label} ✗`) })
    .evaluateAll((lines) => lines.map((line) => line.getAttribute('data-code')));

/** Nothing is wider than the window. */
const fitsWidth = (page: Page, viewport: Viewport): Promise<void> =>
  expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
    viewport.width,
  );

describe.each([
  ['phone 390×844', PHONE],
  ['desktop 1280×800', DESKTOP],
] as const)('playground state at %s', (_name, viewport) => {
  const open = (): Promise<Page> => playground.open('', undefined, viewport);

  it('shows a call whose answer was dropped as pending with its elapsed time, its button disabled', async () => {
    const page = await open();
    await arm(page, 'scanQRCode', 'drop (never answers)');
    await page.click('#scanQRCode-form button');
    const row = page.locator('#scanQRCode-form + .pending-list li.pending');
    await row.waitFor(WAIT);
    expect(await page.locator('#scanQRCode-form button').isDisabled()).toBe(true);
    const elapsed = row.locator('.elapsed');
    await expect.poll(() => elapsed.textContent(), WAIT).toMatch(/^pending [1-9]\d*\.\d s$/);
    await fitsWidth(page, viewport);
    await row.locator('.pending-cancel').click();
  });

  it('cancels a call in flight from its pending row: logged as cancel, row gone, button back', async () => {
    const page = await open();
    await arm(page, 'scanQRCode', 'drop (never answers)');
    await page.click('#scanQRCode-form button');
    const row = page.locator('#scanQRCode-form + .pending-list li.pending');
    await row.locator('.pending-cancel').click();
    expect(await logLine(page, 'scanQRCode ✗')).toMatch(/^scanQRCode ✗ cancel: /);
    expect(await row.count()).toBe(0);
    expect(await page.locator('#scanQRCode-form button').isEnabled()).toBe(true);
  });

  it('logs the code cancel for a user cancel on every path, and unknown for a message-only failure', async () => {
    const page = await open();
    await arm(page, 'pay', 'cancel'); // the user cancels: pay's wrapper keeps only the message
    await page.click('#pay-form button');
    await logLine(page, 'pay ✗');
    await arm(page, 'pay', 'message only'); // a failure whose text says nothing of a cancel
    await page.click('#pay-form button');
    await expect.poll(() => codesOf(page, 'pay'), WAIT).toHaveLength(2);
    await page.selectOption('#wallet-host-form [name=outcome]', 'cancel'); // the cashier's own cancel
    await page.click('#wallet-host-form button');
    await page.click('#wallet-pay-form button');
    await logLine(page, 'payInWallet ✗');
    expect(new Set(await codesOf(page, 'pay'))).toEqual(new Set(['cancel', 'unknown']));
    expect(await codesOf(page, 'payInWallet')).toEqual(['cancel']);
  });

  it('keeps the scan button disabled while a scan runs and says stopped only once it stops', async () => {
    const page = await open();
    await page.click('#ble-scan');
    await page.locator('#ble-devices li').first().waitFor(WAIT);
    expect(await page.locator('#ble-scan').isDisabled()).toBe(true);
    expect(await page.locator('#ble-status').textContent()).toBe('scanning…');
    await page.click('#ble-stop');
    await expect.poll(() => page.locator('#ble-status').textContent(), WAIT).toMatch(/^stopped · \d+ device/);
    expect(await page.locator('#ble-scan').isEnabled()).toBe(true);
    expect(await page.locator('#log li', { hasText: /^bluetooth\.scan/ }).count()).toBe(1);
  });

  it('shows not connected and ends the scan when the adapter goes off', async () => {
    const page = await open();
    await page.click('#ble-scan');
    const device = page.locator('#ble-devices li[data-device-id="SIM:HRM:01"]');
    await device.waitFor(WAIT);
    await device.locator('.ble-connect').click();
    const title = page.locator('#ble-connected');
    await expect.poll(() => title.textContent(), WAIT).toBe('SIM:HRM:01 · connected');
    await page.locator('#ble-services li').first().waitFor(WAIT);
    await page.click('#sim-ble-off');
    await expect.poll(() => title.textContent(), WAIT).toBe('not connected · adapter off');
    expect(await page.locator('#ble-services li').count()).toBe(0);
    expect(await logLine(page, 'bluetooth.scan')).toMatch(/^bluetooth\.scan → /);
    expect(await page.locator('#ble-status').textContent()).toMatch(/^adapter off/);
    expect(await page.locator('#ble-scan').isEnabled()).toBe(true);
  });

  it('clears "reading…" when a chunked read is cancelled', async () => {
    const page = await open();
    await page.click('#chooseFileFromAlbum-form button');
    await page.locator('#file-picked dd[data-key="size"]').waitFor(WAIT);
    await page.fill('#read-form [name=chunkSize]', '32768'); // ~107 chunks: still reading when cancelled
    await page.click('#read-form button');
    const status = page.locator('#file-result dd[data-key="status"]');
    await expect.poll(() => status.textContent(), WAIT).toBe('reading…');
    await page.click('#read-cancel');
    await expect.poll(() => status.textContent(), WAIT).toBe('cancelled');
    expect(await logLine(page, 'read & upload')).toMatch(/^read & upload ✗ cancel: /);
    expect(await page.locator('#read-form button').isEnabled()).toBe(true);
  });

  it('shows the title bar, right button, toast and share sheet the app would show', async () => {
    const page = await open();
    await page.fill('#setNavigationBarTitle-form [name=title]', 'Order 42');
    await page.click('#setNavigationBarTitle-form button');
    await expect.poll(() => page.locator('#app-title').textContent(), WAIT).toBe('Order 42');
    await page.click('#setNavigationBarRightButton-form button');
    await expect.poll(() => page.locator('#app-right-button').textContent(), WAIT).toBe('Help');
    await page.fill('#showFlashInfo-form [name=msg]', 'Saved');
    await page.click('#showFlashInfo-form button');
    const toast = page.locator('#app-toast');
    await toast.waitFor(WAIT);
    expect(await toast.textContent()).toBe('Saved');
    await page.click('#showSharePopup-form button');
    const sheet = page.locator('#app-share-sheet');
    await sheet.waitFor(WAIT);
    expect(await sheet.locator('[data-key=title]').textContent()).toBe('upsdk-kit');
    expect(await sheet.locator('[data-key=desc]').textContent()).toBe('Typed upsdk for H5 pages');
    // upsdk.js fills in the page's own URL when the page gave none.
    expect(await sheet.locator('[data-key=shareUrl]').textContent()).toBe(page.url());
    await fitsWidth(page, viewport);
  });

  it('refuses a fault for an unknown plugin name', async () => {
    const page = await open();
    await arm(page, 'payy', 'cancel');
    const error = page.locator('#fault-error');
    await error.waitFor(WAIT);
    expect(await error.textContent()).toContain('"payy"');
    expect(await logLine(page, 'sim.fault ✗')).toContain('invalid_param');
    await arm(page, 'pay', 'cancel');
    await logLine(page, 'next pay call: cancel');
    expect(await error.isHidden()).toBe(true);
  });

  it('labels the simulated user agent in the device report and gives the browser’s own', async () => {
    const page = await open();
    await page.click('#report-run');
    const output = page.locator('#report-output');
    await output.waitFor(WAIT);
    const report = JSON.parse((await output.textContent()) ?? '') as Record<string, string>;
    expect(report.userAgentSource).toMatch(/^simulated/);
    expect(report.userAgent).toContain('com.unionpay');
    expect(report.browserUserAgent).toContain('Chrome');
    expect(report.browserUserAgent).not.toContain('com.unionpay');
  });
});
