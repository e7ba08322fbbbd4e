/**
 * Running a README block as an app would: TypeScript transpiled to a module
 * (types erased), `upsdk-kit` and `upsdk-kit/<entry>` resolved through the
 * package's own `exports` to the built files in dist/, and the reader's
 * names (test/build/readme/context.d.ts) given as globals for the run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { ReadmeBlock } from './readme-blocks.js';

type Exports = Readonly<Record<string, string | { readonly import?: string }>>;

/** The file an app's `import … from specifier` loads, by package.json `exports` (the `import` condition). */
export function builtFileOf(root: string, specifier: string): string {
  const { exports } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    exports: Exports;
  };
  const entry = exports[specifier === 'upsdk-kit' ? '.' : `.${specifier.slice('upsdk-kit'.length)}`];
  const target = typeof entry === 'string' ? entry : entry?.import;
  if (target === undefined) throw new Error(`package.json exports nothing importable as '${specifier}'`);
  return path.join(root, target);
}

/** Transpile `block` into `dir` as an ES module importing dist/ by path; returns the module's path. */
export function compileBlock(root: string, block: ReadmeBlock, dir: string): string {
  const { outputText } = ts.transpileModule(`${block.code}\nexport {};\n`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    fileName: block.file,
    reportDiagnostics: false,
  });
  const code = outputText.replace(
    /(\bfrom\s*|\bimport\s*\(\s*)(['"])(upsdk-kit(?:\/[\w-]+)*)\2/g,
    (_match, before: string, quote: string, specifier: string) =>
      `${before}${quote}${builtFileOf(root, specifier)}${quote}`,
  );
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, block.file.replace(/\.ts$/, '.mjs'));
  writeFileSync(file, code);
  return file;
}

/**
 * Import the compiled block with `globals` defined for the run, and settle
 * within `bound` ms: a block that neither finishes nor fails is an error.
 * The globals are removed afterwards.
 */
export async function runBlock(
  file: string,
  globals: Readonly<Record<string, unknown>>,
  bound: number,
): Promise<void> {
  const scope = globalThis as Record<string, unknown>;
  const names = Object.keys(globals);
  for (const name of names) scope[name] = globals[name];
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      import(/* @vite-ignore */ file),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${path.basename(file)} did not settle within ${bound} ms`)),
          bound,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    for (const name of names) delete scope[name];
  }
}
