/**
 * A jsdom page for tests that run in plain Node (no DOM environment): the window to hand to
 * `installSimulator({ window })` and `createClient({ window })`. jsdom ships no types of its own.
 */
import { createRequire } from 'node:module';

type JsdomConstructor = new (
  html: string,
  options: { url: string },
) => { window: Window & { close(): void } };

const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomConstructor };

/** A blank page at `url`; close its window when done. */
export function jsdomWindow(url: string): Window & { close(): void } {
  return new JSDOM('<!doctype html><title>page</title>', { url }).window;
}
