/**
 * Every ```ts block of README.md compiles against the built package, as a
 * new user's strict TypeScript project would see it: `upsdk-kit/…` resolves
 * through node_modules and package.json `exports` to dist/, each block is its
 * own module, and the only names a block may use without importing them are
 * the reader's own (test/build/readme/context.d.ts). Blocks marked
 * `<!-- runnable -->` also run (readme-run.test.ts, readme-run-node.test.ts).
 *
 * `exactOptionalPropertyTypes` is on, as `tsc --init` sets it: every optional
 * option of the package accepts `undefined` (`process.env.X`, a maybe-value).
 * Samples listed in KNOWN_FAILURES are expected to fail for a reason in the
 * package, not in the sample; each such test turns red once the package is
 * fixed, so the entry is removed then.
 */
import { readmeBlocks, type ReadmeBlock } from './helpers/readme-blocks.js';
import { diagnosticsByFile, STRICT_APP_TSCONFIG, tscDiagnostics } from './helpers/tsc.js';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const work = path.join(root, 'test-results', 'readme-samples');

type Sample = ReadmeBlock;

const SAMPLES = readmeBlocks(root);

/** Samples that fail because of the package (by a snippet of their code), and why. */
const KNOWN_FAILURES: readonly { readonly code: string; readonly why: string }[] = [];

const knownFailure = (sample: Sample): string | undefined =>
  KNOWN_FAILURES.find((known) => sample.code.includes(known.code))?.why;

const TSCONFIG = { ...STRICT_APP_TSCONFIG, include: ['*.ts', 'context.d.ts'] };

/** tsc's diagnostics by file name. */
let diagnostics: Map<string, string[]>;

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'node_modules'), { recursive: true });
  // The package as an app sees it: under node_modules, resolved through its package.json.
  symlinkSync(root, path.join(work, 'node_modules', 'upsdk-kit'), 'dir');
  copyFileSync(path.join(__dirname, 'readme', 'context.d.ts'), path.join(work, 'context.d.ts'));
  writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  // `export {}` makes each block a module: its own scope, top-level await allowed.
  for (const sample of SAMPLES) writeFileSync(path.join(work, sample.file), `${sample.code}\nexport {};\n`);
  const output = tscDiagnostics(work, work);
  diagnostics = diagnosticsByFile(output);
  // Errors outside the samples (the context file, the package's types) fail every sample.
  const elsewhere = [...diagnostics.keys()].filter((file) => !SAMPLES.some((s) => s.file === file));
  if (elsewhere.length > 0) throw new Error(`tsc failed outside the samples:\n${output.join('\n')}`);
}, 120_000);

describe('README samples', () => {
  it('has TypeScript samples to check', () => {
    expect(SAMPLES.length).toBeGreaterThan(20);
  });

  const compiles = (sample: Sample): void => {
    expect(diagnostics.get(sample.file) ?? []).toEqual([]);
  };
  for (const sample of SAMPLES) {
    const why = knownFailure(sample);
    if (why === undefined)
      it(`the \`\`\`ts block at README.md:${sample.line} compiles under strict`, () => compiles(sample));
    else
      it.fails(`the \`\`\`ts block at README.md:${sample.line} does not compile yet: ${why}`, () =>
        compiles(sample),
      );
  }
});
