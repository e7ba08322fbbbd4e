/**
 * The client against upsdk.js's real handshake quirks (BRIDGE-FACTS.md
 * "Lifecycle"), through the simulator's model of upsdk.js over its fake
 * native layer. Each test here failed on the client that registered a fresh
 * error/ready handler per attempt.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, UpsdkConfigError } from '../../src/index.js';
import { createSimulatedSigner, installSimulator, ok } from '../../src/simulator/index.js';
import type { SignerFunction } from '../../src/client/signer-source.js';
import { pay } from '../../src/payment.js';
import { scanQRCode } from '../../src/device.js';
import { setup } from '../helpers/harness.js';

/** A signer whose answers come from `signers` in turn (the last one repeats). */
function signerSequence(...signers: SignerFunction[]) {
  let calls = 0;
  return vi.fn<SignerFunction>((url, context) =>
    signers[Math.min(calls++, signers.length - 1)]!(url, context),
  );
}

const wrongToken = createSimulatedSigner({ frontToken: 'WRONG' });
const expired = createSimulatedSigner({ clock: () => Date.now() - 10 * 60_000 });

type RawUpsdk = Record<string, (options?: unknown) => void>;

describe('config handshake on upsdk.js semantics', () => {
  it('resolves when native rejects the first config and accepts the retry', async () => {
    const { sim } = setup({ latency: 5 });
    const client = createClient({ signer: signerSequence(wrongToken, createSimulatedSigner()) });
    await expect(pay(client, { tn: 't' })).resolves.toBeUndefined();
    expect(sim.configCount).toBe(2);
  });

  it("rejects with the retry's own failure, not the replayed failure of the first attempt", async () => {
    setup({ latency: 5 });
    const client = createClient({ signer: signerSequence(wrongToken, expired) });
    const error = (await client.ready().catch((e: unknown) => e)) as UpsdkConfigError;
    expect(error).toBeInstanceOf(UpsdkConfigError);
    expect(error.raw).toEqual({ errcode: 'c01', errmsg: 'config: timestamp expired' });
  });

  it('ignores the old failure upsdk.js replays synchronously when the error handler registers', async () => {
    const { sim, client } = setup({ latency: 5 });
    (sim.upsdk as RawUpsdk).config!({}); // the page's own config, failing at once with c00
    await expect(client.ready()).resolves.toBeUndefined();
    expect(sim.acceptedUrl).toBe('http://localhost:3000/');
  });

  it('sends no plugin call after a URL change before native accepted the new config', async () => {
    let accepted: () => string | undefined = () => undefined;
    const seen: (string | undefined)[] = [];
    const { sim, client } = setup({
      latency: (plugin) => (plugin === 'config' ? 20 : 1),
      plugins: { pay: () => (seen.push(accepted()), ok()) },
    });
    accepted = () => sim.acceptedUrl;
    await pay(client, { tn: 'a' });
    window.history.pushState(null, '', '/next-page');
    await pay(client, { tn: 'b' });
    expect(seen).toEqual(['http://localhost:3000/', 'http://localhost:3000/next-page']);
  });

  it('after c05, sends the retry only once native accepted the new config', async () => {
    const { sim, client } = setup({ latency: (plugin) => (plugin === 'config' ? 20 : 1) });
    await scanQRCode(client);
    sim.loseConfig();
    await expect(scanQRCode(client)).resolves.toBe('https://qr.95516.com/00010000/simulated');
    expect(sim.configCount).toBe(2);
  });

  it('reads jsApiList from upsdk.jsApiList, which ready callbacks do not receive', async () => {
    const { sim, client } = setup();
    await client.ready();
    expect(client.jsApiList).toBe(sim.upsdk.jsApiList);
    expect(client.jsApiList).toContain('pay');
  });

  it('requests the signature while upsdk.js is still loading', async () => {
    const seen: boolean[] = [];
    setup({ installVia: 'script', latency: 10 });
    const signer = createSimulatedSigner();
    const client = createClient({
      signer: (url, context) => (seen.push('upsdk' in window), signer(url, context)),
    });
    await client.ready();
    expect(seen).toEqual([false]);
  });
});

describe('a bridge window from another realm', () => {
  it('builds config and params with that window’s Object, so upsdk.js does not send {}', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow!;
    const sim = installSimulator({ window: win });
    try {
      const client = createClient({ signer: createSimulatedSigner(), window: win });
      await expect(pay(client, { tn: 'from-the-parent' })).resolves.toBeUndefined();
      expect(sim.callsOf('pay')[0]!.native).toMatchObject({ tn: 'from-the-parent' });
    } finally {
      sim.uninstall();
      frame.remove();
    }
  });
});

describe('late answers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ignores the late failure of a config that timed out and waits for the next attempt’s own answer', async () => {
    vi.useFakeTimers();
    let configs = 0;
    const { sim } = setup({ latency: (plugin) => (plugin === 'config' ? (++configs === 1 ? 80 : 40) : 0) });
    const signer = signerSequence(wrongToken, createSimulatedSigner());
    const client = createClient({ signer, timeout: 50 });
    const first = client.ready().catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(50);
    expect(await first).toMatchObject({ code: 'timeout' });
    const second = client.ready();
    await vi.advanceTimersByTimeAsync(49);
    await expect(second).resolves.toBeUndefined();
    expect(signer).toHaveBeenCalledTimes(2);
    expect(sim.configCount).toBe(2);
  });
});
