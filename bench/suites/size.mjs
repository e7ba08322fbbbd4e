// Bundle size: what a page pays for upsdk-kit, min+gzip -9, against its budgets. The pages, the
// budgets and the measurement live in build/sizes.mjs, shared with test/build/size-budgets.test.ts,
// which fails CI when a budget is exceeded; here a budget exceeded also makes the bench exit non-zero.
// The pages are bundled from dist/, so rerunning after a change to src/ needs only
// `npm run bench -- size` (which builds first).
import { measureSizes } from '../../build/sizes.mjs';

export const name = 'size';

export async function run() {
  const measured = await measureSizes();
  const rows = measured.map(({ page, min, gzip, budget, met }) => ({
    import: page,
    'min bytes': min,
    'min+gzip bytes': gzip,
    budget: budget ?? '—',
    '✓/✗': budget === undefined ? '—' : met ? '✓' : '✗',
  }));
  const failed = measured.filter((row) => !row.met).length;
  if (failed > 0) process.exitCode = 1;
  const notes = [
    'esbuild bundle + minify, ESM, browser, es2020; gzip level 9. Budgets from issue 23 (build/sizes.mjs).',
    failed === 0 ? 'all budgets met' : `${failed} budget(s) exceeded (exit code 1)`,
  ];
  return { rows, notes };
}
