import { describe, expect, it } from 'vitest';
import { SIMULATED_REFUND_CARD } from '../../../src/simulator/index.js';
import { platformStack, SAMPLE, SAMPLE_CARD } from './helpers.js';

describe('§5.3.1 verifyPwdSeqId over HTTP', () => {
  it('answers a transNo and the platform records the sample order under it', async () => {
    const { client, fake } = await platformStack();
    const { transNo } = await client.verifyPwdSeqId({
      openId: SAMPLE.openId,
      clientIp: '192.168.8.104',
      bizOrderId: '711076926887122',
      bizType: '4h',
      merchantId: '474919534200503',
      notifyUrl: 'https://XXX7.com',
    });
    expect(transNo).toMatch(/^[0-9A-F]{32}$/);
    expect(fake.payPasswordVerifications).toEqual([
      expect.objectContaining({
        transNo,
        bizOrderId: '711076926887122',
        bizType: '4h',
        merchantId: '474919534200503',
      }),
    ]);
  });
});

describe('§5.4 no-sense payment contracts over HTTP', () => {
  it('contract.apply answers the contractId and the operation time, read from `operationTime`', async () => {
    const { client, fake } = await platformStack();
    const applied = await client.contractApply({
      openId: SAMPLE.openId,
      accessToken: SAMPLE.accessToken,
      planId: SAMPLE.planId,
      contractCode: '684916616616',
    });
    expect(applied).toMatchObject({
      contractCode: '684916616616',
      planId: SAMPLE.planId,
      openId: SAMPLE.openId,
    });
    expect(applied.contractId).toMatch(/^62184\d{14}$/);
    expect(applied.operateTime).toMatch(/^\d{14}$/);
    expect(fake.contracts.get(applied.contractId)?.status).toBe('1');
  });

  it('contract.relieve ends the contract the platform made', async () => {
    const { client, fake } = await platformStack();
    const { contractId } = await client.contractApply({
      openId: SAMPLE.openId,
      accessToken: SAMPLE.accessToken,
      planId: SAMPLE.planId,
      contractCode: '655558569874523',
    });
    const relieved = await client.contractRelieve({
      openId: SAMPLE.openId,
      contractId,
      planId: SAMPLE.planId,
      contractCode: '655558569874523',
    });
    expect(relieved.operateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(fake.contracts.get(contractId)?.status).toBe('3');
  });

  it('contract.status answers the number of unfinished orders as a number', async () => {
    const { client } = await platformStack();
    expect(await client.contractStatus({ openId: SAMPLE.openId })).toEqual({ enable: 0 });
  });

  it('contract.info reads the `result`-wrapped sample reply: relieved is status 3', async () => {
    const { client } = await platformStack();
    const { contractId } = await client.contractApply({
      openId: SAMPLE.openId,
      accessToken: SAMPLE.accessToken,
      planId: SAMPLE.planId,
      contractCode: '684916616616',
    });
    expect(await client.contractInfo({ openId: SAMPLE.openId, planId: SAMPLE.planId })).toEqual({
      contractId,
      contractStatus: '1',
    });
    await client.contractRelieve({
      openId: SAMPLE.openId,
      contractId,
      planId: SAMPLE.planId,
      contractCode: '684916616616',
    });
    expect((await client.contractInfo({ openId: SAMPLE.openId, planId: SAMPLE.planId })).contractStatus).toBe(
      '3',
    );
  });

  it('contract.info answers an empty status for a user without a contract', async () => {
    const { client } = await platformStack();
    expect(await client.contractInfo({ openId: SAMPLE.openId, planId: SAMPLE.planId })).toEqual({
      contractId: '',
      contractStatus: '',
    });
  });
});

describe('§5.5–§5.7 over HTTP', () => {
  it('new.msg.push delivers the sample message and answers resultCd 00', async () => {
    const { client, fake } = await platformStack();
    const reply = await client.newMsgPush({
      openId: SAMPLE.openId,
      content: '推送的消息',
      url: 'https://opentools.95516.com/msgPush',
    });
    expect(reply.resultCd).toBe('00');
    expect(fake.pushedMessages).toEqual([
      { openId: SAMPLE.openId, content: '推送的消息', url: 'https://opentools.95516.com/msgPush' },
    ]);
  });

  it('return.tax answers the refund card decrypted and its type', async () => {
    const { client } = await platformStack();
    expect(await client.returnTax({ refundNo: '1232144356436' })).toEqual({
      cardNo: SIMULATED_REFUND_CARD,
      cardType: '1',
    });
  });

  it('putIndustryCard sends name, certId and mobileNo encrypted; the platform reads them back', async () => {
    const { client, fake } = await platformStack();
    await client.putIndustryCard(SAMPLE_CARD);
    expect(fake.industryCards[0]).toMatchObject({
      name: '张三',
      certId: '11010119900307123X',
      mobileNo: SAMPLE.mobile,
    });
  });
});

describe('§5.8 red packets and qualifications over HTTP', () => {
  it('red.packet.give, signed over plaintext with the amount encrypted, takes the amount off the balance', async () => {
    const { client, fake } = await platformStack({ fake: { redPacketBalance: 10_000 } });
    await client.redPacketGive({
      insAcctId: SAMPLE.insAcctId,
      transNumber: '20191029163610128532046164531',
      openId: SAMPLE.openId,
      mobile: SAMPLE.mobile,
      pointAt: 100,
    });
    expect(fake.redPackets).toEqual([
      expect.objectContaining({ pointAt: 100, mobile: SAMPLE.mobile, applied: true }),
    ]);
    expect(fake.redPacketBalance(SAMPLE.insAcctId)).toBe(9_900);
  });

  it('red.packet.select answers the account state and balance decrypted', async () => {
    const { client } = await platformStack({ fake: { redPacketBalance: 123_456 } });
    const reply = await client.redPacketSelect({
      insAcctId: SAMPLE.insAcctId,
      transNumber: '1320190910000368',
      transDt: '20191021',
      transTm: '20191021142022',
    });
    expect(reply).toEqual({ acctSt: '1', acctBalance: '123456', validBeginDtTm: '', validEndDtTm: '' });
  });

  it('qual.send grants draws that qual.select lists by validity (end date first)', async () => {
    const { client } = await platformStack();
    const qual = { qualNum: SAMPLE.qualNum, qualType: 'mobile', qualValue: SAMPLE.mobile } as const;
    await client.qualSend({
      ...qual,
      count: 2,
      transNumber: '12321334453254334',
      startDate: '20191029',
      endDate: '20191031',
    });
    expect(await client.qualSelect(qual)).toEqual({
      qualMap: { '20191031_20191029': 2 },
      respCode: '00',
      respMsg: '成功',
    });
  });

  it('qual.reduce spends a draw and answers the award', async () => {
    const { client, fake } = await platformStack();
    const qual = {
      qualNum: '29fd5a16-77ae-0842-750d-aed31e1830bd',
      qualType: 'mobile',
      qualValue: SAMPLE.mobile,
    } as const;
    await client.qualSend({
      ...qual,
      count: 1,
      transNumber: '12321334453254334',
      startDate: '20191029',
      endDate: '20191031',
    });
    const reply = await client.qualReduce({
      ...qual,
      activityNumber: '1320190910000374',
      orderAmount: '1',
      certId: '11010119900307123X',
      icTerminal: 'leirwei',
      qrCode: '33333',
      transNumber: '9865785412639875641235874156728',
    });
    expect(reply).toMatchObject({
      transNumber: '9865785412639875641235874156728',
      awardInfo: { activityNumber: '1320190910000374', awardType: '06', awardValue: '88' },
    });
    expect(reply.respTime).toMatch(/^\d{14}$/);
    expect(fake.qualifications(qual.qualNum, 'mobile', SAMPLE.mobile)).toBe(0);
  });
});
