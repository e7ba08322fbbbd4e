/**
 * The playground at phone size (390×844) says what is true and shows what is
 * happening: the host banner, refused amounts, the Bluetooth adapter and
 * disconnects, service filters, the status bar, one control per running call,
 * stop-audio, copy feedback, the live heart-rate plot and the progress of
 * reads and uploads. Screenshots go to test-results/phone-*.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, usePlayground } from './browser.js';

const RESULTS = path.resolve(__dirname, '../../test-results');
const WAIT = { timeout: 15_000 };
const playground = usePlayground();
/** What Chromium logs when the server refuses a pre-order on purpose. */
const REFUSED = /status of 400 \(Bad Request\)/;

beforeAll(() => mkdir(RESULTS, { recursive: true }));

const open = (query = '', prepare?: (page: Page) => Promise<unknown>): Promise<Page> =>
  playground.open(query, prepare, PHONE);

/** Keep what the phone showed, scrolled to `selector`. */
async function screenshot(page: Page, name: string, selector?: string): Promise<void> {
  if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(RESULTS, `phone-${name}.png`) });
}

/** The newest log line that contains `text`. */
async function logLine(page: Page, text: string | RegExp): Promise<string> {
  const line = page.locator('#log li', { hasText: text }).first();
  await line.waitFor(WAIT);
  return (await line.textContent()) ?? '';
}

async function switchHost(page: Page, host: string): Promise<void> {
  await page.selectOption('#wallet-host-form select[name="host"]', host);
  await page.click('#wallet-host-form button');
}

async function arm(page: Page, plugin: string, fault: string): Promise<void> {
  await page.fill('#fault-form [name=plugin]', plugin);
  await page.selectOption('#fault-form [name=fault]', fault);
  await page.click('#fault-form button');
}

/** Scan until the heart-rate monitor is listed, then stop. */
async function scanForMonitor(page: Page) {
  await page.click('#ble-scan');
  const device = page.locator('#ble-devices li[data-device-id="SIM:HRM:01"]');
  await device.waitFor(WAIT);
  await page.click('#ble-stop');
  await logLine(page, 'bluetooth.scan →');
  return device;
}

async function connectMonitor(page: Page) {
  const device = await scanForMonitor(page);
  await device.locator('.ble-connect').click();
  const title = page.locator('#ble-connected');
  await expect.poll(() => title.textContent(), WAIT).toBe('SIM:HRM:01 · connected');
  await page.locator('#ble-services li').first().waitFor(WAIT);
  return title;
}

/** Visible buttons inside `scope` whose text matches `pattern`. */
const visibleButtons = (page: Page, scope: string, pattern: RegExp): Promise<number> =>
  page.locator(`${scope} button:visible`, { hasText: pattern }).count();

describe('playground at 390×844: the host wallet', () => {
  it('says in the banner and in each upsdk section that WeChat has no upsdk, and stops saying it back in UnionPay', async () => {
    const page = await open();
    await switchHost(page, 'wechat');
    const banner = page.locator('#banner');
    await expect.poll(() => banner.textContent(), WAIT).toContain('Simulated host: WeChat');
    expect(await banner.textContent()).not.toContain('every plugin answers from the simulator');
    for (const id of ['payment', 'pay-password', 'location']) {
      expect(await page.locator(`#${id} .host-note`).isVisible()).toBe(true);
    }
    expect(await page.locator('#wallets .host-note').count()).toBe(0);
    await page.click('#pay-form button');
    expect(await logLine(page, 'pay ✗')).toContain('unavailable');
    await screenshot(page, 'host-wechat', '#payment');
    await switchHost(page, 'unionpay');
    await expect.poll(() => banner.textContent(), WAIT).toContain('every plugin answers from the simulator');
    expect(await page.locator('#payment .host-note').isVisible()).toBe(false);
  });

  it('with ?vendor=real, says the real vendor script runs, and in WeChat that the upsdk plugins are unavailable', async () => {
    const page = await open('?vendor=real');
    const banner = page.locator('#banner');
    expect(await banner.textContent()).toContain(
      "the vendor's real upsdk.js runs over the simulated native layer",
    );
    await switchHost(page, 'wechat');
    await expect.poll(() => banner.textContent(), WAIT).toContain('answer “unavailable”');
  });
});

