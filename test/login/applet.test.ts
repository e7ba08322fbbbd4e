import { applet } from '../../src/applet.js';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/login.js';
import { setup } from '../helpers/harness.js';
import { loginStack } from '../server/login/helpers.js';

describe('mini-program login', () => {
  it('signs in through the login endpoint with the applet code', async () => {
    const stack = await loginStack();
    const { client, signer } = setup({}, { mode: 'applet' });
    const outcome = await signIn({ via: 'applet', applet: applet(client), endpoint: stack.loginUrl });
    expect(outcome).toEqual({
      kind: 'session',
      session: { openId: stack.platform.openIdOf(), scope: 'upapi_base' },
    });
    expect(signer).not.toHaveBeenCalled();
  });

  it('rejects with the app error and never calls the endpoint when appletAuth fails', async () => {
    const stack = await loginStack();
    const { sim, client } = setup({}, { mode: 'applet' });
    sim.fault('appletAuth', { fail: 'errcode', code: 'c02' }, 1);
    await expect(
      signIn({ via: 'applet', applet: applet(client), endpoint: stack.loginUrl }),
    ).rejects.toMatchObject({
      code: 'c02',
    });
    expect(stack.platform.userRequests.token).toBe(0);
  });
});
