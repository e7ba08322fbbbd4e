// Bundle size: what a page pays for upsdk-kit, min+gzip -9, against the budgets of the modular surface.
// Each row bundles a small page the way an app would (esbuild: bundle, minify, ESM, browser, es2020)
// from the built package (dist/, through package.json `exports`), so rerunning after any change to
// src/ needs only `npm run bench -- size` (which builds first).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_ENTRIES } from '../../build/entries.mjs';

export const name = 'size';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const subpath = (entry) => (entry === 'index' ? 'upsdk-kit' : `upsdk-kit/${entry}`);
const everything = (entries) => entries.map((entry) => `export * from '${subpath(entry)}';`).join('\n');

/** Bundle a small page the way an app would (esbuild, minified, browser). */
async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/** The table: what the page imports, its budget in gzip bytes (undefined: measured only). */
const PAGES = [
  { page: '`UpsdkError` alone', budget: 400, code: "export { UpsdkError } from 'upsdk-kit';" },
  {
    page: '`createClient` + `call`',
    budget: 2700,
    code: "import { createClient } from 'upsdk-kit';\nexport const run = (tn) => createClient({ signer: '/s' }).call('pay', { tn });",
  },
  {
    page: '`createClient` + `pay`',
    budget: 2900,
    code: "import { createClient } from 'upsdk-kit';\nimport { pay } from 'upsdk-kit/payment';\nexport const run = (tn) => pay(createClient({ signer: '/s' }), { tn });",
  },
  {
    page: 'core + payment, page, device, location (all their exports)',
    budget: 5500,
    code: everything(['index', 'payment', 'page', 'device', 'location']),
  },
  {
    // Issue 12's budget covers its entries; wallets (issue 15) came later and is measured beside it.
    page: 'everything in every browser entry but wallets',
    budget: 13000,
    code: everything(BROWSER_ENTRIES.filter((entry) => entry !== 'wallets')),
  },
  { page: 'everything in every browser entry', code: everything(BROWSER_ENTRIES) },
  {
    page: '`payInWallet` + `detectWallet` (upsdk-kit/wallets)',
    code: "export { payInWallet, detectWallet } from 'upsdk-kit/wallets';",
  },
  {
    page: '`installSimulator` (upsdk-kit/simulator, tests only)',
    code: "export { installSimulator } from 'upsdk-kit/simulator';",
  },
];

export async function run() {
  const rows = [];
  const measured = [];
  for (const { page, budget, code } of PAGES) measured.push({ page, budget, bytes: await bundle(code) });
  measured.push({
    page: 'the IIFE file (dist/upsdk-kit.iife.min.js)',
    budget: 13500,
    bytes: await readFile(path.join(root, 'dist/upsdk-kit.iife.min.js')),
  });
  for (const { page, budget, bytes } of measured) {
    const gz = gzip(bytes);
    rows.push({
      import: page,
      'min bytes': bytes.length,
      'min+gzip bytes': gz,
      budget: budget ?? '—',
      result: budget === undefined ? '—' : gz <= budget ? 'pass' : 'FAIL',
    });
  }
  const failed = rows.filter((row) => row.result === 'FAIL').length;
  const notes = [
    'esbuild bundle + minify, ESM, browser, es2020; gzip level 9. Budgets from issue 12.',
    failed === 0 ? 'all budgets met' : `${failed} budget(s) exceeded`,
  ];
  return { rows, notes };
}
