/** The `upsdk-kit/wallets` entry of the built package (run `npm run build` first). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const node = (code: string, type: 'module' | 'commonjs' = 'module'): string =>
  execFileSync(process.execPath, ['--input-type', type, '-e', code], { cwd: root, encoding: 'utf8' }).trim();

describe('upsdk-kit/wallets', () => {
  it('imports in plain Node and answers none outside a browser', () => {
    const out = node(
      "const m = await import('upsdk-kit/wallets'); console.log(Object.keys(m).sort().join(), JSON.stringify(m.detectWallet()))",
    );
    expect(out).toBe('detectWallet,payInWallet {"wallet":"none"}');
  });

  it('loads with require()', () => {
    expect(node("console.log(typeof require('upsdk-kit/wallets').payInWallet)", 'commonjs')).toBe('function');
  });
});
