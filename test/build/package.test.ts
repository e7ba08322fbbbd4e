import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_ENTRIES } from '../../build/entries.mjs';

// These check the built package (CI runs `npm run build` before `npm test`).
const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, Record<string, string> | string>;
  typesVersions: Record<string, Record<string, string[]>>;
};
/** The browser entries as package specifiers: `upsdk-kit`, `upsdk-kit/payment`, …. */
const BROWSER_SPECIFIERS = BROWSER_ENTRIES.map((entry) =>
  entry === 'index' ? 'upsdk-kit' : `upsdk-kit/${entry}`,
);
/** The server entries: the signer and one per upstream family. */
const SERVER_SPECIFIERS = [
  'upsdk-kit/server',
  'upsdk-kit/server/open-platform',
  'upsdk-kit/server/preorder',
  'upsdk-kit/server/acp',
];
const node = (code: string, type: 'module' | 'commonjs' = 'module'): string =>
  execFileSync(process.execPath, ['--input-type', type, '-e', code], { cwd: root, encoding: 'utf8' }).trim();

describe('built package', () => {
  it('lists types first in every conditional export and ships every file it names', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      expect(Object.keys(target)[0], subpath).toBe('types');
      for (const file of Object.values(target)) expect(existsSync(path.join(root, file)), file).toBe(true);
    }
  });

  it('imports in plain Node without touching window (SSR-safe)', () => {
    const out = node(
      "const m = await import('upsdk-kit'); const c = m.createClient({ signer: '/s' }); console.log(typeof m.createClient, typeof c.call, typeof globalThis.window)",
    );
    expect(out).toBe('function function undefined');
  });

  it('rejects a call outside a browser with UpsdkUnavailableError instead of throwing at import', () => {
    const out = node(
      "const m = await import('upsdk-kit'); const c = m.createClient({ signer: '/s' }); try { await c.call('pay', { tn: 't' }) } catch (e) { console.log(e.name, e.code) }",
    );
    expect(out).toBe('UpsdkUnavailableError unavailable');
  });

  it('loads every entry with require()', () => {
    const ids = [...BROWSER_SPECIFIERS, ...SERVER_SPECIFIERS, 'upsdk-kit/simulator'];
    const out = node(
      `console.log(${JSON.stringify(ids)}.map((id) => Object.keys(require(id)).length > 0).join())`,
      'commonjs',
    );
    expect(out).toBe(ids.map(() => 'true').join());
  });

  it('runs an ACP consume through the built server/acp and simulator/acp entries (ESM and CJS)', () => {
    const script = (load: string) =>
      `${load}; const gateway = sim.createFakeAcpGateway(); ` +
      `const acp = await server.createAcpClient({ merId: gateway.merId, gateway: 'http://fake.invalid/gateway/api/', ` +
      `signing: { pfx: gateway.ca.merchant.pfx, password: gateway.ca.merchant.password }, rootCert: gateway.ca.rootPem, ` +
      `middleCert: gateway.ca.middlePem, backUrl: 'http://127.0.0.1:9/n', fetch: (u, i) => gateway.handle(new Request(u, i)) }); ` +
      `const order = await acp.consume({ orderId: 'B20261205000001', txnAmt: 1 }); console.log(order.outcome, /^\\d{21}$/.test(order.tn))`;
    const esm =
      "const [server, sim] = await Promise.all(['upsdk-kit/server/acp', 'upsdk-kit/simulator/acp'].map((id) => import(id)))";
    expect(node(script(esm))).toBe('ok true');
    const cjs =
      "const [server, sim] = ['upsdk-kit/server/acp', 'upsdk-kit/simulator/acp'].map((id) => require(id))";
    expect(node(`(async () => { ${script(cjs)} })()`, 'commonjs')).toBe('ok true');
  }, 60_000);

  it("ships the server entries' shared error base once whichever server entries an app imports (ESM and CJS)", () => {
    // The base class each family's error extends, found on its prototype chain by name.
    const check = (load: string) =>
      `${load}; const base = (C) => { for (let p = C; p; p = Object.getPrototypeOf(p)) if (p.name === 'UpsdkError') return p; }; ` +
      `const bases = [signer.SignerError, signer.UpstreamError, op.LoginError, op.OpenApiError, pre.PreOrderError].map(base); ` +
      `console.log(bases.every(Boolean), new Set(bases).size)`;
    const ids = JSON.stringify(SERVER_SPECIFIERS.slice(0, 3));
    expect(node(check(`const [signer, op, pre] = await Promise.all(${ids}.map((id) => import(id)))`))).toBe(
      'true 1',
    );
    expect(
      node(
        `(async () => { ${check(`const [signer, op, pre] = ${ids}.map((id) => require(id))`)} })()`,
        'commonjs',
      ),
    ).toBe('true 1');
  });

  it('ships exactly one UpsdkError whichever entries a page imports (ESM and CJS)', () => {
    const check = (load: string) =>
      `${load}; const e = new hce.HceError('startHCE', { code: '1101', msg: 'x' }); ` +
      `console.log(e instanceof core.UpsdkError, e instanceof login.UpsdkLoginError === false, ` +
      `new login.UpsdkLoginError({ code: 'c', msg: 'm' }) instanceof core.UpsdkError)`;
    expect(
      node(
        check(
          "const [core, hce, login] = await Promise.all(['upsdk-kit', 'upsdk-kit/hce', 'upsdk-kit/login'].map((id) => import(id)))",
        ),
      ),
    ).toBe('true true true');
    expect(
      node(
        check(
          "const [core, hce, login] = ['upsdk-kit', 'upsdk-kit/hce', 'upsdk-kit/login'].map((id) => require(id))",
        ),
        'commonjs',
      ),
    ).toBe('true true true');
  });

  it('resolves the types of every entry under moduleResolution node10 (typesVersions), plugin map mergeable', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string' || subpath === '.') continue;
      expect(pkg.typesVersions['*']?.[subpath.slice(2)], subpath).toEqual([target.types]);
    }
    // A consumer on the old resolution: the package under node_modules, one import per subpath.
    const dir = mkdtempSync(path.join(tmpdir(), 'upsdk-kit-node10-'));
    try {
      mkdirSync(path.join(dir, 'node_modules'));
      symlinkSync(root, path.join(dir, 'node_modules', 'upsdk-kit'), 'dir');
      const lines = [
        "import { createClient, type UpsdkClient } from 'upsdk-kit';",
        "import { pay } from 'upsdk-kit/payment';",
        "import { bluetooth } from 'upsdk-kit/bluetooth';",
        "import type { SignerOptions } from 'upsdk-kit/server';",
        "import type { OpenPlatformOptions } from 'upsdk-kit/server/open-platform';",
        "import type { PreOrderClientOptions } from 'upsdk-kit/server/preorder';",
        "import type { AcpClientOptions } from 'upsdk-kit/server/acp';",
        'export type ServerOptions = [OpenPlatformOptions, PreOrderClientOptions, AcpClientOptions];',
        "const client: UpsdkClient = createClient({ signer: '/s' });",
        'export const run = (s: SignerOptions) => [pay(client, { tn: s.appId }), bluetooth(client).open()];',
        // UpsdkPluginMap stays mergeable through the package's declaration files.
        "declare module 'upsdk-kit' { interface UpsdkPluginMap { getBatteryInfo: { params: {}; result: { level: string } } } }",
        "export const level = async (): Promise<string> => (await client.call('getBatteryInfo')).level;",
        ...BROWSER_SPECIFIERS.map((id, i) => `import * as entry${i} from '${id}';\nexport { entry${i} };`),
      ];
      writeFileSync(path.join(dir, 'consumer.ts'), lines.join('\n'));
      const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
      const args = ['--noEmit', '--strict', '--module', 'commonjs', '--moduleResolution', 'node10'];
      const types = ['--typeRoots', path.join(root, 'node_modules/@types'), '--types', 'node'];
      let diagnostics = '';
      try {
        execFileSync(process.execPath, [tsc, ...args, ...types, 'consumer.ts'], {
          cwd: dir,
          encoding: 'utf8',
        });
      } catch (error) {
        diagnostics = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(diagnostics).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // one tsc run over every declaration file: slow on a busy machine

  it('exposes every export of every browser entry on the IIFE global upsdkKit', async () => {
    // A bare context with only what every ES2020 browser has beyond the language itself.
    const context: Record<string, unknown> = { TextEncoder, TextDecoder };
    runInNewContext(readFileSync(path.join(root, 'dist/upsdk-kit.iife.min.js'), 'utf8'), context);
    const kit = context.upsdkKit as Record<string, unknown>;
    const expected: string[] = [];
    for (const id of BROWSER_SPECIFIERS) expected.push(...Object.keys((await import(id)) as object));
    expect(expected).toContain('pay');
    expect(Object.keys(kit).sort()).toEqual([...new Set(expected)].sort());
    expect(typeof kit.createClient).toBe('function');
  });
});
