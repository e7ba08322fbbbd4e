/** The shapes a chunked reader may answer in (BRIDGE-FACTS "Chunked readers"), fed in through plugin overrides. */
import { describe, expect, it } from 'vitest';
import { ok, type PluginBehaviours } from '../../src/simulator/index.js';
import { readAlbumFile } from '../../src/media.js';
import { setup } from './harness.js';

/** A readAlbumData that answers `answer(offset)` for each call. */
const reading = (answer: (offset: number) => unknown): PluginBehaviours => ({
  readAlbumData: (options) => ok(answer(Number(options.fromOffset))),
});

const fast = { chunkSize: 2, retries: 2, retryDelay: 0 } as const;

describe('chunk answers', () => {
  it('reads an answer delivered as a JSON string', async () => {
    const { client } = setup({
      plugins: reading((offset) =>
        JSON.stringify({ data: offset ? 'Yw==' : 'YWI=', isFinished: offset ? '1' : '0' }),
      ),
    });
    expect(Array.from(await readAlbumFile(client, 'sim://x', fast).bytes())).toEqual([97, 98, 99]);
  });

  it('ends on the flag spelled isFinish', async () => {
    const { sim, client } = setup({ plugins: reading(() => ({ data: 'YWI=', isFinish: 1 })) });
    expect(Array.from(await readAlbumFile(client, 'sim://x', fast).bytes())).toEqual([97, 98]);
    expect(sim.callsOf('readAlbumData')).toHaveLength(1);
  });

  it('takes a last answer without data as the empty end of the file', async () => {
    const { client } = setup({
      plugins: reading((offset) => (offset ? { isFinished: '1' } : { data: 'YWI=', isFinished: '0' })),
    });
    expect(Array.from(await readAlbumFile(client, 'sim://x', fast).bytes())).toEqual([97, 98]);
  });

  it.each([
    ['not an object', () => 'garbage'],
    ['null', () => null],
    ['a flag of another kind', () => ({ data: 'YWI=', isFinished: 'maybe' })],
    ['data that is not a string', () => ({ data: 42, isFinished: '1' })],
  ])('retries an answer that is %s, then fails with bad_chunk', async (_what, answer) => {
    const { sim, client } = setup({ plugins: reading(answer) });
    await expect(readAlbumFile(client, 'sim://x', fast).bytes()).rejects.toMatchObject({
      code: 'bad_chunk',
      plugin: 'readAlbumData',
    });
    expect(sim.callsOf('readAlbumData')).toHaveLength(1 + fast.retries);
  });
});
