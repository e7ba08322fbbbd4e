// Debian's Chromium as the tests and benchmarks launch it. The network flags matter here: without
// them Chromium's background connections are refused by this closed network, many at a time.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags for headless Chromium as root, plus `extra` (e.g. `--js-flags=--expose-gc`). */
export function chromiumArgs(extra = []) {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...extra,
  ];
}
