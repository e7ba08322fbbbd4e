/** Real Chromium (Debian's) driven by playwright-core, against the playground server on a loopback port. */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startServer } from '../../playground/server.mjs';
import { CHROMIUM, chromiumArgs } from '../../build/chromium.mjs';

/** Launch headless Chromium with the flags this closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: chromiumArgs() });
}

/** Start the playground server on a free loopback port. */
export async function startPlayground(): Promise<{ server: Server; url: string }> {
  const server = await startServer({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** A viewport size. */
export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** The phone the playground is checked on (an iPhone 12–15 in CSS pixels) and a desktop window. */
export const PHONE: Viewport = { width: 390, height: 844 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

/** A page that records console errors and page errors; `prepare` runs before it navigates (e.g. routes). */
export async function openPage(
  browser: Browser,
  url: string,
  prepare?: (page: Page) => Promise<unknown>,
  viewport: Viewport = { width: 412, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await prepare?.(page);
  await page.goto(url);
  return { page, errors };
}

/**
 * Register the hooks of a playground suite: one server and one browser for
 * the file, a fresh page per test whose console must stay clean.
 */
export function usePlayground(): {
  open(query?: string, prepare?: (page: Page) => Promise<unknown>, viewport?: Viewport): Promise<Page>;
  /**
   * Console errors matching `pattern` are expected in the current test (Chromium logs every HTTP
   * error answer of a fetch, e.g. a server refusing a request on purpose).
   */
  expectConsoleErrors(pattern: RegExp): void;
} {
  let browser: Browser;
  let server: Server;
  let url: string;
  let current: { page: Page; errors: string[] } | undefined;
  let expected: RegExp | undefined;
  beforeAll(async () => {
    ({ server, url } = await startPlayground());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });
  afterEach(async () => {
    const allowed = expected;
    const errors = (current?.errors ?? []).filter((error) => !allowed?.test(error));
    await current?.page.close();
    current = undefined;
    expected = undefined;
    expect(errors).toEqual([]);
  });
  return {
    async open(query = '', prepare?: (page: Page) => Promise<unknown>, viewport?: Viewport) {
      current = await openPage(browser, url + query, prepare, viewport);
      return current.page;
    },
    expectConsoleErrors(pattern) {
      expected = pattern;
    },
  };
}
