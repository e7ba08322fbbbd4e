/**
 * Installing before the package is on the registry (README "Install"): the
 * packed tarball carries the licence and every built entry, and a git
 * install builds `dist/` (which is not committed) through `prepare`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  license: string;
  repository?: { type: string; url: string };
};

/** `npm pack --dry-run`'s file list and what npm said on stderr (scripts not run: dist/ is already built). */
function packDryRun(): { files: string[]; stderr: string } {
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
  });
  const [packed] = JSON.parse(run.stdout) as { files: { path: string }[] }[];
  return { files: packed!.files.map((file) => file.path), stderr: run.stderr };
}

/** What an app needs besides dist/ and types/. */
const DOCUMENTS = ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json'];

describe('installing from a tarball or git', () => {
  it('packs the MIT licence, the readme and every built entry', () => {
    const { files } = packDryRun();
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.js',
        'dist/payment.js',
        'dist/server.js',
        'dist/server-open-platform.js',
        'dist/server-preorder.js',
        'dist/server-acp.js',
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

  it('packs nothing but dist/, types/ and the documents, and npm warns about nothing', () => {
    const { files, stderr } = packDryRun();
    expect(files.filter((file) => !/^(dist|types)\//.test(file) && !DOCUMENTS.includes(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(DOCUMENTS));
    expect(stderr).not.toMatch(/warn|error/i);
  });

  it('names its git repository, and the README installs from the registry and from that URL', () => {
    expect(pkg.repository).toMatchObject({
      type: 'git',
      url: expect.stringMatching(/^git\+https:\/\/.+\.git$/),
    });
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const install = readme.slice(
      readme.indexOf('\n## Install'),
      readme.indexOf('\n## ', readme.indexOf('\n## Install') + 1),
    );
    expect(install).toContain('npm install upsdk-kit\n');
    expect(install).toContain(`npm install ${pkg.repository!.url}#v`);
    // No placeholder left for the reader to fill in (<repository-url>, <host>, …).
    expect(install).not.toMatch(/<[a-z-]+>/);
  });

  it('keeps packed tarballs out of git (.gitignore)', () => {
    const ignored = spawnSync('git', ['check-ignore', '-q', 'upsdk-kit-0.1.0.tgz'], { cwd: root });
    expect(ignored.status).toBe(0);
  });

  it('builds dist/ on a git install: prepare runs the same rollup build as `npm run build`', () => {
    expect(pkg.scripts.prepare).toBe(pkg.scripts.build);
  });
});
