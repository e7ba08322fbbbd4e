/**
 * Red packets and lottery qualifications of the fake open platform (spec
 * §5.8, §7.10): an institution account with a balance in fen, gifts from
 * it, qualification pools per user and draws that spend them. Signed
 * interfaces check the partner's signature; the others the backendToken.
 */
import { authenticate, beijingStamp, reply, undocumented, type PlatformState } from './open-platform-wire.js';
import { partnerChecks, type Body, type ServiceContext } from './open-platform-partner.js';
import { encrypt3des } from './triple-des.js';

/** Options of the marketing part. */
export interface MarketingOptions {
  /** Starting balance of every institution account, in fen. Default 1 000 000 (10 000 yuan). */
  readonly redPacketBalance?: number | undefined;
  /** What one draw (§5.8.5) awards, in fen. Default 88. */
  readonly awardFen?: number | undefined;
}

/** A red packet given (§5.8.1), decrypted. */
export interface SimulatedRedPacket {
  readonly insAcctId: string;
  readonly transNumber: string;
  readonly openId?: string | undefined;
  readonly mobile?: string | undefined;
  readonly pan?: string | undefined;
  /** Fen. */
  readonly pointAt: number;
  /** False when the balance was short: §7.10 says the platform still answers success. */
  readonly applied: boolean;
}

/** Controls of the marketing part. */
export interface FakeMarketing {
  /** Red packets given, oldest first. */
  readonly redPackets: readonly SimulatedRedPacket[];
  /** The balance of institution account `insAcctId`, in fen. */
  redPacketBalance(insAcctId: string): number;
  /** Draws left for a user in a pool, over all validity periods. */
  qualifications(qualNum: string, qualType: string, qualValue: string): number;
}

interface Qualification {
  readonly startDate: string;
  readonly endDate: string;
  count: number;
}

const POINT_AT = /^\d{1,13}$/;

