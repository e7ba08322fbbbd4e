/**
 * Global setup of the node suites: tests that run dist/ (the CLI, the multi-instance workers)
 * must never run a stale build. Rebuild when any source file is newer than the oldest of the
 * built files they use.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NODE_BUILT } from '../../build/entries.mjs';
import { isStale } from '../../build/stale.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = ['dist/cli.js', ...NODE_BUILT];
/** src/, the entry list rollup builds from, and its configuration. */
const SOURCES = ['src', 'build', 'rollup.config.mjs'];

export default function setup(): void {
  if (!isStale(root, BUILT, SOURCES)) return;
  console.info('dist/ is older than src/: running `npm run build` first');
  try {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run build failed:\n${String(stdout ?? '')}${String(stderr ?? '')}`);
  }
}
