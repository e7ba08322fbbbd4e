/**
 * The open-platform client under each plausible form of the facts the spec
 * leaves ambiguous (src/simulator/WIRE-FACTS.md), and under the answers the
 * spec documents but our fake used not to give.
 */
import { describe, expect, it } from 'vitest';
import { LoginError, OpenApiError } from '../../../src/server/open-platform/index.js';
import { rejected } from '../../login/caught.js';
import { platformStack } from './helpers.js';

const failure = (promise: Promise<unknown>): Promise<LoginError> => rejected(LoginError, promise);

/** A user signed in: the fake issues a code, the client exchanges it (§4.3). */
async function signedIn(stack: Awaited<ReturnType<typeof platformStack>>) {
  const code = stack.fake.issueCode({ scope: 'upapi_base' });
  return stack.client.token({ code, grantType: 'authorization_code' });
}

const verification = (openId: string) => ({
  openId,
  bizOrderId: '711076926887122',
  bizType: '4h',
  merchantId: '474919534200503',
  notifyUrl: 'https://XXX7.com',
});

describe('§5.3.1 verifyPwdSeqId: which token `accessToken` carries', () => {
  it('sends the backendToken by default, as the field table says', async () => {
    const stack = await platformStack({ fake: { verifyPwdToken: 'backendToken' } });
    const { openId } = await signedIn(stack);
    const { transNo } = await stack.client.verifyPwdSeqId(verification(openId));
    expect(stack.fake.payPasswordVerifications[0]?.transNo).toBe(transNo);
  });

  it("sends the user's own accessToken when given, for a platform that wants the sample's form", async () => {
    const stack = await platformStack({ fake: { verifyPwdToken: 'userAccessToken' } });
    const { openId, accessToken } = await signedIn(stack);
    const fetchedBefore = stack.tokens.fetched;
    const { transNo } = await stack.client.verifyPwdSeqId({ ...verification(openId), accessToken });
    expect(stack.fake.payPasswordVerifications[0]?.transNo).toBe(transNo);
    // The user's token is the caller's: no backendToken fetched or replaced for it.
    expect(stack.tokens.fetched).toBe(fetchedBefore);
  });

  it("is refused by a platform that wants the user's token when none is given", async () => {
    const stack = await platformStack({ fake: { verifyPwdToken: 'userAccessToken' } });
    const { openId } = await signedIn(stack);
    const error = await failure(stack.client.verifyPwdSeqId(verification(openId)));
    expect(error).toMatchObject({ code: 'simulated_invalid_access_token', api: 'verifyPwdSeqId' });
  });
});

describe('§5.3.1 merchantId', () => {
  it('takes a merchant number that is not 15 characters (the spec only says 商户号)', async () => {
    const stack = await platformStack();
    const { openId } = await signedIn(stack);
    await stack.client.verifyPwdSeqId({ ...verification(openId), merchantId: '898310048990001X' });
    await stack.client.verifyPwdSeqId({ ...verification(openId), merchantId: '8983100489' });
    expect(stack.fake.payPasswordVerifications.map((v) => v.merchantId)).toEqual([
      '898310048990001X',
      '8983100489',
    ]);
  });

  it('still refuses a merchantId with spaces', async () => {
    const stack = await platformStack();
    const error = await failure(
      stack.client.verifyPwdSeqId({ ...verification('x'), merchantId: '8983 1004' }),
    );
    expect(error).toMatchObject({ code: 'invalid_param' });
  });
});

describe('§5.5.1 new.msg.push', () => {
  it('fails when the platform answers resp 00 but resultCd other than 00 (not pushed)', async () => {
    const stack = await platformStack();
    const { openId } = await signedIn(stack);
    stack.fake.failPush('01');
    const error = await failure(
      stack.client.newMsgPush({ openId, content: 'hi', url: 'https://m.example.com/' }),
    );
    expect(error).toBeInstanceOf(OpenApiError);
    expect(error).toMatchObject({ code: 'result_failed', api: 'new.msg.push' });
    expect(error.msg).toMatch(/resultCd 01/);
    expect(stack.fake.pushedMessages).toEqual([]);
  });

  it('resolves with the answer when resultCd is 00', async () => {
    const stack = await platformStack();
    const { openId } = await signedIn(stack);
    const answer = await stack.client.newMsgPush({ openId, content: 'hi', url: 'https://m.example.com/' });
    expect(answer).toMatchObject({ openId, resultCd: '00' });
  });
});
