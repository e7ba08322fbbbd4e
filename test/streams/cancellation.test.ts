import { describe, expect, it } from 'vitest';
import { drain, setup } from './harness.js';
import { readAlbumFile } from '../../src/media.js';

/** Let every timer and callback that is already due run. */
const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('stopping a read early', () => {
  it('sends no further bridge call after a break', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 10_000 });
    for await (const bytes of readAlbumFile(client, file.url, { chunkSize: 1000, prefetch: 0 })) {
      expect(bytes.length).toBe(1000);
      break;
    }
    await settle();
    expect(sim.callsOf('readAlbumData')).toHaveLength(1);
  });

  it('leaves no read unanswered after a break, even with prefetch', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 10_000 });
    sim.files.setReadLatency(5);
    let taken = 0;
    for await (const bytes of readAlbumFile(client, file.url, { chunkSize: 1000, prefetch: 3 })) {
      taken += bytes.length;
      if (taken === 2000) break;
    }
    const callsAtBreak = sim.callsOf('readAlbumData').length;
    await settle();
    expect(sim.callsOf('readAlbumData')).toHaveLength(callsAtBreak);
    expect(callsAtBreak).toBeLessThanOrEqual(2 + 3);
    expect(sim.files.inFlight).toBe(0);
  });

  it('rejects with the abort reason and sends no further call when the signal aborts mid-read', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 10_000 });
    sim.files.setReadLatency(5);
    const controller = new AbortController();
    const reason = new Error('user left');
    const seen: number[] = [];
    const reading = (async () => {
      for await (const bytes of readAlbumFile(client, file.url, {
        chunkSize: 1000,
        signal: controller.signal,
      })) {
        seen.push(bytes.length);
        if (seen.length === 2) controller.abort(reason);
      }
    })();
    await expect(reading).rejects.toBe(reason);
    const callsAtAbort = sim.callsOf('readAlbumData').length;
    await settle();
    expect(sim.callsOf('readAlbumData')).toHaveLength(callsAtAbort);
    expect(seen).toEqual([1000, 1000]);
  });

  it('rejects while waiting for a chunk as soon as the signal aborts', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 10_000 });
    sim.files.setReadLatency(10_000);
    const controller = new AbortController();
    const reading = drain(readAlbumFile(client, file.url, { chunkSize: 1000, signal: controller.signal }));
    await settle(20);
    controller.abort(new Error('stop'));
    await expect(reading).rejects.toThrow('stop');
  });

  it('makes no bridge call at all with an already aborted signal', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 10_000 });
    const reading = drain(readAlbumFile(client, file.url, { signal: AbortSignal.abort(new Error('early')) }));
    await expect(reading).rejects.toThrow('early');
    expect(sim.callsOf('readAlbumData')).toHaveLength(0);
  });

  it('stops reading when the stream is cancelled', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 10_000 });
    const reader = readAlbumFile(client, file.url, { chunkSize: 1000, prefetch: 0 }).stream().getReader();
    expect((await reader.read()).value?.length).toBe(1000);
    await reader.cancel();
    await settle();
    expect(sim.callsOf('readAlbumData')).toHaveLength(1);
  });

  it('ends the iterator after return(), so later next() calls are done', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 10_000 });
    const iterator = readAlbumFile(client, file.url, { chunkSize: 1000 })[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('ends a pending next() quietly when return() is called while a chunk is on its way', async () => {
    const { sim, client } = setup();
    const file = sim.files.addAlbumFile({ size: 10_000 });
    sim.files.setReadLatency(50);
    const iterator = readAlbumFile(client, file.url, { chunkSize: 1000 })[Symbol.asyncIterator]();
    const pending = iterator.next();
    await settle(10);
    await iterator.return();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
