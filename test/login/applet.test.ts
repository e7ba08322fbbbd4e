import { describe, expect, it } from 'vitest';
import { signIn, UpsdkError } from '../../src/index.js';
import { ok } from '../../src/simulator/index.js';
import { setup } from '../helpers/harness.js';
import { loginStack } from '../server/login/helpers.js';

describe('client.appletAuth (mini-programs)', () => {
  it('answers the code the app gives, without signing', async () => {
    const { sim, client, signer } = setup({}, { mode: 'applet' });
    const { code } = await client.appletAuth();
    expect(code).toEqual(expect.any(String));
    expect(sim.callsOf('appletAuth')).toHaveLength(1);
    expect(signer).not.toHaveBeenCalled();
  });

  it('reads a code answered as a JSON string (Android style)', async () => {
    const { client } = setup({ plugins: { appletAuth: () => ok('{"code":"ab+c"}') } }, { mode: 'applet' });
    expect(await client.appletAuth()).toEqual({ code: 'ab+c' });
  });

  it('fails with invalid_result when the answer has no code', async () => {
    const { client } = setup({ plugins: { appletAuth: () => ok({}) } }, { mode: 'applet' });
    await expect(client.appletAuth()).rejects.toMatchObject({ code: 'invalid_result', plugin: 'appletAuth' });
  });

  it("fails with the app's errcode", async () => {
    const { sim, client } = setup({}, { mode: 'applet' });
    sim.fault('appletAuth', { fail: 'errcode', code: 'c02' }, 1);
    const error = await client.appletAuth().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpsdkError);
    expect(error).toMatchObject({ code: 'c02', plugin: 'appletAuth' });
  });

  it('signs in through the login endpoint with the applet code', async () => {
    const stack = await loginStack();
    const { client } = setup({}, { mode: 'applet' });
    const outcome = await signIn({ via: 'applet', client, endpoint: stack.loginUrl });
    expect(outcome).toEqual({
      kind: 'session',
      session: { openId: stack.platform.openIdOf(), scope: 'upapi_base' },
    });
  });
});
