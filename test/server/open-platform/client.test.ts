import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createSigner } from '../../../src/server/index.js';
import { createOpenPlatform, LoginError, OpenApiError } from '../../../src/server/open-platform/index.js';
import { SIMULATED_APP_ID, SIMULATED_SECRET } from '../../../src/simulator/index.js';
import { rejected } from '../../login/caught.js';
import { platformStack, SAMPLE, SAMPLE_CARD, SAMPLE_GRANT } from './helpers.js';

const failure = (promise: Promise<unknown>): Promise<LoginError> => rejected(LoginError, promise);
const relief = { openId: SAMPLE.openId, planId: SAMPLE.planId };

describe('backendToken handling', () => {
  it('replaces a rejected backendToken (a10) and retries the call once', async () => {
    const { client, fake, tokens, events } = await platformStack();
    await client.contractStatus({ openId: SAMPLE.openId });
    fake.revoke('backendToken'); // another system sharing the appId took a new token (FAQ 14)
    expect(await client.contractStatus({ openId: SAMPLE.openId })).toEqual({ enable: 0 });
    expect(tokens.invalidations).toBe(1);
    expect(tokens.fetched).toBe(2);
    expect(events.map((event) => [event.attempt, event.code])).toEqual([
      [1, '00'],
      [1, 'a10'],
      [2, '00'],
    ]);
  });

  it('gives up with a10 when the retried call is refused with a10 too', async () => {
    const { client, fake } = await platformStack();
    fake.refuse('contract.info', 'a10', { times: 2 });
    const error = await failure(client.contractInfo(relief));
    expect(error).toBeInstanceOf(OpenApiError);
    expect(error).toMatchObject({ code: 'a10', api: 'contract.info' });
    expect(fake.serviceRequests['contract.info']).toBe(2);
  });

  it('sends the backendToken in `accessToken` for verifyPwdSeqId, as §5.3.1 names it', async () => {
    const { client, fake } = await platformStack();
    fake.refuse('verifyPwdSeqId', 'a10');
    const { transNo } = await client.verifyPwdSeqId({
      openId: SAMPLE.openId,
      bizOrderId: '711076926887122',
      bizType: '4h',
      merchantId: '474919534200503',
      notifyUrl: 'https://XXX7.com',
    });
    expect(fake.payPasswordVerifications[0]?.transNo).toBe(transNo);
  });
});

describe('calling by name', () => {
  it('platform.call(name) is the method of that name', async () => {
    const { client, fake } = await platformStack();
    expect(await client.call('contract.status', { openId: SAMPLE.openId })).toEqual({ enable: 0 });
    expect(fake.serviceRequests['contract.status']).toBe(1);
  });
});

describe('refusals', () => {
  it('arrive as OpenApiError with the platform code and, without a message, the §7.7 meaning', async () => {
    const { client, fake } = await platformStack();
    fake.refuse('new.msg.push', 'N62131', { msg: '' });
    const error = await failure(
      client.newMsgPush({ openId: SAMPLE.openId, content: 'hi', url: 'https://m.example.com/' }),
    );
    expect(error).toBeInstanceOf(OpenApiError);
    expect(error).toMatchObject({ code: 'N62131', api: 'new.msg.push', status: 502 });
    expect(error.msg).toMatch(/no permission/);
  });

  it('a request signed with a key the platform does not hold is refused (BC0025)', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const { client } = await platformStack({ client: { partnerKey: other } });
    const error = await failure(
      client.qualSend({
        qualNum: SAMPLE.qualNum,
        qualType: 'mobile',
        qualValue: SAMPLE.mobile,
        count: 1,
        transNumber: '12321334453254334',
        startDate: '20191029',
        endDate: '20191031',
      }),
    );
    expect(error).toMatchObject({ code: 'BC0025', api: 'qual.send' });
  });

  it('a draw without qualification is refused with the platform code', async () => {
    const { client } = await platformStack();
    const error = await failure(
      client.qualReduce({
        qualNum: SAMPLE.qualNum,
        qualType: 'open_id',
        qualValue: SAMPLE.openId,
        activityNumber: '1320190910000374',
        transNumber: '1',
      }),
    );
    expect(error.code).toBe('simulated_no_qualification');
  });
});

