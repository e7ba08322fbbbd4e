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
