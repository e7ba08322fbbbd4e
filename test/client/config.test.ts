import { describe, expect, it, vi } from 'vitest';
import { createClient, UpsdkConfigError } from '../../src/index.js';
import { createSimulatedSigner, type SimulatedSignerOptions } from '../../src/simulator/index.js';
import type { SignerFunction } from '../../src/client/signer-source.js';
import { setup } from '../helpers/harness.js';

/** A signer that signs with the wrong frontToken for its first `bad` calls. */
function flakySigner(bad: number, options: SimulatedSignerOptions = {}) {
  const good = createSimulatedSigner(options);
  const wrong = createSimulatedSigner({ ...options, frontToken: 'WRONG' });
  let calls = 0;
  return vi.fn<SignerFunction>(async (url, context) => {
    calls += 1;
    const signature = await (calls <= bad ? wrong : good)(url, context);
    return { ...signature, tokenId: `token-${calls}` };
  });
}

describe('configuration', () => {
  it('passes appId, timestamp, nonceStr and signature to config', async () => {
    const { sim, client } = setup({}, { appId: 'app-from-options' });
    await client.ready();
    const params = sim.callsOf('config')[0]!.params;
    expect(Object.keys(params).sort()).toEqual(['appId', 'debug', 'nonceStr', 'signature', 'timestamp']);
    expect(params.timestamp).toMatch(/^\d{10}$/);
  });

  it('signs the page URL without its fragment', async () => {
    window.history.replaceState(null, '', '/shop?item=1#/cart');
    const { client, signer } = setup();
    await client.ready();
    expect(signer.mock.calls[0]![0]).toBe('http://localhost:3000/shop?item=1');
  });

  it('re-configures before the next call after pushState changes the URL', async () => {
    const { sim, client, signer } = setup();
    await client.call('pay', { tn: 'a' });
    window.history.pushState(null, '', '/next-page');
    await client.call('pay', { tn: 'b' });
    expect(sim.configCount).toBe(2);
    expect(signer.mock.calls.map(([url]) => url)).toEqual([
      'http://localhost:3000/',
      'http://localhost:3000/next-page',
    ]);
  });

  it('re-configures after replaceState changes the query', async () => {
    const { sim, client } = setup();
    await client.call('pay', { tn: 'a' });
    window.history.replaceState(null, '', '/?step=2');
    await client.call('pay', { tn: 'b' });
    expect(sim.configCount).toBe(2);
  });

  it('does not re-configure when only the fragment changes', async () => {
    const { sim, client } = setup();
    await client.call('pay', { tn: 'a' });
    window.location.hash = '#/other-route';
    await client.call('pay', { tn: 'b' });
    expect(sim.configCount).toBe(1);
  });

  it('re-configures after going back to a previous URL', async () => {
    const { sim, client } = setup();
    window.history.pushState(null, '', '/a');
    await client.call('pay', { tn: 'a' });
    window.history.pushState(null, '', '/b');
    await client.call('pay', { tn: 'b' });
    window.history.replaceState(null, '', '/a');
    await client.call('pay', { tn: 'c' });
    expect(sim.configCount).toBe(3);
  });

  it('retries a rejected config once with a fresh signature, telling the signer which token failed', async () => {
    const { sim } = setup();
    const signer = flakySigner(1);
    const client = createClient({ signer });
    await client.call('pay', { tn: 't' });
    expect(sim.configCount).toBe(2);
    expect(signer).toHaveBeenCalledTimes(2);
    expect(signer.mock.calls[0]![1]).toMatchObject({ retry: false });
    expect(signer.mock.calls[1]![1]).toMatchObject({ retry: true, tokenId: 'token-1' });
  });

  it('rejects every waiting call with UpsdkConfigError when the retry fails too', async () => {
    const { sim } = setup();
    const client = createClient({ signer: flakySigner(Infinity) });
    const results = await Promise.allSettled([
      client.call('pay', { tn: 'a' }),
      client.call('pay', { tn: 'b' }),
    ]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as UpsdkConfigError;
      expect(reason).toBeInstanceOf(UpsdkConfigError);
      expect(reason.code).toBe('c01');
    }
    expect(sim.configCount).toBe(2);
    expect(sim.callsOf('pay')).toHaveLength(0);
  });

  it('starts over on a later call after a config failure', async () => {
    const { sim } = setup();
    const client = createClient({ signer: flakySigner(2) });
    await expect(client.ready()).rejects.toBeInstanceOf(UpsdkConfigError);
    await client.ready();
    expect(sim.configCount).toBe(3);
  });

  it('fails config when the signature is too old', async () => {
    const { sim } = setup();
    const client = createClient({ signer: createSimulatedSigner({ clock: () => Date.now() - 10 * 60_000 }) });
    await expect(client.ready()).rejects.toMatchObject({ code: 'c01' });
    expect(sim.configCount).toBe(2);
  });

  it('re-configures and retries once when a plugin answers c05', async () => {
    const { sim, client } = setup();
    await client.call('pay', { tn: 'a' });
    sim.loseConfig();
    await client.call('pay', { tn: 'b' });
    expect(sim.configCount).toBe(2);
    expect(sim.callsOf('pay').map((call) => call.params.tn)).toEqual(['a', 'b', 'b']);
  });

  it('gives up after one c05 recovery', async () => {
    const { sim, client } = setup();
    await client.ready();
    sim.fault('pay', { fail: 'errcode', code: 'c05' }, 2);
    await expect(client.call('pay', { tn: 't' })).rejects.toMatchObject({ code: 'c05' });
    expect(sim.callsOf('pay')).toHaveLength(2);
  });

  it('passes debug: true to config when asked', async () => {
    const { sim, client } = setup({}, { debug: true });
    await client.ready();
    expect(sim.callsOf('config')[0]!.params.debug).toBe(true);
  });
});