describe('field checks, before anything is sent', () => {
  const give = {
    insAcctId: SAMPLE.insAcctId,
    transNumber: '20191029163610128532046164531',
    openId: SAMPLE.openId,
  };

  it.each([
    ['a negative amount', { ...give, pointAt: -1 }, 'pointAt'],
    ['a fractional amount', { ...give, pointAt: 1.5 }, 'pointAt'],
    ['a 17-character insAcctId', { ...give, insAcctId: 'T00T0000000088852', pointAt: 1 }, 'insAcctId'],
    ['no openId, mobile or pan', { insAcctId: SAMPLE.insAcctId, transNumber: '1', pointAt: 1 }, 'openId'],
  ])('red.packet.give refuses %s', async (_, input, field) => {
    const { client, fake } = await platformStack();
    const error = await failure(client.redPacketGive(input as never));
    expect(error).toMatchObject({ code: 'invalid_param', status: 400 });
    expect(error.msg).toContain(`\`${field}\``);
    expect(fake.serviceRequests['red.packet.give']).toBe(0);
  });

  it('refuses a date that is not on the calendar', async () => {
    const { client } = await platformStack();
    const error = await failure(
      client.qualSend({ ...SAMPLE_GRANT, startDate: '20190230', endDate: '20190301' }),
    );
    expect(error.msg).toMatch(/`startDate` to be a calendar date as yyyyMMdd/);
  });

  it('refuses an endDate before the startDate', async () => {
    const { client } = await platformStack();
    const error = await failure(
      client.qualSend({ ...SAMPLE_GRANT, startDate: '20191031', endDate: '20191029' }),
    );
    expect(error.msg).toContain('`endDate`');
  });

  it('refuses a transTp outside 01, 02, 03', async () => {
    const { client } = await platformStack();
    const card = {
      cardModuleId: '213454765435423',
      bussCardNo: '12321325347654',
      cardSubTp: '1',
      openId: SAMPLE.openId,
    };
    const error = await failure(client.putIndustryCard({ ...card, transTp: '04' as '01' }));
    expect(error.msg).toMatch(/`transTp` to be one of "01", "02", "03", got "04"/);
  });

  it('checks qualValue as what qualType says, without showing the value', async () => {
    const { client } = await platformStack();
    const error = await failure(
      client.qualSelect({ qualNum: SAMPLE.qualNum, qualType: 'mobile', qualValue: '1380013800X' }),
    );
    expect(error.msg).toContain('`qualValue` to be an 11-digit mobile number');
    expect(error.message).not.toContain('1380013800X');
  });

  it('defaults transDt and transTm to the same moment in Beijing time', async () => {
    // 2019-10-21 06:20:22 UTC is 14:20:22 in Beijing.
    const { client } = await platformStack({ client: { clock: () => Date.UTC(2019, 9, 21, 6, 20, 22) } });
    const error = await failure(
      client.redPacketSelect({ insAcctId: SAMPLE.insAcctId, transNumber: '1', transDt: '20191020' }),
    );
    expect(error.msg).toContain('a time on the day `transDt` names (20191020)');
    expect(error.msg).toContain('20191021142022');
  });

  it('needs the symmetricKey for interfaces with encrypted fields, and says so before sending', async () => {
    const { client, fake } = await platformStack({ client: { symmetricKey: undefined } });
    const error = await failure(client.returnTax({ refundNo: '1232144356436' }));
    expect(error).toMatchObject({ code: 'invalid_param', status: 500 });
    expect(error.msg).toContain('symmetricKey');
    expect(fake.serviceRequests['return.tax']).toBe(0);
  });

  it('needs the partnerKey for signed interfaces', async () => {
    const { client } = await platformStack({ client: { partnerKey: undefined } });
    const error = await failure(client.redPacketGive({ ...give, pointAt: 1 }));
    expect(error.msg).toContain('partnerKey');
  });
});

describe('sensitive values', () => {
  it('are described by type and length in errors, even when given as numbers', async () => {
    const { client } = await platformStack();
    const give = { insAcctId: SAMPLE.insAcctId, transNumber: '1', pointAt: 1 };
    const asNumber = await failure(
      client.redPacketGive({ ...give, mobile: 13800138000 as unknown as string }),
    );
    expect(asNumber.msg).toMatch(/`mobile` to be an 11-digit mobile number starting with 1, got a number$/);
    const tooShort = await failure(client.redPacketGive({ ...give, pan: '6214830000' }));
    expect(tooShort.msg).toMatch(/got a string of 10 characters$/);
    expect(tooShort.message).not.toContain('6214830000');
  });

  it('never appear in log events', async () => {
    const { client, events } = await platformStack();
    await client.putIndustryCard(SAMPLE_CARD);
    const logged = JSON.stringify(events);
    expect(events).toHaveLength(1);
    for (const secret of ['张三', '11010119900307123X', SAMPLE.mobile, SAMPLE.openId])
      expect(logged).not.toContain(secret);
  });
});

describe('timeouts and abort', () => {
  it('a platform slower than `timeout` fails with upstream_timeout', async () => {
    const { client, fake } = await platformStack({ client: { timeout: 150, queryAttempts: 1 } });
    fake.stall('contract.status', 5_000);
    const error = await failure(client.contractStatus({ openId: SAMPLE.openId }));
    expect(error).toMatchObject({ code: 'upstream_timeout', api: 'contract.status' });
  });

  it('a query that timed out is sent again; a money-moving call is sent once', async () => {
    const { client, fake } = await platformStack({ client: { timeout: 150 } });
    fake.stall('contract.status', 5_000);
    await expect(client.contractStatus({ openId: SAMPLE.openId })).resolves.toMatchObject({ enable: 0 });
    expect(fake.serviceRequests['contract.status']).toBe(2);
    fake.stall('putIndustryCard', 5_000);
    const error = await failure(client.putIndustryCard(SAMPLE_CARD));
    expect(error).toMatchObject({ code: 'upstream_timeout', api: 'putIndustryCard' });
    expect(fake.serviceRequests.putIndustryCard).toBe(1);
  });

  it("an aborted call rejects with the signal's reason", async () => {
    const { client, fake } = await platformStack();
    fake.stall('contract.status', 5_000);
    const controller = new AbortController();
    const reason = new Error('user went away');
    const call = client.contractStatus({ openId: SAMPLE.openId }, { signal: controller.signal });
    await expect.poll(() => fake.serviceRequests['contract.status']).toBe(1);
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });
});

describe('with the signer as the token source', () => {
  it("takes the backendToken from the signer's shared cache and has the signer refresh it after a10", async () => {
    const { fake, url } = await platformStack();
    const signer = createSigner({
      appId: SIMULATED_APP_ID,
      secret: SIMULATED_SECRET,
      allowedOrigins: ['m.example.com'],
      baseUrl: url,
      store: createMemoryStore(),
    });
    const client = createOpenPlatform({ tokens: signer, baseUrl: url });
    await client.contractStatus({ openId: SAMPLE.openId });
    await client.contractStatus({ openId: SAMPLE.openId });
    expect(fake.issued.backendToken).toBe(1);
    fake.revoke('backendToken');
    expect(await client.contractStatus({ openId: SAMPLE.openId })).toEqual({ enable: 0 });
    expect(fake.issued.backendToken).toBe(2);
  });
});
