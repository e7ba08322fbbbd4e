/**
 * upsdk.js's pay wrapper reduces every failure to `{msg}`; the client gets
 * the SDK's code back from its fixed texts (c02…c05) and `cancel` from the
 * user's cancel, keeping the text in `msg` and the payload in `raw`.
 */
import { describe, expect, it } from 'vitest';
import type { NativeStatus } from '../../src/simulator/index.js';
import { SDK_TEXTS } from '../../src/client/sdk-texts.js';
import { pay } from '../../src/payment.js';
import { setup } from '../helpers/harness.js';

describe('pay failures', () => {
  it('recovers c05 on pay: re-configures and pays once more', async () => {
    const { sim, client } = setup();
    await pay(client, { tn: 'a' });
    sim.loseConfig();
    await expect(pay(client, { tn: 'b' })).resolves.toBeUndefined();
    expect(sim.configCount).toBe(2);
    expect(sim.callsOf('pay').map((call) => call.params.tn)).toEqual(['a', 'b', 'b']);
  });

  it('gives up after one c05 recovery on pay, with the text kept', async () => {
    const { sim, client } = setup();
    await client.ready();
    sim.fault('pay', { fail: 'errcode', code: 'c05' }, 2);
    await expect(pay(client, { tn: 't' })).rejects.toMatchObject({
      code: 'c05',
      msg: SDK_TEXTS.c05,
      raw: { msg: SDK_TEXTS.c05 },
    });
  });

  const statuses: [NativeStatus, string][] = [
    ['ILLEGAL_ACCESS_EXCEPTION', 'c02'],
    ['INVALID_ACTION', 'c03'],
    ['CLASS_NOT_FOUND_EXCEPTION', 'c04'],
  ];
  for (const [status, code] of statuses) {
    it(`maps pay's message for cordova ${status} back to ${code}`, async () => {
      const { sim, client } = setup();
      sim.fault('pay', { status });
      const error = await pay(client, { tn: 't' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code, plugin: 'pay' });
      expect((error as { raw: { msg: string } }).raw.msg).toMatch(/^[A-Z_]+_EXCEPTION: /);
    });
  }

  it("maps the user's cancel to code cancel, keeping the text in msg and the payload in raw", async () => {
    const { sim, client } = setup();
    sim.ui.payOutcome = 'cancel';
    await expect(pay(client, { tn: 't' })).rejects.toMatchObject({
      code: 'cancel',
      msg: '用户取消支付 (the user cancelled)',
      raw: { msg: '用户取消支付 (the user cancelled)' },
    });
  });

  it('leaves a bank refusal as code unknown with its text', async () => {
    const { sim, client } = setup();
    sim.ui.payOutcome = 'fail';
    await expect(pay(client, { tn: 't' })).rejects.toMatchObject({
      code: 'unknown',
      msg: '支付失败 (simulated payment failure)',
    });
  });
});
