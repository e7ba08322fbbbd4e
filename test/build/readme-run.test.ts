// @vitest-environment jsdom
/**
 * The README blocks marked `<!-- runnable -->` run, in a page (jsdom) with
 * the simulator installed, against the built package as an app imports it
 * (helpers/run-block.ts), with the app's server answering on the page's
 * origin (helpers/readme-page.ts). Each must settle within a bound without
 * throwing — or, for a loop that runs until the page's `signal`, with exactly
 * that signal's reason — and what it did is checked by its entry in RUNS:
 * a marked block without an entry fails, and so does an entry that matches
 * no marked block. Unmarked blocks are compile-only (readme-samples.test.ts).
 */
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SimulatorOptions } from '../../src/simulator/index.js';
import { readmeBlocks, type ReadmeBlock } from './helpers/readme-blocks.js';
import { callsOf, loadBuilt, openPage, type Built, type Page } from './helpers/readme-page.js';
import { compileBlock, runBlock } from './helpers/run-block.js';

const root = path.resolve(__dirname, '../..');
const work = path.join(root, 'test-results', 'readme-run');
/** A block that has not settled by then hangs (the simulator answers within milliseconds). */
const BOUND = 10_000;

/** How one runnable block is run and what it must have done; `block` is a snippet of its code. */
interface Run {
  readonly block: string;
  /** Simulator options for the page, or `false` when the block installs its own simulator. */
  readonly simulator?: (built: Built) => SimulatorOptions | false;
  /** Before the block: set up the simulator, and give the reader's values that need a page. */
  readonly before?: (page: Page) => Promise<void> | void;
  /** While the block runs: play the user or the device; may abort `signal` to end the block's loop. */
  readonly during?: (page: Page) => Promise<void>;
  /** The block's loop runs until the page's `signal` aborts, so it ends with the signal's reason. */
  readonly endsBySignal?: true;
  /** What the block must have done. */
  readonly check: (page: Page) => Promise<void> | void;
}

const lastParams = (page: Page, plugin: string) => page.sim.callsOf(plugin).at(-1)?.params;
const servedAt = (page: Page, where: string) =>
  page.served.filter((request) => `${request.method} ${request.path}`.startsWith(where));

const RUNS: readonly Run[] = [
  {
    block: "await pay(client, { tn }); // loads upsdk.js",
    check: (page) => {
      expect(lastParams(page, 'pay')).toEqual({ tn: page.globals.tn });
      expect(servedAt(page, 'POST /upsdk/signature').map((request) => request.status)).toEqual([200]);
      expect(page.logs).toEqual([]); // the catch logs a failure's code
    },
  },
];

const BLOCKS = readmeBlocks(root);
const RUNNABLE = BLOCKS.filter((block) => block.runsIn === 'page');
const runOf = (block: ReadmeBlock): Run | undefined => RUNS.find((run) => block.code.includes(run.block));

let built: Built;
let page: Page | undefined;

beforeAll(async () => {
  built = await loadBuilt(root);
});

afterEach(() => {
  page?.close();
  page = undefined;
});

describe('runnable README blocks', () => {
  it('marks blocks runnable, and every run entry names one of them', () => {
    expect(RUNNABLE.length).toBeGreaterThan(0);
    const unmatched = RUNS.filter((run) => !RUNNABLE.some((block) => block.code.includes(run.block)));
    expect(unmatched.map((run) => run.block)).toEqual([]);
  });

  for (const block of RUNNABLE) {
    it(`the \`\`\`ts block at README.md:${block.line} runs against the simulator`, async () => {
      const run = runOf(block);
      if (!run) throw new Error(`README.md:${block.line} is marked runnable but has no entry in RUNS`);
      const file = compileBlock(root, block, work);
      page = openPage(built, run.simulator?.(built) ?? {});
      await run.before?.(page);
      const during = run.during?.(page);
      const outcome = await runBlock(file, page.globals, BOUND).then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
      await during;
      if (run.endsBySignal) expect(outcome).toEqual({ error: page.controller.signal.reason });
      else if (outcome) throw outcome.error;
      await run.check(page);
      expect(page.errors).toEqual([]);
    });
  }
});
