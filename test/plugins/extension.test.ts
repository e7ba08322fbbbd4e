/**
 * A plugin of a newer app version that the library does not know: declared
 * by merging into `UpsdkPluginMap`, called typed through `client.call`,
 * answered by a simulator behaviour passed in `plugins`.
 */
import { describe, expect, it } from 'vitest';
import { ok } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';

declare module '../../src/index.js' {
  interface UpsdkPluginMap {
    getMuteState: { params: { detail?: '0' | '1' }; result: { isMute: string } };
  }
}

describe('plugins added by declaration merging', () => {
  it('are called through client.call with the params given', async () => {
    const { sim, client } = setup({ plugins: { getMuteState: () => ok({ isMute: '1' }) } });
    const state = await client.call('getMuteState', { detail: '1' });
    expect(state).toEqual({ isMute: '1' });
    expect(sim.callsOf('getMuteState')[0]!.params).toEqual({ detail: '1' });
  });

  it('get the same failure mapping as built-in plugins', async () => {
    const { sim, client } = setup({ plugins: { getMuteState: () => ok({ isMute: '0' }) } });
    sim.fault('getMuteState', { fail: 'code', code: 'c03', msg: 'app too old' });
    await expect(client.call('getMuteState', {})).rejects.toMatchObject({
      code: 'c03',
      plugin: 'getMuteState',
    });
  });
});
