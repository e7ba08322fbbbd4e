import { describe, expect, it, vi } from 'vitest';
import type { HceMessage } from '../../src/hce.js';
import type { HceSimOptions } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';
import { hce } from '../../src/hce.js';

const eventually = (assertion: () => void): Promise<void> =>
  vi.waitFor(assertion, { timeout: 2000, interval: 2 });

const COMMANDS = ['00A404000AA000000010', '80CA9F7F00', '00B2010C00'];

async function started(simOptions: HceSimOptions = {}) {
  const h = setup({ hce: { reader: { commands: COMMANDS, interval: 5 }, ...simOptions } });
  await hce(h.client).start(['A000000010']);
  return { ...h, hce: hce(h.client) };
}

async function take(iterator: AsyncGenerator<HceMessage>, count: number): Promise<string[]> {
  const raws: string[] = [];
  for await (const message of iterator) {
    raws.push(message.raw);
    if (raws.length === count) break;
  }
  return raws;
}

describe('hce.messages', () => {
  it.each(['repeat', 'once'] as const)(
    'yields every reader command exactly once, in order, when the app calls success %s',
    async (delivery) => {
      const { hce } = await started({ delivery });
      await expect(take(hce.messages(), 3)).resolves.toEqual(COMMANDS);
    },
  );

  it('re-arms onHCEMessage after each message while someone listens, and stops after', async () => {
    const { sim, hce } = await started({ delivery: 'once' });
    await take(hce.messages(), 3);
    const calls = sim.callsOf('onHCEMessage').length;
    expect(calls).toBeGreaterThanOrEqual(3); // the first registration plus a re-arm per message
    sim.hce.receive('01');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sim.callsOf('onHCEMessage')).toHaveLength(calls);
  });

  it('decodes commands and keeps the raw string', async () => {
    const { hce } = await started();
    const { value } = await hce.messages().next();
    expect(value).toEqual({
      value: Uint8Array.from([0x00, 0xa4, 0x04, 0x00, 0x0a, 0xa0, 0, 0, 0, 0x10]),
      raw: COMMANDS[0],
      decoded: true,
    });
  });

  it('skips an acknowledgement that carries no data', async () => {
    const { hce } = await started({ acknowledge: true });
    await expect(take(hce.messages(), 2)).resolves.toEqual(COMMANDS.slice(0, 2));
  });

  it('reports code 1301 to error listeners and keeps listening', async () => {
    const { sim, hce } = await started({ delivery: 'once' });
    sim.hce.answer('onHCEMessage', '1301');
    const errors = vi.fn();
    hce.events.on('error', errors);
    await expect(take(hce.messages(), 2)).resolves.toEqual(COMMANDS.slice(1));
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'HceError', code: '1301' }),
      'message',
    );
  });

  it('reports the failure of listening before start', async () => {
    const card = hce(setup().client);
    const errors = vi.fn();
    card.events.on('error', errors);
    card.events.on('message', () => undefined);
    await eventually(() =>
      expect(errors).toHaveBeenCalledWith(expect.objectContaining({ code: '1301' }), 'message'),
    );
  });

  it('shares one registration between two iterators', async () => {
    const { sim, hce } = await started({ reader: { commands: [] } });
    const first = take(hce.messages(), 1);
    const second = take(hce.messages(), 2);
    await eventually(() => expect(hce.events.listenerCount('message')).toBe(2));
    sim.hce.receive('0A');
    sim.hce.receive('0B');
    expect(await first).toEqual(['0A']);
    expect(await second).toEqual(['0A', '0B']);
    expect(sim.callsOf('onHCEMessage').length).toBeLessThanOrEqual(3);
  });

  it('ends with the abort reason', async () => {
    const { hce } = await started({ reader: { commands: [] } });
    const controller = new AbortController();
    const loop = take(hce.messages({ signal: controller.signal }), 5);
    controller.abort();
    await expect(loop).rejects.toMatchObject({ name: 'AbortError' });
    await eventually(() => expect(hce.events.listenerCount('message')).toBe(0));
  });

  it('stops the virtual reader and drops queued commands on stop', async () => {
    const { sim, hce } = await started({ reader: { commands: COMMANDS, interval: 50 } });
    await hce.stop();
    expect(sim.hce.activeTimers()).toBe(0);
    expect(sim.hce.receive('01')).toBe(false);
  });
});
