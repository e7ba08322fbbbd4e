import { describe, expect, it, vi } from 'vitest';
import { UpsdkError } from '../../src/index.js';
import { backoffDelay } from '../../src/streams/retry.js';
import { drain, setup, sha256 } from './harness.js';
import { readAlbumFile } from '../../src/media.js';

const fast = { chunkSize: 1000, retryDelay: 0 } as const;

describe('transient failures', () => {
  it.each(['01', '04'])('retry a chunk that failed with %s from its own offset', async (code) => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 3500 });
    sim.files.failChunk('album', 2, { code }, 2);
    const bytes = await drain(readAlbumFile(client, file.url, fast));
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file)));
    expect(sim.callsOf('readAlbumData').map((call) => call.params.fromOffset)).toEqual([
      '0',
      '1000',
      '2000',
      '2000',
      '2000',
      '3000',
    ]);
  });

  it('lose and duplicate no byte over many seeded random runs', async () => {
    const { sim, client } = setup();
    for (let seed = 1; seed <= 40; seed++) {
      const file = sim.files.addAlbumFile({ size: 20_000 + seed * 37 });
      sim.files.failRandomChunks('album', { rate: 0.3, seed, fault: { code: seed % 2 ? '01' : '04' } });
      const bytes = await drain(
        readAlbumFile(client, file.url, { ...fast, retries: 30, prefetch: seed % 4 }),
      );
      expect(sha256(bytes), `seed ${seed}`).toBe(sha256(sim.files.contentOf(file)));
    }
  });

  it('retry a garbled (non-base64) answer', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 2500 });
    sim.files.failChunk('album', 1, 'garbled');
    expect(sha256(await drain(readAlbumFile(client, file.url, fast)))).toBe(
      sha256(sim.files.contentOf(file)),
    );
  });

  it('retry a chunk whose call timed out', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 2500 });
    await client.ready();
    sim.fault('readAlbumData', 'drop', 1);
    const bytes = await drain(readAlbumFile(client, file.url, { ...fast, timeout: 20 }));
    expect(sha256(bytes)).toBe(sha256(sim.files.contentOf(file)));
  });

  it('reject with the last code once the retries are spent', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 2500 });
    sim.files.failChunk('album', 1, { code: '01' }, 10);
    await expect(drain(readAlbumFile(client, file.url, { ...fast, retries: 2 }))).rejects.toMatchObject({
      code: '01',
    });
    expect(sim.callsOf('readAlbumData').filter((call) => call.params.fromOffset === '1000')).toHaveLength(3);
  });

  it('fail an answer that never makes progress after a bounded number of repeats', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 2500 });
    sim.files.failChunk('album', 1, 'no-progress', Infinity);
    await expect(drain(readAlbumFile(client, file.url, { ...fast, retries: 4 }))).rejects.toMatchObject({
      code: 'no_progress',
    });
    expect(sim.callsOf('readAlbumData')).toHaveLength(1 + 5);
  });
});

describe('permanent failures', () => {
  it.each(['00', '02', '03', '07'])('reject at once with code %s, without a retry', async (code) => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 2500 });
    sim.files.failChunk('album', 1, { code, msg: 'nope' });
    const error = await drain(readAlbumFile(client, file.url, { ...fast, prefetch: 0 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpsdkError);
    expect(error).toMatchObject({ code, plugin: 'readAlbumData' });
    expect(sim.callsOf('readAlbumData')).toHaveLength(2);
  });

  it('reject reading a url the app does not know with 07', async () => {
    const { client } = setup();
    await expect(readAlbumFile(client, 'sim://album/nope').bytes()).rejects.toMatchObject({ code: '07' });
  });

  it('let the chunks before the failure through', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 2500 });
    sim.files.failChunk('album', 2, { code: '02' });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const bytes of readAlbumFile(client, file.url, fast)) seen.push(bytes.length);
      })(),
    ).rejects.toMatchObject({ code: '02' });
    expect(seen).toEqual([1000, 1000]);
  });
});

describe('backoff', () => {
  it('waits exponentially longer, with jitter between half and all of the step', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, 100, () => 0))).toEqual([50, 100, 200, 400]);
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, 100, () => 0.999))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never waits more than 5 s', () => {
    expect(backoffDelay(20, 100, () => 0.999)).toBe(4998);
    expect(backoffDelay(20, 100, () => 0)).toBe(2500);
  });

  it('sleeps the backoff before retrying', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 1500 });
    await client.ready();
    sim.files.failChunk('album', 0, { code: '01' });
    vi.useFakeTimers();
    const done = drain(readAlbumFile(client, file.url, { chunkSize: 1000, retryDelay: 1000 }));
    await vi.advanceTimersByTimeAsync(10);
    expect(sim.callsOf('readAlbumData')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sim.callsOf('readAlbumData').length).toBeGreaterThan(1);
    await vi.runAllTimersAsync();
    expect((await done).length).toBe(1500);
  });
});