describe('playground at 390×844: wallet amounts', () => {
  it.each([
    ['0', '0'],
    ['-5', '-5'],
    ['empty', ''],
    ['1.5', '1.5'],
  ])(
    'refuses the amount %s with the server’s invalid_param, in red, and pays nothing',
    async (_name, amount) => {
      playground.expectConsoleErrors(REFUSED);
      const page = await open();
      await page.fill('#wallet-pay-form [name=totalFee]', amount);
      await page.click('#wallet-pay-form button');
      const refused = page.locator('#wallet-pay-error');
      await refused.waitFor(WAIT);
      expect(await refused.textContent()).toMatch(
        /invalid_param: Expected `totalFee` to be an integer number of fen/,
      );
      const line = page.locator('#log li', { hasText: 'pre-order' }).first();
      expect(await line.getAttribute('class')).toBe('error');
      expect(await line.getAttribute('data-code')).toBe('invalid_param');
      expect(await page.locator('#log li', { hasText: 'payInWallet' }).count()).toBe(0);
      if (amount === '0') await screenshot(page, 'wallet-refused', '#wallets');
    },
  );
});

describe('playground at 390×844: Bluetooth', () => {
  it('disables connect while the adapter is off and says so no more once it is back', async () => {
    const page = await open();
    const device = await scanForMonitor(page);
    await page.click('#sim-ble-off');
    const status = page.locator('#ble-status');
    await expect.poll(() => status.textContent(), WAIT).toMatch(/^adapter off/);
    expect(await device.locator('.ble-connect').isDisabled()).toBe(true);
    await screenshot(page, 'ble-adapter-off', '#bluetooth');
    await page.click('#sim-ble-on');
    await expect.poll(() => status.textContent(), WAIT).toMatch(/^adapter on/);
    expect(await page.locator('#ble-connected').textContent()).toBe('not connected');
    expect(await device.locator('.ble-connect').isEnabled()).toBe(true);
  });

  it('has an "open adapter" button that opens it', async () => {
    const page = await open();
    await page.click('#ble-open');
    expect(await logLine(page, 'bluetooth.open')).toMatch(/^bluetooth\.open → done/);
  });

  it('labels a disconnect asked by the page "by this page" and one by the device "by the device"', async () => {
    const page = await open();
    const title = await connectMonitor(page);
    await page.click('#ble-disconnect');
    await expect.poll(() => title.textContent(), WAIT).toBe('SIM:HRM:01 · disconnected (by this page)');
    await page.locator('#ble-devices li[data-device-id="SIM:HRM:01"] .ble-connect').click();
    await expect.poll(() => title.textContent(), WAIT).toBe('SIM:HRM:01 · connected');
    await page.click('#sim-ble-drop');
    await expect.poll(() => title.textContent(), WAIT).toBe('SIM:HRM:01 · disconnected (by the device)');
  });

  it.each(['not-a-uuid!', 'zz'])(
    'refuses the service filter %j with invalid_param instead of finding nothing',
    async (filter) => {
      const page = await open();
      await page.fill('#bluetooth input[name=services]', filter);
      await page.click('#ble-scan');
      const line = await logLine(page, 'bluetooth.scan ✗');
      expect(line).toContain('invalid_param');
      expect(line).toContain('service UUID');
      expect(await page.locator('#ble-status').textContent()).toMatch(/^scan failed \(invalid_param\)/);
    },
  );

  it('plots the simulated heart rate live as notifications arrive', async () => {
    const page = await open();
    await connectMonitor(page);
    const service = page.locator('#ble-services li[data-service="180D"]');
    await service.locator('.ble-characteristics').click();
    const measurement = service.locator('li[data-characteristic="2A37"]');
    await measurement.locator('.ble-notify').click();
    const line = measurement.locator('svg.plot polyline');
    const points = (): Promise<number> =>
      line.evaluate((polyline) => (polyline.getAttribute('points') ?? '').split(' ').filter(Boolean).length);
    await expect.poll(points, WAIT).toBeGreaterThanOrEqual(4);
    const bpm = Number(await measurement.locator('.plot-latest').textContent());
    expect(bpm).toBeGreaterThanOrEqual(55);
    expect(bpm).toBeLessThanOrEqual(90);
    await screenshot(page, 'ble-heart-rate-plot', '#ble-services');
    await measurement.locator('.ble-notify-stop').click();
    expect(await logLine(page, 'bluetooth.notifications')).toMatch(
      /^bluetooth\.notifications → \{"values":\d+\}/,
    );
  });
});

