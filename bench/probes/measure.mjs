// Core size probe from the sources (issue 12 budgets), without building dist/: node bench/probes/measure.mjs [--print]
import { Buffer } from 'node:buffer';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const entries = {
  "createClient(...).call('pay', {tn}) (core only)":
    "import { createClient } from '../../src/client/client.ts'; createClient({ signer: '/s' }).call('pay', { tn: '1' });",
  'UpsdkError alone': "export { UpsdkError } from '../../src/client/error.ts';",
};
for (const [name, contents] of Object.entries(entries)) {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  if (process.argv.includes('--print')) console.log(Buffer.from(bytes).toString('utf8'));
  console.log(`${name}: ${bytes.length} B min, ${gzipSync(bytes, { level: 9 }).length} B gz`);
}
