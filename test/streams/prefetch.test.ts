import { describe, expect, it } from 'vitest';
import { drain, setup, sha256 } from './harness.js';
import { chooseFileFromAlbum, readAlbumFile } from '../../src/media.js';

/** Consume `source`, spending `ms` on each chunk, and report the in-flight reads seen while holding each. */
async function consumeSlowly(
  source: AsyncIterable<Uint8Array>,
  ms: number,
  inFlight: () => number,
): Promise<number[]> {
  const seen: number[] = [];
  for await (const bytes of source) {
    expect(bytes.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, ms));
    seen.push(inFlight());
  }
  return seen;
}

describe('prefetch', () => {
  it.each([0, 1, 2, 4])('never has more than max(1, %i) reads in flight', async (prefetch) => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 20_500 });
    sim.files.setReadLatency(3);
    const bytes = await drain(readAlbumFile(client, file.url, { chunkSize: 1000, prefetch }));
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file)));
    expect(sim.files.maxInFlight).toBeLessThanOrEqual(Math.max(1, prefetch));
  });

  it('reads the next chunk while the consumer works on this one', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 5000 });
    sim.files.setReadLatency(2);
    const seen = await consumeSlowly(
      readAlbumFile(client, file.url, { chunkSize: 1000, prefetch: 1 }),
      15,
      () => sim.callsOf('readAlbumData').length,
    );
    // While holding chunk k the bridge has already been asked for chunk k + 1.
    expect(seen).toEqual([2, 3, 4, 5, 5]);
  });

  it('with prefetch 0 asks for a chunk only when the consumer wants it', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 5000 });
    const seen = await consumeSlowly(
      readAlbumFile(client, file.url, { chunkSize: 1000, prefetch: 0 }),
      5,
      () => sim.callsOf('readAlbumData').length,
    );
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('never asks past the end of a file of known size', async () => {
    const { sim, client } = setup();
    sim.files.addAlbumFile({ size: 3000 });
    const file = await chooseFileFromAlbum(client);
    await drain(readAlbumFile(client, file, { chunkSize: 1000, prefetch: 8 }));
    expect(sim.callsOf('readAlbumData').map((call) => call.params.fromOffset)).toEqual(['0', '1000', '2000']);
  });

  it('with prefetch 1 never asks past the last chunk of a file of unknown size', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 3000 });
    await drain(readAlbumFile(client, file.url, { chunkSize: 1000 }));
    expect(sim.callsOf('readAlbumData')).toHaveLength(3);
  });

  it('ignores requests that ran ahead past the end of a file of unknown size', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 2500 });
    const bytes = await drain(readAlbumFile(client, file.url, { chunkSize: 1000, prefetch: 6 }));
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file)));
  });

  it('continues after a short chunk at the offset where it ended, discarding requests made ahead', async () => {
    const { sim, client } = setup();
    const original = sim.files.addAlbumFile({ size: 5000 });
    sim.files.failChunk('album', 1, 'short');
    const file = await chooseFileFromAlbum(client);
    const bytes = await drain(readAlbumFile(client, file, { chunkSize: 1000, prefetch: 3 }));
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(original)));
    const offsets = sim.callsOf('readAlbumData').map((call) => call.params.fromOffset);
    expect(offsets.slice(0, 4)).toEqual(['0', '1000', '2000', '3000']);
    expect(offsets.slice(4)).toEqual(['1500', '2500', '3500', '4500']);
  });
});
