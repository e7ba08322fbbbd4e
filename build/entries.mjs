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

// The server entries, one per family (`upsdk-kit/server` → dist/server.js, `upsdk-kit/server/acp` →
// dist/server-acp.js, …), built together by rollup.config.mjs.
export const SERVER_ENTRIES = {
  server: 'src/server/index.ts',
  'server-open-platform': 'src/server/open-platform/index.ts',
  'server-preorder': 'src/server/preorder/index.ts',
  'server-acp': 'src/server/acp/index.ts',
};

// The Node-side files in dist/ that the playground server and the node test suites run: the server
// entries and the two simulators. `npm start` and the tests' global setup rebuild when one is stale.
export const NODE_BUILT = [...Object.keys(SERVER_ENTRIES), 'simulator', 'simulator-acp'].map(
  (name) => `dist/${name}.js`,
);
