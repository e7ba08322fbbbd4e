/**
 * The size budgets of issue 23, as CI guards them: each page of
 * build/sizes.mjs is bundled from the built package exactly as
 * `npm run bench -- size` bundles it (esbuild, minified, browser, gzip -9),
 * and a page over its budget fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureSizes, SIZE_PAGES, type SizeMeasure } from '../../build/sizes.mjs';

let measured: SizeMeasure[] = [];

beforeAll(async () => {
  measured = await measureSizes();
}, 60_000);

/** The measure of the page labelled `page`. */
const measureOf = (page: string): SizeMeasure => {
  const found = measured.find((row) => row.page === page);
  if (!found) throw new Error(`${page} was not measured`);
  return found;
};

describe('bundle size budgets (min + gzip -9, as an app bundles the built package)', () => {
  for (const { page, budget } of SIZE_PAGES) {
    if (budget === undefined) continue;
    it(`keeps ${page} within ${budget} bytes`, () => {
      const { gzip } = measureOf(page);
      expect(gzip, `${page}: ${gzip} B gz, budget ${budget}`).toBeLessThanOrEqual(budget);
    });
  }

  it('measures real bundles: a page that imports more weighs more', () => {
    const gzipOf = (page: string): number => measureOf(page).gzip;
    const error = gzipOf('`UpsdkError` alone');
    const call = gzipOf('`createClient` + `call`');
    const pay = gzipOf('`createClient` + `pay`');
    expect(error).toBeGreaterThan(100);
    expect(call).toBeGreaterThan(error);
    expect(pay).toBeGreaterThan(call);
    expect(gzipOf('everything in every browser entry')).toBeGreaterThan(
      gzipOf('everything in every browser entry but wallets'),
    );
  });
});