/** The marketing endpoints over the shared service context. */
export function createMarketing(options: MarketingOptions, context: ServiceContext) {
  const { platform }: { platform: PlatformState } = context;
  const partner = partnerChecks(context);
  const balances = new Map<string, number>();
  const redPackets: SimulatedRedPacket[] = [];
  const pools = new Map<string, Qualification[]>();
  const transNumbers = new Set<string>();
  const awardFen = options.awardFen ?? 88;
  const balanceOf = (account: string): number =>
    balances.get(account) ?? options.redPacketBalance ?? 1_000_000;
  const poolKey = (qualNum: string, qualType: string, qualValue: string): string =>
    `${qualNum}|${qualType}|${qualValue}`;
  const poolOf = (key: string): Qualification[] => pools.get(key) ?? pools.set(key, []).get(key)!;
  const left = (key: string): number => (pools.get(key) ?? []).reduce((sum, q) => sum + q.count, 0);

  /** A transaction number is used once (§5.8.4 "确保唯一"); the fake's own code for a repeat. */
  const repeated = (transNumber: string): Response | undefined => {
    if (!transNumbers.has(transNumber)) return void transNumbers.add(transNumber);
    return reply('simulated_duplicate_transNumber', 'transNumber was used before');
  };

  return {
    async give(body: Body): Promise<Response> {
      const fields = await partner.authenticateSigned(
        body,
        undocumented('insAcctId', 'transNumber', 'pointAt'),
        ['mobile', 'pan', 'pointAt'],
      );
      if (fields instanceof Response) return fields;
      if (!fields.openId && !fields.mobile && !fields.pan)
        return reply('N62110', 'openId、mobile、pan不能同时为空');
      if (!POINT_AT.test(fields.pointAt!))
        return reply('simulated_bad_amount', 'pointAt is not a whole number of fen');
      const duplicate = repeated(fields.transNumber!);
      if (duplicate) return duplicate;
      const pointAt = Number(fields.pointAt);
      const balance = balanceOf(fields.insAcctId!);
      // §7.10 note 1: a short balance still answers success, without moving money.
      const applied = balance >= pointAt;
      if (applied) balances.set(fields.insAcctId!, balance - pointAt);
      const { openId, mobile, pan } = fields;
      redPackets.push({
        insAcctId: fields.insAcctId!,
        transNumber: fields.transNumber!,
        pointAt,
        applied,
        ...(openId ? { openId } : {}),
        ...(mobile ? { mobile } : {}),
        ...(pan ? { pan } : {}),
      });
      return reply('00', '成功', { resp: '' });
    },

    select(body: Body): Response {
      const fields = authenticate(
        platform,
        body,
        undocumented('insAcctId', 'transNumber', 'transDt', 'transTm'),
      );
      if (fields instanceof Response) return fields;
      return reply('00', '成功', {
        acctSt: encrypt3des('1', context.key),
        acctBalance: encrypt3des(String(balanceOf(fields.insAcctId)), context.key),
        validBeginDtTm: '',
        validEndDtTm: '',
      });
    },

    qualSelect(body: Body): Response {
      const fields = authenticate(platform, body, undocumented('qualNum', 'qualType', 'qualValue'));
      if (fields instanceof Response) return fields;
      const plain = partner.decrypted(body, ['qualValue']);
      if (plain instanceof Response) return plain;
      const qualMap: Record<string, number> = {};
      for (const q of pools.get(poolKey(fields.qualNum, fields.qualType, plain.qualValue!)) ?? []) {
        if (q.count > 0) qualMap[`${q.endDate}_${q.startDate}`] = q.count;
      }
      return reply('00', '成功', { qualMap, respCode: '00', respMsg: '成功' });
    },

    async qualSend(body: Body): Promise<Response> {
      const fields = await partner.authenticateSigned(
        body,
        undocumented('qualNum', 'qualType', 'qualValue', 'count', 'transNumber', 'startDate', 'endDate'),
        ['qualValue', 'count'],
      );
      if (fields instanceof Response) return fields;
      if (!/^[1-9]\d{0,6}$/.test(fields.count!))
        return reply('simulated_bad_count', 'count is not a positive number');
      const duplicate = repeated(fields.transNumber!);
      if (duplicate) return duplicate;
      const key = poolKey(fields.qualNum!, fields.qualType!, fields.qualValue!);
      poolOf(key).push({
        startDate: fields.startDate!,
        endDate: fields.endDate!,
        count: Number(fields.count),
      });
      return reply('00', '', { resp: '' });
    },

    async qualReduce(body: Body): Promise<Response> {
      const fields = await partner.authenticateSigned(
        body,
        undocumented('activityNumber', 'qualNum', 'qualType', 'qualValue', 'transNumber'),
        ['qualValue', 'certId'],
      );
      if (fields instanceof Response) return fields;
      const qualification = (
        pools.get(poolKey(fields.qualNum!, fields.qualType!, fields.qualValue!)) ?? []
      ).find((q) => q.count > 0);
      if (!qualification)
        return reply('simulated_no_qualification', 'the user has no draws left in this pool');
      const account = `activity:${fields.activityNumber}`;
      if (balanceOf(account) < awardFen) return reply('AM03051', '抽奖余额不足');
      const duplicate = repeated(fields.transNumber!);
      if (duplicate) return duplicate;
      qualification.count -= 1;
      balances.set(account, balanceOf(account) - awardFen);
      return reply('00', '', {
        resp: '00',
        respTime: beijingStamp(platform.clock()),
        awardInfo: {
          activityNumber: fields.activityNumber,
          activityName: '模拟抽奖活动',
          beginTime: qualification.startDate,
          endTime: qualification.endDate,
          awardId: '1',
          awardType: '06',
          awardName: '随机红包',
          awardValue: String(awardFen),
          extAcctId: '',
          extAcctName: '',
          drawDesc: '恭喜中奖',
          couponStartDate: '',
          couponEndDate: '',
          couponGoodsUrl: '',
        },
        transNumber: fields.transNumber,
      });
    },

    controls: {
      redPackets,
      redPacketBalance: balanceOf,
      qualifications: (qualNum: string, qualType: string, qualValue: string) =>
        left(poolKey(qualNum, qualType, qualValue)),
    } satisfies FakeMarketing,
  };
}
