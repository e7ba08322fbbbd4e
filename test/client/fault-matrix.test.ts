/**
 * Every fault the two-layer simulator can inject, on a spread of plugins
 * (pay's message-only failures included): each call settles — a value or a
 * typed UpsdkError — within its timeout, nothing is left unhandled (the
 * setup file fails a test that leaks a rejection), and the next clean call
 * still works.
 */
import { describe, expect, it } from 'vitest';
import { createClient, UpsdkError } from '../../src/index.js';
import { createSimulatedSigner, SIMULATED_FRONT_TOKEN, type Fault } from '../../src/simulator/index.js';
import { pay } from '../../src/payment.js';
import { setup } from '../helpers/harness.js';

const PLUGINS = [
  ['pay', { tn: 't' }],
  ['scanQRCode', {}],
  ['chooseImage', {}],
  ['getLocationGps', {}],
  ['verifyPayPwd', { transNo: 'n' }],
] as const;

const FAULTS: readonly Fault[] = [
  'drop',
  'double',
  'sync',
  'cancel',
  ...(['errcode', 'code', 'msg', 'string', 'none'] as const).map((fail) => ({ fail, code: 'c05' })),
  { fail: 'msg', msg: '用户取消' },
  { status: 'ILLEGAL_ACCESS_EXCEPTION' },
  { status: 'INVALID_ACTION' },
  { status: 'CLASS_NOT_FOUND_EXCEPTION' },
];

type Settled = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

const settle = (promise: Promise<unknown>): Promise<Settled> =>
  promise.then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, error }),
  );

describe('fault matrix', () => {
  for (const [plugin, params] of PLUGINS) {
    it(`${plugin}: every fault settles with a value or a typed error, and the next call works`, async () => {
      const { sim, client } = setup({ latency: 1 });
      const call = (): Promise<unknown> => client.call(plugin as 'pay', params as never, { timeout: 100 });
      for (const fault of FAULTS) {
        sim.fault(plugin, fault, 1);
        const outcome = await settle(call());
        if (!outcome.ok) expect(outcome.error, JSON.stringify(fault)).toBeInstanceOf(UpsdkError);
      }
      sim.clearFaults();
      await expect(call()).resolves.not.toBeInstanceOf(Error);
    });
  }

  it('start-up faults settle with typed errors and the client recovers', async () => {
    const { sim } = setup({ installVia: 'script', scriptLoad: 'error', latency: 1 });
    const client = createClient({ signer: createSimulatedSigner(), timeout: 100 });
    for (const outcome of ['error', 'no-global'] as const) {
      sim.setScriptLoad(outcome);
      const result = await settle(client.ready());
      expect(result).toMatchObject({ ok: false, error: { code: 'script_load_failed' } });
    }
    sim.setScriptLoad('load');
    sim.setFrontToken('ROTATED');
    await expect(settle(client.ready())).resolves.toMatchObject({ ok: false, error: { code: 'c01' } });
    sim.setFrontToken(SIMULATED_FRONT_TOKEN);
    await expect(pay(client, { tn: 't' })).resolves.toBeUndefined();
  });

  it('a bridge that never fires deviceready times the start-up out with a typed error', async () => {
    setup({ bridgeDelay: 60_000 });
    const client = createClient({ signer: createSimulatedSigner(), timeout: 50 });
    const result = await settle(pay(client, { tn: 't' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });
});
