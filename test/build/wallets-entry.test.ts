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

  it("rejects with the root entry's UpsdkError class, so instanceof holds", () => {
    const out = node(
      "const { UpsdkError } = await import('upsdk-kit'); const { payInWallet } = await import('upsdk-kit/wallets'); await payInWallet({}).catch((e) => console.log(e instanceof UpsdkError, e.code))",
    );
    expect(out).toBe('true invalid_param');
  });

  it('shares the class under require() too', () => {
    const out = node(
      "const { UpsdkError } = require('upsdk-kit'); require('upsdk-kit/wallets').payInWallet({}).catch((e) => console.log(e instanceof UpsdkError))",
      'commonjs',
    );
    expect(out).toBe('true');
  });

  it('loads with require()', () => {
    expect(node("console.log(typeof require('upsdk-kit/wallets').payInWallet)", 'commonjs')).toBe('function');
  });
});
