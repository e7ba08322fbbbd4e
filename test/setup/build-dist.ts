/**
 * Global setup of the node suites: tests that run dist/ (the CLI, the multi-instance workers)
 * must never run a stale build. Rebuild when any source file is newer than the oldest of the
 * built files they use.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = ['dist/cli.js', 'dist/server.js', 'dist/simulator.js'];

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const builtAt = (): number =>
  Math.min(
    ...BUILT.map((file) => {
      try {
        return statSync(path.join(root, file)).mtimeMs;
      } catch {
        return 0;
      }
    }),
  );

export default function setup(): void {
  const sources = Math.max(
    newestIn(path.join(root, 'src')),
    newestIn(path.join(root, 'build')), // the entry list rollup builds from
    statSync(path.join(root, 'rollup.config.mjs')).mtimeMs,
  );
  if (builtAt() >= sources) return;
  console.info('dist/ is older than src/: running `npm run build` first');
  try {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run build failed:\n${String(stdout ?? '')}${String(stderr ?? '')}`);
  }
}
