import { describe, expect, it } from 'vitest';
import { hold, nativeSwitch } from '../../src/events/native-switch.js';

/** A switch over a holder set whose start and stop are recorded and can be made to fail. */
function recorded() {
  const steps: string[] = [];
  const holders = new Set<object>();
  let failStart: unknown;
  let failStop: unknown;
  const native = nativeSwitch(
    () => holders.size > 0,
    async () => {
      steps.push('start');
      if (failStart !== undefined) throw failStart;
    },
    async () => {
      steps.push('stop');
      if (failStop !== undefined) throw failStop;
    },
  );
  const take = (): Promise<() => Promise<void>> => {
    const holder = {};
    return hold(
      () => holders.add(holder),
      () => holders.delete(holder),
      native.sync,
    );
  };
  return {
    steps,
    native,
    take,
    failStartWith: (error: unknown) => (failStart = error),
    failStopWith: (error: unknown) => (failStop = error),
  };
}

describe('native switch', () => {
  it('starts once for several holders and stops after the last leaves', async () => {
    const { steps, native, take } = recorded();
    const releaseA = await take();
    const releaseB = await take();
    expect(native.on).toBe(true);
    await releaseA();
    expect(steps).toEqual(['start']);
    await releaseB();
    expect(steps).toEqual(['start', 'stop']);
    expect(native.on).toBe(false);
  });

  it('stops after a start that is still running when the holder leaves, never before it', async () => {
    const holders = new Set<string>();
    const steps: string[] = [];
    let open!: () => void;
    const native = nativeSwitch(
      () => holders.size > 0,
      async () => {
        steps.push('start');
        await new Promise<void>((resolve) => (open = resolve));
        steps.push('started');
      },
      () => steps.push('stop'),
    );
    holders.add('scan');
    const starting = native.sync();
    await Promise.resolve();
    holders.delete('scan');
    const stopping = native.sync();
    open();
    await Promise.all([starting, stopping]);
    expect(steps).toEqual(['start', 'started', 'stop']);
    expect(native.on).toBe(false);
  });

  it('rejects hold with the start failure, keeps no holder, and starts again on the next hold', async () => {
    const { steps, native, take, failStartWith } = recorded();
    failStartWith(new Error('adapter off'));
    await expect(take()).rejects.toThrow('adapter off');
    expect(native.on).toBe(false);
    failStartWith(undefined);
    await take();
    expect(steps).toEqual(['start', 'start']);
    expect(native.on).toBe(true);
  });

  it('rejects the release with the stop failure and counts the switch off anyway', async () => {
    const { native, take, failStopWith } = recorded();
    const release = await take();
    failStopWith(new Error('stop failed'));
    await expect(release()).rejects.toThrow('stop failed');
    expect(native.on).toBe(false);
  });

  it('makes no native step for a release that comes twice', async () => {
    const { steps, take } = recorded();
    const release = await take();
    await release();
    await release();
    expect(steps).toEqual(['start', 'stop']);
  });
});
