// Bundle size: what a page pays for upsdk-kit, min+gzip -9.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const name = 'size';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bundle a one-line entry the way an app would (esbuild, minified, browser). */
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

export async function run() {
  const iife = await readFile(path.join(root, 'dist/upsdk-kit.iife.min.js'));
  const entries = {
    'IIFE (dist/upsdk-kit.iife.min.js)': iife,
    "ESM: import { createClient } from 'upsdk-kit'": await bundle(
      "export { createClient } from 'upsdk-kit';",
    ),
    "ESM: import { payInWallet } from 'upsdk-kit/wallets'": await bundle(
      "export { payInWallet, detectWallet } from 'upsdk-kit/wallets';",
    ),
    "ESM: import { installSimulator } from 'upsdk-kit/simulator'": await bundle(
      "export { installSimulator } from 'upsdk-kit/simulator';",
    ),
  };
  const rows = Object.entries(entries).map(([entry, bytes]) => ({
    entry,
    'min bytes': bytes.length,
    'min+gzip bytes': gzip(bytes),
  }));
  return { rows };
}