describe('playground at 390×844: the status bar', () => {
  it('shows a call that is running instead of the previous outcome', async () => {
    const page = await open();
    await page.click('#pay-form button');
    const latest = page.locator('#latest');
    await expect.poll(() => latest.textContent(), WAIT).toMatch(/^pay → done/);
    await arm(page, 'scanQRCode', 'drop (never answers)');
    await page.click('#scanQRCode-form button');
    await expect.poll(() => latest.textContent(), WAIT).toBe('scanQRCode … running');
    await screenshot(page, 'status-running');
    await page.locator('#scanQRCode-form + .pending-list .pending-cancel').click();
    await expect.poll(() => latest.textContent(), WAIT).toMatch(/^scanQRCode ✗ cancel/);
  });

  it('wraps a long error over more than one line', async () => {
    playground.expectConsoleErrors(REFUSED);
    const page = await open();
    await page.fill('#wallet-pay-form [name=totalFee]', '0');
    await page.click('#wallet-pay-form button');
    const latest = page.locator('#latest');
    await expect.poll(() => latest.textContent(), WAIT).toMatch(/^pre-order ✗ invalid_param/);
    const lines = await latest.evaluate((bar) => {
      const style = getComputedStyle(bar);
      const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      return Math.round((bar.clientHeight - padding) / parseFloat(style.lineHeight));
    });
    expect(lines).toBeGreaterThanOrEqual(2);
    expect(lines).toBeLessThanOrEqual(3);
    await screenshot(page, 'status-long-error');
  });

  it('shows the chosen picture’s base64 by its size, never the raw text', async () => {
    const page = await open();
    await page.click('#chooseImage-form button');
    await page.locator('#chosen-image').waitFor(WAIT);
    const latest = page.locator('#latest');
    await expect.poll(() => latest.textContent(), WAIT).toMatch(/^chooseImage → /);
    const text = (await latest.textContent()) ?? '';
    expect(text).toMatch(/‹base64, [\d,]+ chars›/);
    expect(text).not.toMatch(/[A-Za-z0-9+/]{60}/);
    expect(await logLine(page, 'chooseImage →')).not.toMatch(/[A-Za-z0-9+/]{60}/);
  });
});

describe('playground at 390×844: controls', () => {
  it('offers a single control to end a scan and a single one to end a read', async () => {
    const page = await open();
    await page.click('#ble-scan');
    await page.locator('#ble-devices li').first().waitFor(WAIT);
    expect(await visibleButtons(page, '#bluetooth', /^(stop|cancel)/)).toBe(1);
    await page.click('#ble-stop');
    await page.click('#chooseFileFromAlbum-form button');
    await page.locator('#file-picked dd[data-key="size"]').waitFor(WAIT);
    await page.fill('#read-form [name=chunkSize]', '32768');
    await page.click('#read-form button');
    await page.locator('#read-cancel').waitFor(WAIT);
    expect(await visibleButtons(page, '#files', /cancel/)).toBe(1);
    await page.click('#read-cancel');
    expect(await logLine(page, 'read & upload')).toMatch(/^read & upload ✗ cancel/);
  });

  it('enables "stop audio recording" only while a recording runs', async () => {
    const page = await open();
    const stop = page.locator('#stop-audio');
    expect(await stop.isDisabled()).toBe(true);
    await page.click('#startAudioRecording-form button');
    await logLine(page, 'startAudioRecording →');
    await expect.poll(() => stop.isEnabled(), WAIT).toBe(true);
    await stop.click();
    await logLine(page, 'stopAudioRecording →');
    await expect.poll(() => stop.isDisabled(), WAIT).toBe(true);
  });

  it('says next to "copy JSON" that the report was copied', async () => {
    const page = await open('', (page) =>
      page.context().grantPermissions(['clipboard-read', 'clipboard-write']),
    );
    await page.click('#report-copy');
    const said = page.locator('#report-copy-status');
    await said.waitFor(WAIT);
    expect(await said.textContent()).toMatch(/^Copied [\d,]+ characters to the clipboard\.$/);
    expect(await page.locator('#report-copy').textContent()).toBe('copied ✓');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied)).toHaveProperty('mode', 'simulator');
    await screenshot(page, 'report-copied', '#report');
  });
});

describe('playground at 390×844: progress', () => {
  it('shows bytes, rate and time left for the chunked read and for the upload', async () => {
    const page = await open();
    await page.click('#chooseFileFromAlbum-form button');
    await page.locator('#file-picked dd[data-key="size"]').waitFor(WAIT);
    await page.fill('#read-form [name=chunkSize]', '65536');
    await page.click('#read-form button');
    const read = page.locator('#file-progress-detail');
    const upload = page.locator('#upload-progress-detail');
    await expect
      .poll(() => read.textContent(), WAIT)
      .toMatch(/^[\d.]+ [kM]?B of 3\.50 MB · [\d.]+ [kM]?B\/s · \d+ (s|min \d\d s) left$/);
    await expect.poll(() => upload.textContent(), WAIT).toMatch(/ of 3\.50 MB · .+\/s · .+ left$/);
    await screenshot(page, 'progress-running', '#files .progress');
    await expect
      .poll(() => page.locator('#file-result dd[data-key="match"]').textContent(), WAIT)
      .toBe('✓ identical');
    expect(await read.textContent()).toMatch(/^3\.50 MB of 3\.50 MB · .+\/s · done$/);
    expect(await upload.textContent()).toMatch(/^3\.50 MB of 3\.50 MB · .+\/s · done$/);
    expect(await page.locator('#upload-progress').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(1);
    await screenshot(page, 'progress-done', '#files .progress');
  });
});
