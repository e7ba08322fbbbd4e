/**
 * The README blocks marked `<!-- runnable: node -->` run in Node against the
 * built package (helpers/run-block.ts), with the reader's configuration values
 * as globals: server set-up code must at least construct what it shows with
 * the options it shows. Each must settle within a bound without throwing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as SimulatorEntry from '../../src/simulator/index.js';
import { readmeBlocks } from './helpers/readme-blocks.js';
import { builtFileOf, compileBlock, runBlock } from './helpers/run-block.js';

const root = path.resolve(__dirname, '../..');
const work = path.join(root, 'test-results', 'readme-run-node');
const RUNNABLE = readmeBlocks(root).filter((block) => block.runsIn === 'node');

describe('runnable README blocks (Node)', () => {
  it('marks server blocks runnable', () => expect(RUNNABLE.length).toBeGreaterThan(0));

  for (const block of RUNNABLE) {
    it(`the \`\`\`ts block at README.md:${block.line} runs in Node`, async () => {
      const simulator = (await import(builtFileOf(root, 'upsdk-kit/simulator'))) as typeof SimulatorEntry;
      await runBlock(
        compileBlock(root, block, work),
        {
          appId: simulator.SIMULATED_APP_ID,
          secret: simulator.SIMULATED_SECRET,
          allowedOrigins: ['localhost'],
        },
        10_000,
      );
    });
  }
});
