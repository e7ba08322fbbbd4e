import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlayground } from './browser.js';

const RESULTS = path.resolve(__dirname, '../../test-results');
const WAIT = { timeout: 15_000 };

const playground = usePlayground();
const open = (query = ''): Promise<Page> => playground.open(query);

/** The newest log line that contains `text`. */
async function logLine(page: Page, text: string): Promise<string> {
  const line = page.locator('#log li', { hasText: text }).first();
  await line.waitFor(WAIT);
  return (await line.textContent()) ?? '';
}

/** The value shown for `key` in a facts list. */
/** The parts of the device report the tests read. */
interface DeviceReport {
  readonly mode: string;
  readonly configured: boolean;
  readonly jsApiList: readonly string[];
  readonly userAgentTokens: Readonly<Record<string, string>>;
  readonly plugins: readonly { readonly name: string; readonly onGlobal: boolean }[];
  readonly probes: Readonly<Record<string, { readonly ok: boolean; readonly result?: unknown }>>;
}

const fact = (page: Page, list: string, key: string) => page.locator(`#${list} dd[data-key="${key}"]`);

describe('playground in simulator mode', () => {
  it('says it runs against the simulator', async () => {
    const page = await open();
    await expect(page.locator('#banner').textContent()).resolves.toContain('Simulator mode');
  });

  it('pays with pay(client) through the signer and the simulated bridge', async () => {
    const page = await open();
    await page.click('#pay-form button');
    expect(await logLine(page, 'pay')).toMatch(/^pay → done \(\d+ ms\)$/);
  });

  it('shows the code of a failed payment', async () => {
    const page = await open();
    await page.fill('#fault-form [name=plugin]', 'pay');
    await page.selectOption('#fault-form [name=fault]', 'no permission (c02)');
    await page.click('#fault-form button');
    await page.click('#pay-form button');
    expect(await logLine(page, 'pay ✗')).toContain('c02');
  });

  it('shows a typed invalid_param error for a bad input', async () => {
    const page = await open();
    await page.fill('#setScreenBrightness-form [name=brightness]', '2');
    await page.click('#setScreenBrightness-form button');
    const line = await logLine(page, 'setScreenBrightness ✗');
    expect(line).toContain('invalid_param');
    expect(line).toContain('brightness');
  });

  it('shows the chosen picture through a blob: URL', async () => {
    const page = await open();
    await page.click('#chooseImage-form button');
    const image = page.locator('#chosen-image');
    await image.waitFor(WAIT);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth), WAIT).toBe(320);
  });

  it('delivers right-button clicks as events', async () => {
    const page = await open();
    await page.click('#setNavigationBarRightButton-form button');
    await logLine(page, 'setNavigationBarRightButton →');
    await page.click('#sim-tap-right');
    await logLine(page, '⚡ rightButtonClick');
  });

  it('reads a multi-MB album file with progress to 100 % and uploads it with a matching SHA-256', async () => {
    const page = await open();
    await page.click('#chooseFileFromAlbum-form button');
    await expect.poll(() => fact(page, 'file-picked', 'size').textContent(), WAIT).toBe('3500000');
    await page.click('#read-form button');
    const match = fact(page, 'file-result', 'match');
    await expect.poll(() => match.textContent(), WAIT).toBe('✓ identical');
    expect(await page.locator('#file-progress-label').textContent()).toBe('100 %');
    expect(await page.locator('#file-progress').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(1);
    const local = await fact(page, 'file-result', 'SHA-256 (read)').textContent();
    expect(local).toMatch(/^[0-9a-f]{64}$/);
    expect(await fact(page, 'file-result', 'SHA-256 (server)').textContent()).toBe(local);
    expect(await fact(page, 'file-result', 'size').textContent()).toBe('3,500,000 bytes');
  });

  it('lists a scanned device live, connects and shows changing notified values', async () => {
    const page = await open();
    await page.click('#ble-scan');
    const device = page.locator('#ble-devices li[data-device-id="SIM:HRM:01"]');
    await device.waitFor(WAIT);
    expect(await device.textContent()).toContain('Simulated HRM');
    await page.click('#ble-stop');
    await logLine(page, 'bluetooth.scan →');
    await device.locator('.ble-connect').click();
    const service = page.locator('#ble-services li[data-service="180D"]');
    await service.waitFor(WAIT);
    await service.locator('.ble-characteristics').click();
    const measurement = service.locator('li[data-characteristic="2A37"]');
    await measurement.locator('.ble-notify').click();
    const value = measurement.locator('.ble-value');
    await expect.poll(() => value.textContent(), WAIT).toContain('notify #1');
    const first = await value.textContent();
    await expect.poll(() => value.textContent(), WAIT).toContain('notify #2');
    expect((await value.textContent())?.split(' · ')[0]).not.toBe(first?.split(' · ')[0]);
    await measurement.locator('.ble-notify-stop').click();
    await logLine(page, 'bluetooth.notifications →');
  });

  it('starts HCE and lists the reader’s commands as they arrive', async () => {
    const page = await open();
    await page.click('#hce-start-form button');
    const messages = page.locator('#hce-messages li');
    await expect.poll(() => messages.count(), WAIT).toBeGreaterThanOrEqual(2);
    expect(await messages.last().textContent()).toContain('00 A4 04 00');
    await page.click('#hce-stop');
    await logLine(page, 'hce.stop →');
  });

  it('signs in end to end and shows the openId', async () => {
    const page = await open();
    await page.selectOption('#login-form [name=scope]', 'upapi_mobile');
    await page.click('#login-form button');
    // The page goes to the fake authorize page, comes back with ?code=…&state=… and completes.
    const openId = fact(page, 'login-session', 'openId');
    await openId.waitFor(WAIT);
    expect(await openId.textContent()).not.toBe('');
    expect(await fact(page, 'login-session', 'mobile').textContent()).toBe('13800138000');
    expect(page.url()).not.toContain('code=');
  });

  it('runs the pay-password story: verifyPwdSeqId on the server, verifyPayPwd on the page, the notification back', async () => {
    const page = await open();
    await page.click('#pay-password-form button');
    const notification = fact(page, 'pay-password-story', 'notification');
    await expect.poll(() => notification.textContent(), WAIT).toBe('pay_password_verified');
    expect(await fact(page, 'pay-password-story', 'transNo').textContent()).toMatch(/^[0-9A-F]{32}$/);
  });

  it('downloads a device report that is valid JSON', async () => {
    const page = await open();
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.click('#report-download'),
    ]);
    const report = JSON.parse(await readFile(await download.path(), 'utf8')) as DeviceReport;
    expect(report.mode).toBe('simulator');
    expect(report.configured).toBe(true);
    expect(report.jsApiList).toEqual(expect.arrayContaining(['pay']));
    expect(report.userAgentTokens).toMatchObject({ updebug: '0' });
    expect(report.plugins.find((p) => p.name === 'startHCE')).toMatchObject({ onGlobal: true });
    expect(report.probes).toMatchObject({
      getScreenBrightness: { ok: true, result: 0.5 },
      getHCEState: { ok: true },
      bluetoothAdapter: { ok: true },
      getLocationCity: { ok: true, result: '310100' },
    });
  });

  it('loads the on-device console with ?debug=1 on the page copy whose CSP allows its styles', async () => {
    const page = await open('?debug=1');
    await page.waitForURL(/\/debug\.html\?debug=1$/, WAIT);
    await page.locator('#eruda').waitFor({ state: 'attached', ...WAIT });
    await expect(page.locator('#banner').textContent()).resolves.toContain('Simulator mode');
  });

  it('renders a tidy full-page screenshot into test-results/', async () => {
    const page = await open();
    await page.click('#pay-form button');
    await page.click('#chooseImage-form button');
    await page.locator('#chosen-image').waitFor(WAIT);
    await page.click('#ble-scan');
    await page.locator('#ble-devices li').nth(1).waitFor(WAIT);
    await page.click('#ble-stop');
    await page.click('#chooseFileFromAlbum-form button');
    await fact(page, 'file-picked', 'size').waitFor(WAIT);
    await page.click('#read-form button');
    await expect.poll(() => fact(page, 'file-result', 'match').textContent(), WAIT).toBe('✓ identical');
    // Nothing may be wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
    await mkdir(RESULTS, { recursive: true });
    const file = path.join(RESULTS, 'playground.png');
    await page.screenshot({ path: file, fullPage: true });
    expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
  });
});

