// @vitest-environment jsdom
/**
 * The cheap TSDoc examples also run (issue 23), in a jsdom page against the built package as an
 * app imports it (helpers/run-block.ts), with the imports the compile test gives them: the
 * simulator's own examples (installSimulator, createSimulatedSigner, FAULT_PRESETS) and pure
 * helpers. Each must settle within a bound without throwing.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asModule, tsdocExamples } from './helpers/tsdoc-examples.js';
import { compileBlock, runBlock } from './helpers/run-block.js';

const root = path.resolve(__dirname, '../..');
const work = path.join(root, 'test-results', 'tsdoc-examples-run');
const { names, examples } = tsdocExamples(root);

/** Owners whose examples need nothing but the package and a page. */
const CHEAP = [
  'upsdk-kit:detectEnvironment',
  'upsdk-kit:normalizeFailure',
  'upsdk-kit/media:encodeBase64',
  'upsdk-kit/media:decodeBase64',
  'upsdk-kit/simulator:installSimulator',
  'upsdk-kit/simulator:createSimulatedSigner',
  'upsdk-kit/simulator:FAULT_PRESETS',
];
const RUN = examples.filter((example) => CHEAP.includes(example.owner));

afterEach(() => {
  // The examples install a simulator and keep no handle to it: take its globals off the page.
  const page = window as unknown as Record<string, unknown>;
  delete page.upsdk;
  delete page.cordova;
});

describe('cheap TSDoc examples run', () => {
  it('finds an example for every cheap owner', () => {
    expect(new Set(RUN.map((example) => example.owner))).toEqual(new Set(CHEAP));
  });

  for (const example of RUN) {
    it(`the example of ${example.owner} (${example.where}) runs`, async () => {
      const block = { line: 0, code: asModule(example, names), file: example.file, runsIn: 'page' as const };
      await runBlock(compileBlock(root, block, work), {}, 5_000);
    });
  }
});
