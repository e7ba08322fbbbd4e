/** The package as a user's `npm install` puts it: packed, then unpacked under the app's node_modules. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Pack `root` into `work` (scripts not run: dist/ is built by the node suites' global setup),
 * unpack it as `app`/node_modules/upsdk-kit, and link its dependency and `devTools` from the
 * repository's node_modules (no network).
 */
export function installPacked(
  root: string,
  work: string,
  app: string,
  devTools: readonly string[] = [],
): void {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
    cwd: root,
    encoding: 'utf8',
  });
  const [packed] = JSON.parse(out) as { filename: string }[];
  const installed = path.join(app, 'node_modules', 'upsdk-kit');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(work, packed!.filename), '-C', installed, '--strip-components=1']);
  for (const name of ['eventemitter3', ...devTools]) {
    mkdirSync(path.dirname(path.join(app, 'node_modules', name)), { recursive: true });
    symlinkSync(path.join(root, 'node_modules', name), path.join(app, 'node_modules', name), 'dir');
  }
}
