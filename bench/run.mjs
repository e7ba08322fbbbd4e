// `npm run bench`: runs every suite in bench/suites (or those named on the command line),
// prints one table per suite and writes all results to bench/results/latest.json.
// Each suite module exports `name` and `async run()` returning { rows, ratios?, notes? }:
// rows are plain objects (one per measured variant), ratios compare variants measured in the same run.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = (await readdir(path.join(here, 'suites'))).filter((f) => f.endsWith('.mjs')).sort();
const results = { date: new Date().toISOString(), node: process.version, suites: {} };

for (const file of files) {
  const suite = await import(pathToFileURL(path.join(here, 'suites', file)).href);
  if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
  console.log(`\n## ${suite.name}`);
  const result = await suite.run();
  console.table(result.rows);
  if (result.ratios) console.table(result.ratios);
  for (const note of result.notes ?? []) console.log(`- ${note}`);
  results.suites[suite.name] = result;
}

await mkdir(path.join(here, 'results'), { recursive: true });
const out = path.join(here, 'results', 'latest.json');
await writeFile(out, JSON.stringify(results, null, 2));
console.log(`\nwritten ${path.relative(process.cwd(), out)}`);
