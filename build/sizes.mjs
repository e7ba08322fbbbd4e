// What a page pays for upsdk-kit, min + gzip -9, against the budgets of issue 23 ("the core at its
// floor"). One definition for `npm run bench -- size` (the table) and test/build/size-budgets.test.ts
// (the guard CI runs): each page is bundled the way an app would (esbuild: bundle, minify, ESM,
// browser, es2020) from the built package (dist/, through package.json `exports`).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_ENTRIES } from './entries.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const subpath = (entry) => (entry === 'index' ? 'upsdk-kit' : `upsdk-kit/${entry}`);
const everything = (entries) => entries.map((entry) => `export * from '${subpath(entry)}';`).join('\n');

/** Bytes of `bytes` after gzip -9. */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bundle a small page the way an app would (esbuild, minified, browser). */
export async function bundlePage(contents) {
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

/**
 * The measured pages: what the page imports (`code`, or the built IIFE `file`) and its budget in
 * gzip bytes (undefined: measured only). "Everything" in the budgets is every entry but wallets
 * (issue 12's entries; wallets came later and is measured beside it).
 */
export const SIZE_PAGES = [
  { page: '`UpsdkError` alone', budget: 400, code: "export { UpsdkError } from 'upsdk-kit';" },
  {
    page: '`createClient` + `call`',
    budget: 3500,
    code: "import { createClient } from 'upsdk-kit';\nexport const run = (tn) => createClient({ signer: '/s' }).call('pay', { tn });",
  },
  {
    page: '`createClient` + `pay`',
    budget: 3650,
    code: "import { createClient } from 'upsdk-kit';\nimport { pay } from 'upsdk-kit/payment';\nexport const run = (tn) => pay(createClient({ signer: '/s' }), { tn });",
  },
  {
    page: 'core + payment, page, device, location (all their exports)',
    budget: 6550,
    code: everything(['index', 'payment', 'page', 'device', 'location']),
  },
  {
    page: 'everything in every browser entry but wallets',
    budget: 16900,
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
  // Issue 23's figure, with eventemitter3 kept: every entry inlined, the wallets included. The IIFE
  // build shortens private property names and drops CommonJS interop (rollup.config.mjs), and the
  // internal queue and subscription hub are closures, not classes.
  { page: 'the IIFE file (dist/upsdk-kit.iife.min.js)', budget: 18000, file: 'dist/upsdk-kit.iife.min.js' },
];

/** Measure every page of {@link SIZE_PAGES} (build first): sizes, budget, and whether it is met. */
export async function measureSizes() {
  const measured = [];
  for (const { page, budget, code, file } of SIZE_PAGES) {
    const bytes = file ? await readFile(path.join(root, file)) : await bundlePage(code);
    const gzip = gzipSize(bytes);
    measured.push({ page, min: bytes.length, gzip, budget, met: budget === undefined || gzip <= budget });
  }
  return measured;
}
