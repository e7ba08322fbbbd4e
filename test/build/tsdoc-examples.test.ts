/**
 * Every `@example` of the public API compiles as a user's strict TypeScript
 * module against the built package, like the README's blocks
 * (readme-samples.test.ts): the names the example uses from upsdk-kit are
 * imported from the entry that exports them, and the reader's own names come
 * from test/build/readme/context.d.ts and test/build/tsdoc/context.d.ts. Issue 23: the `installSimulator`
 * example called a `signForSimulator` that does not exist.
 */
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asModule, tsdocExamples } from './helpers/tsdoc-examples.js';
import { diagnosticsByFile, STRICT_APP_TSCONFIG, tscDiagnostics } from './helpers/tsc.js';

const root = path.resolve(__dirname, '../..');
const work = path.join(root, 'test-results', 'tsdoc-examples');
const { names, examples } = tsdocExamples(root);

const TSCONFIG = { ...STRICT_APP_TSCONFIG, include: ['*.ts', 'context.d.ts', 'tsdoc-context.d.ts'] };

let diagnostics: Map<string, string[]>;

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'node_modules', '@types'), { recursive: true });
  symlinkSync(root, path.join(work, 'node_modules', 'upsdk-kit'), 'dir');
  symlinkSync(
    path.join(root, 'node_modules/@types/node'),
    path.join(work, 'node_modules/@types/node'),
    'dir',
  );
  copyFileSync(path.join(__dirname, 'readme', 'context.d.ts'), path.join(work, 'context.d.ts'));
  copyFileSync(path.join(__dirname, 'tsdoc', 'context.d.ts'), path.join(work, 'tsdoc-context.d.ts'));
  writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  for (const example of examples) writeFileSync(path.join(work, example.file), asModule(example, names));
  diagnostics = diagnosticsByFile(tscDiagnostics(work, work));
}, 120_000);

describe('TSDoc examples of the public API', () => {
  it('finds the examples of every entry, installSimulator and pay among them', () => {
    expect(examples.length).toBeGreaterThan(60);
    const owners = examples.map((example) => example.owner);
    expect(owners).toEqual(
      expect.arrayContaining(['upsdk-kit/simulator:installSimulator', 'upsdk-kit/payment:pay']),
    );
  });

  it('compiles no file but the examples with errors (context, package types)', () => {
    const elsewhere = [...diagnostics.keys()].filter(
      (file) => !examples.some((example) => example.file === file),
    );
    expect(elsewhere.map((file) => diagnostics.get(file))).toEqual([]);
  });

  for (const example of examples) {
    it(`the example of ${example.owner} (${example.where}) compiles under strict`, () => {
      expect(diagnostics.get(example.file) ?? []).toEqual([]);
    });
  }
});
