/**
 * README "Your first page in 5 minutes", followed literally by a new user (issue 23): a fresh app
 * with the packed package, the README's index.html, page.ts and strict tsconfig.json, its three
 * commands (tsc, the signer with --simulate, esbuild serving the page), then real Chromium on the
 * page: Pay ends paid, Heart rate shows the demo monitor's reading. The only liberties: loopback
 * ports chosen by the system instead of 8787 and 8000 (the page's signer URL follows), and the
 * tools linked from this repository instead of downloaded.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, PHONE } from './browser.js';
import { installPacked } from '../build/helpers/packed.js';

const root = path.resolve(__dirname, '../..');
const TIMEOUT = 120_000;

/** The blocks of the section, by their `<!-- first-page: name -->` marker. */
function firstPageBlocks(): Map<string, string> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Your first page in 5 minutes\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = new Map<string, string>();
  for (const match of section.matchAll(/<!-- first-page: (\S+) -->\s*```\w+\n([^]*?)\n```/g))
    blocks.set(match[1]!, match[2]!);
  return blocks;
}

/** The first line of a long-running command's output that matches `pattern`. */
function waitFor(child: ChildProcess, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no ${pattern} in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}:\n${output}`)));
  });
}

const blocks = firstPageBlocks();
const children: ChildProcess[] = [];
let work: string;
let app: string;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'upsdk-first-page-'));
  app = path.join(work, 'my-page');
  // `npm install upsdk-kit` (the packed package) and `npm install --save-dev esbuild typescript`.
  installPacked(root, work, app, ['esbuild', 'typescript']);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'my-page', private: true }));
  browser = await launch();
}, TIMEOUT);

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `npx <tool> …` of the README, run from the app's node_modules. */
function npx(command: string): { bin: string; args: string[] } {
  const [tool, ...args] = command.replace(/^npx /, '').split(' ');
  const bins: Record<string, string> = {
    tsc: 'typescript/bin/tsc',
    'upsdk-kit': 'upsdk-kit/dist/cli.js',
    esbuild: 'esbuild/bin/esbuild',
  };
  if (!bins[tool!]) throw new Error(`the README runs a tool this test does not know: ${command}`);
  return { bin: path.join(app, 'node_modules', bins[tool!]!), args };
}

describe('README "Your first page in 5 minutes", followed by a new user', () => {
  it('gives index.html, page.ts, tsconfig.json and the commands to run', () => {
    expect([...blocks.keys()].sort()).toEqual(['index.html', 'page.ts', 'run', 'tsconfig.json']);
    expect(blocks.get('run')!.split('\n')).toEqual([
      'npx tsc',
      'npx upsdk-kit serve --simulate',
      expect.stringMatching(/^npx esbuild page\.ts --bundle .*--serve=127\.0\.0\.1:8000$/),
    ]);
    expect(JSON.parse(blocks.get('tsconfig.json')!)).toMatchObject({
      compilerOptions: { strict: true, exactOptionalPropertyTypes: true },
    });
  });

  it(
    'type-checks strictly, signs with --simulate, and pays and reads the heart rate on its own page',
    async () => {
      const [tsc, serve, esbuild] = blocks.get('run')!.split('\n').map(npx);
      // 1. The signer first: its port goes into the page in place of 8787.
      const signer = spawn(process.execPath, [serve!.bin, ...serve!.args, '--port', '0'], {
        cwd: app,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(signer);
      const [, signerOrigin] = await waitFor(
        signer,
        /listening on (http:\/\/127\.0\.0\.1:\d+)\//,
        'upsdk-kit serve',
      );
      const page = blocks.get('page.ts')!;
      expect(page).toContain("'http://127.0.0.1:8787/upsdk/signature'");
      writeFileSync(path.join(app, 'page.ts'), page.replace('http://127.0.0.1:8787', signerOrigin!));
      writeFileSync(path.join(app, 'index.html'), blocks.get('index.html')!);
      writeFileSync(path.join(app, 'tsconfig.json'), blocks.get('tsconfig.json')!);

      // 2. npx tsc: strict, no errors.
      execFileSync(process.execPath, [tsc!.bin, ...tsc!.args], { cwd: app, encoding: 'utf8' });

      // 3. esbuild bundles and serves the page (it serves while its stdin stays open).
      const args = esbuild!.args.map((arg) => arg.replace('--serve=127.0.0.1:8000', '--serve=127.0.0.1:0'));
      const server = spawn(esbuild!.bin, args, { cwd: app, stdio: ['pipe', 'pipe', 'pipe'] });
      children.push(server);
      const [, pageUrl] = await waitFor(server, /(http:\/\/127\.0\.0\.1:\d+\/)/, 'esbuild --serve');

      // 4. Open it in Chromium at phone size; click as a user would.
      const { page: tab, errors } = await openPage(browser, pageUrl!, undefined, PHONE);
      try {
        const out = tab.locator('output');
        await tab.click('#pay');
        await expect
          .poll(() => out.textContent(), { timeout: 15_000 })
          .toBe('paid (confirm it on your server)');
        await tab.click('#heart');
        await expect.poll(() => out.textContent(), { timeout: 15_000 }).toBe('heart rate 72 bpm');
        expect(errors).toEqual([]);
      } finally {
        await tab.close();
      }
    },
    TIMEOUT,
  );
});
