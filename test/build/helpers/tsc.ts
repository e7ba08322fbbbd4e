/** The repository's own tsc, run on a throw-away project the way an app would compile against the package. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const TSC = path.resolve(__dirname, '../../../node_modules/typescript/bin/tsc');

/**
 * Compile `project` (a tsconfig path, relative to `cwd`) and return tsc's
 * diagnostics, one string each: its `file(line,col): error …` line followed
 * by tsc's indented explanation. Empty when it compiles.
 */
export function tscDiagnostics(project: string, cwd: string): string[] {
  try {
    execFileSync(process.execPath, [TSC, '-p', project], { cwd, encoding: 'utf8' });
    return [];
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error);
    return output
      .split(/\n(?=\S)/)
      .map((diagnostic) => diagnostic.trimEnd())
      .filter((diagnostic) => diagnostic.trim() !== '');
  }
}

/** A new user's strict app compiling against the package: the options of `tsc --init`'s strictness, bundler resolution. */
export const STRICT_APP_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: true,
  },
} as const;

/**
 * {@link tscDiagnostics}'s output by file name: `line N: error …` and tsc's explanation. A
 * diagnostic of no file (a bad tsconfig, two files differing in case) is listed under `''`.
 */
export function diagnosticsByFile(output: readonly string[]): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const diagnostic of output) {
    const [first = '', ...explanation] = diagnostic.split('\n');
    const match = /^(\S+?\.ts)\((\d+),\d+\): (error .*)$/.exec(first);
    const file = match ? path.basename(match[1]!) : '';
    const lines = match ? [`line ${match[2]}: ${match[3]}`, ...explanation] : [diagnostic];
    byFile.set(file, [...(byFile.get(file) ?? []), ...lines]);
  }
  return byFile;
}
