import { describe, expectTypeOf, it } from 'vitest';
import type { OpenApiError, OpenPlatform } from '../../../src/server/open-platform/index.js';

declare const platform: OpenPlatform;
const openId = 'o';

describe('open-platform client types', () => {
  it('has one method per interface, named after it', () => {
    expectTypeOf(platform).toHaveProperty('verifyPwdSeqId');
    expectTypeOf(platform).toHaveProperty('contractApply');
    expectTypeOf(platform).toHaveProperty('redPacketGive');
    expectTypeOf(platform).toHaveProperty('newMsgPush');
    expectTypeOf(platform).toHaveProperty('putIndustryCard');
  });

  it('types the answers as the spec names them', () => {
    expectTypeOf(platform.verifyPwdSeqId).returns.resolves.toEqualTypeOf<{ readonly transNo: string }>();
    expectTypeOf(platform.contractStatus).returns.resolves.toEqualTypeOf<{ readonly enable: number }>();
    expectTypeOf(platform.call<'contract.info'>).returns.resolves.toHaveProperty('contractStatus');
  });

  it('requires what the spec requires and checks enumerations', () => {
    // @ts-expect-error contract.apply needs the user's accessToken
    void platform.contractApply({ openId, planId: 'p', contractCode: 'c' });
    const card = { cardModuleId: 'm', bussCardNo: 'b', cardSubTp: '1', openId } as const;
    // @ts-expect-error transTp is 01, 02 or 03
    void platform.putIndustryCard({ ...card, transTp: '04' });
    // @ts-expect-error qualType is open_id, mobile or card_no
    void platform.qualSelect({ qualNum: 'n', qualType: 'email', qualValue: 'v' });
    void platform.redPacketGive({ insAcctId: 'T00T00000000888527', transNumber: 't', openId, pointAt: 100 });
    void platform.redPacketGive({
      insAcctId: 'T00T00000000888527',
      transNumber: 't',
      openId,
      pointAt: '100',
    });
  });

  it('types refusal codes with the §7.7 list and leaves room for others', () => {
    expectTypeOf<OpenApiError['code']>().extract<'N62131'>().toEqualTypeOf<'N62131'>();
    expectTypeOf<'BC0025'>().toMatchTypeOf<OpenApiError['code']>();
  });
});
