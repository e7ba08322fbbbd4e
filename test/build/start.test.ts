/**
 * `npm start` on a fresh clone (issue 23): `npm ci`'s `prepare` has just built everything, so start
 * must not build a second time; and when a source did change, it builds only what the playground
 * runs — ESM, no declaration files, no CommonJS, no IIFE.
 */
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale } from '../../build/stale.mjs';

const root = path.resolve(__dirname, '../..');
const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as {
  scripts: Record<string, string>;
};

/** The output files rollup.config.mjs would write under `environment`. */
function plannedOutputs(environment: Record<string, string>): string[] {
  const code = `const configs = (await import('./rollup.config.mjs')).default;
const files = configs.flatMap((config) => [config.output].flat().map((out) => out.file ?? out.dir + '/'));
const dts = configs.filter((config) => config.plugins.some((plugin) => plugin?.name === 'dts'));
console.log(JSON.stringify({ files, dts: dts.length }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    env: { ...process.env, ...environment },
    encoding: 'utf8',
  });
  const { files, dts } = JSON.parse(out) as { files: string[]; dts: number };
  return dts > 0 ? [...files, `${dts} declaration builds`] : files;
}

describe('npm start', () => {
  it('runs build/start.mjs, which builds only when stale, and prepare still builds everything', () => {
    expect(pkg.scripts.start).toBe('node build/start.mjs');
    expect(pkg.scripts.prepare).toBe('rollup -c');
  });

  it('builds only the playground targets when it has to build: ESM server and simulator (ACP ones too), the page', () => {
    expect(plannedOutputs({ UPSDK_BUILD: 'playground' })).toEqual([
      'dist/simulator.js',
      'dist/', // the four server entries, built together (server, -open-platform, -preorder, -acp)
      'dist/simulator-acp.js',
      'playground/build/',
    ]);
    // The full build (prepare, npm run build) keeps every target, declarations included.
    expect(plannedOutputs({})).toEqual(
      expect.arrayContaining([
        'dist/simulator.cjs',
        'dist/cli.js',
        expect.stringMatching(/declaration builds$/),
      ]),
    );
  });

  it('serves the playground without building when the build is fresh, within 15 s', async () => {
    const stale = isStale(
      root,
      ['dist/server.js', 'dist/simulator.js', 'playground/build/main.js'],
      ['src', 'playground/src', 'build/entries.mjs', 'rollup.config.mjs'],
    );
    const child = spawn(process.execPath, ['build/start.mjs'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', UPSDK_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not serving after 15 s:\n${output}`)), 15_000);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const match = /playground: (http:\/\/\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      expect((await fetch(url)).status).toBe(200);
      // Fresh (as after `npm ci`): no second build. Stale (a source edited since): one small build.
      expect(output.includes('building the playground')).toBe(stale);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