/**
 * A stand-in for the vendor's script, served at its URL (the tests run offline, and the vendor's
 * script is not ours to ship): just enough of upsdk.js to reach the simulated native layer through
 * `window.cordova` — deviceready, config, ready/error, pay.
 */
const STAND_IN_UPSDK = `(function () {
  var queue = [], onError, configured = false, up = false, pending;
  var exec = function (ok, fail, service, action, params) { window.cordova.exec(ok, fail, service, action, [params]); };
  var send = function (params) {
    exec(function () { configured = true; queue.forEach(function (cb) { cb(); }); },
      function (failure) { if (onError) onError(failure); }, 'UPWebSdk', 'config', params);
  };
  document.addEventListener('deviceready', function () { up = true; if (pending) send(pending); });
  window.upsdk = {
    config: function (options) {
      var copy = {};
      for (var key in options) if (key !== 'debug' && typeof options[key] !== 'function') copy[key] = options[key];
      if (up) send(copy); else pending = copy;
    },
    ready: function (cb) { if (configured) cb(); else queue.push(cb); },
    error: function (cb) { onError = cb; },
    pay: function (o) { exec(o.success, function (e) { if (o.fail) o.fail({ msg: String(e && e.msg || e) }); }, 'UPWebPay', 'pay', { tn: o.tn }); }
  };
})();`;

describe('playground with the vendor script switched to real', () => {
  it('installs only the native layer and pays through a script loaded from the vendor host', async () => {
    const fetched: string[] = [];
    const page = await playground.open('?vendor=real', (page) =>
      page.route('https://open.95516.com/**', async (route) => {
        fetched.push(route.request().url());
        await route.fulfill({ contentType: 'text/javascript', body: STAND_IN_UPSDK });
      }),
    );
    await expect(page.locator('#banner').textContent()).resolves.toContain('real (loaded from the vendor');
    expect(await page.evaluate(() => ['cordova' in window, 'upsdk' in window])).toEqual([true, false]);
    await page.click('#pay-form button');
    expect(await logLine(page, 'pay')).toMatch(/^pay → done \(\d+ ms\)$/);
    expect(fetched).toEqual(['https://open.95516.com/s/open/js/upsdk.js']);
  });
});
