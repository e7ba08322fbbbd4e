/**
 * Installing before the package is on the registry (README "Install"): the
 * packed tarball carries the licence and every built entry, and a git
 * install builds `dist/` (which is not committed) through `prepare`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  license: string;
};

/** The files `npm pack` would put in the tarball (scripts not run: dist/ is already built). */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
  });
  const [packed] = JSON.parse(out) as { files: { path: string }[] }[];
  return packed!.files.map((file) => file.path);
}

describe('installing from a tarball or git', () => {
  it('packs the MIT licence, the readme and every built entry', () => {
    const files = packedFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.js',
        'dist/payment.js',
        'dist/server.js',
        'dist/simulator.js',
        'dist/cli.js',
        'types/upsdk.d.ts',
      ]),
    );
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(
      /^MIT License\n\nCopyright \(c\) \d{4} upsdk-kit contributors\n/,
    );
  });

  it('builds dist/ on a git install: prepare runs the same rollup build as `npm run build`', () => {
    expect(pkg.scripts.prepare).toBe(pkg.scripts.build);
  });
});
