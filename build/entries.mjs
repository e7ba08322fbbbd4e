// The browser entries of the package: `upsdk-kit` (the core, src/index.ts) and one subpath per
// family (`upsdk-kit/payment` → src/payment.ts, …). Read by rollup.config.mjs, the package.json
// check and the size bench, so adding an entry is one line here plus its `exports` block.
export const BROWSER_ENTRIES = [
  'index',
  'payment',
  'page',
  'device',
  'location',
  'media',
  'bluetooth',
  'hce',
  'applet',
  'events',
  'login',
  'wallets',
];
