import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// These check the built package (CI runs `npm run build` before `npm test`).
const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, Record<string, string> | string>;
};
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
    const out = node(
      "console.log(['upsdk-kit','upsdk-kit/server','upsdk-kit/simulator'].map((id) => Object.keys(require(id)).length > 0).join())",
      'commonjs',
    );
    expect(out).toBe('true,true,true');
  });

  it('exposes the IIFE build as the global upsdkKit', () => {
    // A bare context with only what every ES2020 browser has beyond the language itself.
    const context: Record<string, unknown> = { TextEncoder, TextDecoder };
    runInNewContext(readFileSync(path.join(root, 'dist/upsdk-kit.iife.min.js'), 'utf8'), context);
    const kit = context.upsdkKit as Record<string, unknown>;
    expect(typeof kit.createClient).toBe('function');
    expect(typeof kit.UpsdkError).toBe('function');
  });
});
