import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the suite guard', () => {
  it('fails a run in which a promise rejection goes unhandled', () => {
    const root = path.resolve(__dirname, '../..');
    const run = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'test/fixtures/vitest.leak.config.ts',
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
    );
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('leaked on purpose');
  });
});
