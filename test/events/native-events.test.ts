import { describe, expect, it, vi } from 'vitest';
import { NativeEvents } from '../../src/events/native-events.js';
import { listenerPair } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';

declare module '../../src/client/plugin-map.js' {
  interface UpsdkPluginMap {
    registerThingFound: { params: Record<string, never>; result: void };
    cancelThingFound: { params: Record<string, never>; result: void };
  }
}

interface Thing {
  readonly id: string;
  readonly strength: number;
}

const toThing = (raw: unknown): Thing => {
  const fields = raw as { id: unknown; strength: unknown };
  return { id: String(fields.id), strength: Number(fields.strength) };
};

function harness() {
  const h = setup({ plugins: listenerPair('ThingFound', 'registerThingFound', 'cancelThingFound') });
  const events = new NativeEvents<{ thingFound: Thing }>(h.client, {
    thingFound: { register: 'registerThingFound', cancel: 'cancelThingFound', normalize: toThing },
  });
  return { ...h, events };
}

const eventually = (assertion: () => void): Promise<void> =>
  vi.waitFor(assertion, { timeout: 2000, interval: 2 });

describe('native events', () => {
  it('registers natively once for several listeners', async () => {
    const { sim, events } = harness();
    await events.subscribe('thingFound', () => undefined);
    events.on('thingFound', () => undefined);
    await events.subscribe('thingFound', () => undefined);
    expect(sim.callsOf('registerThingFound')).toHaveLength(1);
    expect(sim.activeSubscriptions()).toEqual(['ThingFound']);
  });

  it('cancels natively once when the last listener leaves', async () => {
    const { sim, events } = harness();
    const stopA = await events.subscribe('thingFound', () => undefined);
    const stopB = await events.subscribe('thingFound', () => undefined);
    await stopA();
    expect(sim.callsOf('cancelThingFound')).toHaveLength(0);
    await stopB();
    expect(sim.callsOf('cancelThingFound')).toHaveLength(1);
    expect(sim.activeSubscriptions()).toEqual([]);
  });

  it('delivers payloads carried on Event objects, normalized', async () => {
    const { sim, events } = harness();
    const seen: Thing[] = [];
    await events.subscribe('thingFound', (thing) => seen.push(thing));
    sim.fire('ThingFound', { id: 'dev-1', strength: '-40' });
    expect(seen).toEqual([{ id: 'dev-1', strength: -40 }]);
  });

  it('stops delivering after cancel even though the bridge keeps its JS listener', async () => {
    const { sim, events } = harness();
    const listener = vi.fn();
    const stop = await events.subscribe('thingFound', listener);
    await stop();
    sim.emit('ThingFound', { id: 'late', strength: 1 });
    expect(listener).not.toHaveBeenCalled();
  });

  it('makes no native call when a listener is added and removed before start-up finishes', async () => {
    const { sim, client, events } = harness();
    const listener = (): void => undefined;
    events.on('thingFound', listener);
    events.off('thingFound', listener);
    await client.ready();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sim.calls.map((c) => c.plugin)).toEqual(['config']);
  });

  it('cancels after registering when the listener leaves while register is in flight', async () => {
    const { sim, client, events } = harness();
    await client.ready();
    sim.setLatency(20);
    const listener = (): void => undefined;
    events.on('thingFound', listener);
    await eventually(() => expect(sim.callsOf('registerThingFound')).toHaveLength(1));
    events.off('thingFound', listener);
    await eventually(() => expect(sim.callsOf('cancelThingFound')).toHaveLength(1));
    expect(sim.activeSubscriptions()).toEqual([]);
  });

  it('rejects subscribe with the register failure and keeps no listener', async () => {
    const { sim, events } = harness();
    sim.fault('registerThingFound', { fail: 'code', code: '10001', msg: 'adapter off' }, 1);
    await expect(events.subscribe('thingFound', () => undefined)).rejects.toMatchObject({ code: '10001' });
    expect(events.listenerCount('thingFound')).toBe(0);
    expect(sim.activeSubscriptions()).toEqual([]);
  });

  it('reports a failed register of on() to error listeners', async () => {
    const { sim, events } = harness();
    sim.fault('registerThingFound', { fail: 'code', code: '10001' }, 1);
    const onError = vi.fn();
    events.on('error', onError);
    events.on('thingFound', () => undefined);
    await eventually(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: '10001' });
    expect(onError.mock.calls[0]![1]).toBe('thingFound');
  });
});

describe('event iterators', () => {
  it('yields events in order and releases the subscription on break', async () => {
    const { sim, events } = harness();
    const seen: string[] = [];
    const loop = (async () => {
      for await (const thing of events.iterate('thingFound')) {
        seen.push(thing.id);
        if (seen.length === 3) break;
      }
    })();
    await eventually(() => expect(sim.activeSubscriptions()).toEqual(['ThingFound']));
    for (const id of ['a', 'b', 'c', 'd']) sim.fire('ThingFound', { id, strength: 0 });
    await loop;
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(sim.activeSubscriptions()).toEqual([]);
  });

  it('rejects with the abort reason and releases the subscription when aborted', async () => {
    const { sim, events } = harness();
    const controller = new AbortController();
    const loop = (async () => {
      for await (const thing of events.iterate('thingFound', { signal: controller.signal })) void thing;
    })();
    await eventually(() => expect(sim.activeSubscriptions()).toEqual(['ThingFound']));
    controller.abort();
    await expect(loop).rejects.toMatchObject({ name: 'AbortError' });
    await eventually(() => expect(sim.activeSubscriptions()).toEqual([]));
  });

  it('releases the subscription when the loop body throws', async () => {
    const { sim, events } = harness();
    const loop = (async () => {
      for await (const thing of events.iterate('thingFound')) throw new Error(`bad ${thing.id}`);
    })();
    await eventually(() => expect(sim.activeSubscriptions()).toEqual(['ThingFound']));
    sim.fire('ThingFound', { id: 'x', strength: 0 });
    await expect(loop).rejects.toThrow('bad x');
    expect(sim.activeSubscriptions()).toEqual([]);
  });

  it('fans one native subscription out to two concurrent iterators', async () => {
    const { sim, events } = harness();
    const collect = async (count: number): Promise<string[]> => {
      const ids: string[] = [];
      for await (const thing of events.iterate('thingFound')) {
        ids.push(thing.id);
        if (ids.length === count) break;
      }
      return ids;
    };
    const first = collect(2);
    const second = collect(3);
    await eventually(() => {
      expect(events.listenerCount('thingFound')).toBe(2);
      expect(sim.activeSubscriptions()).toEqual(['ThingFound']);
    });
    for (const id of ['1', '2', '3']) sim.fire('ThingFound', { id, strength: 0 });
    expect(await first).toEqual(['1', '2']);
    expect(await second).toEqual(['1', '2', '3']);
    expect(sim.callsOf('registerThingFound')).toHaveLength(1);
    expect(sim.callsOf('cancelThingFound')).toHaveLength(1);
    expect(sim.activeSubscriptions()).toEqual([]);
  });

  it('rejects the iterator when the native register fails, leaving nothing active', async () => {
    const { sim, events } = harness();
    sim.fault('registerThingFound', { fail: 'code', code: '10000' }, 1);
    const iterator = events.iterate('thingFound');
    await expect(iterator.next()).rejects.toMatchObject({ code: '10000' });
    expect(sim.activeSubscriptions()).toEqual([]);
  });
});
