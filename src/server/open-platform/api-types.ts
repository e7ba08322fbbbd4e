/**
 * What each interface takes and answers, field names as the spec gives them
 * (spec §4.3, §5.2–§5.8). `appId`, the backendToken, `nonceStr`,
 * `timestamp` and `signature` are the client's business and never appear
 * here; encrypted fields are given and answered in plaintext.
 */
import type { OpenApiName } from '../login/errors.js';

/** A whole amount in fen (分; 100 fen = 1 yuan), as a number or a string of digits. */
export type Fen = number | `${number}`;
/** `yyyyMMdd`, e.g. `20191029`. */
export type YearMonthDay = string;
/** `yyyyMMddHHmmss`, e.g. `20190712144820`. */
export type YearMonthDayTime = string;
/** The kind of value a lottery qualification is keyed by (§5.8.3–§5.8.5). */
export type QualType = 'open_id' | 'mobile' | 'card_no';

/** The user's proof of consent, from the login (§4.3). */
interface UserFields {
  readonly openId: string;
  readonly accessToken: string;
}

/** Fields of a qualification, in plaintext (`qualValue` is sent encrypted). */
interface QualFields {
  /** The qualification pool (资格池编号), e.g. `681ee844-40de-0376-1257-3ace7bc3a7c2`. */
  readonly qualNum: string;
  readonly qualType: QualType;
  /** An openId, an 11-digit mobile number or a card number, as `qualType` says. */
  readonly qualValue: string;
}

/** §5.3.1 request. */
export interface VerifyPwdSeqIdInput {
  readonly openId: string;
  /** The terminal's IP address. */
  readonly clientIp?: string | undefined;
  /** Your unique number for this verification. */
  readonly bizOrderId: string;
  /** Business type agreed with UnionPay (`4a` buying funds; the sample uses `4h`). */
  readonly bizType: string;
  /** Your merchant number (商户号; the spec fixes no length, its sample has 15 characters). */
  readonly merchantId: string;
  /** Where the platform sends the result notification (§5.3.2). */
  readonly notifyUrl: string;
  /**
   * The token to send as `accessToken`. Default: the app's backendToken, as
   * the spec's field table says ("基础服务令牌，通过获取backendToken接口获取").
   * The spec's sample value has the shape of a user's OAuth accessToken
   * (§4.3) instead, and the one public SDK sends that; if the platform
   * refuses the backendToken here, pass the user's accessToken from the login.
   * Then no backendToken is fetched, and a refusal is not retried.
   *
   * @example
   * ```ts
   * const { accessToken, openId } = await platform.token({ code, grantType: 'authorization_code' });
   * await platform.verifyPwdSeqId({ openId, accessToken, bizOrderId, bizType: '4h', merchantId, notifyUrl });
   * ```
   */
  readonly accessToken?: string | undefined;
}

/** §5.4.1 request. */
export interface ContractApplyInput extends UserFields {
  /** Contract template id UnionPay assigned. */
  readonly planId: string;
  /** Your own contract number. */
  readonly contractCode: string;
}

/** §5.4.1 / §5.4.2 answer. */
export interface ContractOperation {
  readonly contractCode: string;
  readonly planId: string;
  readonly openId: string;
  /** As the platform sent it: `20190324203725` or `2019-03-24 18:38:27` (its samples use both). */
  readonly operateTime: string;
}

/** §5.4.2 request. */
export interface ContractRelieveInput {
  readonly openId: string;
  readonly contractId: string;
  readonly planId: string;
  readonly contractCode: string;
}

/** §5.7.1 request; `name`, `certId`, `mobileNo` are sent encrypted. */
export interface PutIndustryCardInput {
  readonly cardModuleId: string;
  readonly bussCardNo: string;
  readonly cardSubTp: string;
  /** 01 add, 02 update, 03 delete. */
  readonly transTp: '01' | '02' | '03';
  readonly openId: string;
  /** Six-digit region code of the issuer. */
  readonly region?: string | undefined;
  readonly channelNo?: string | undefined;
  readonly name?: string | undefined;
  readonly certId?: string | undefined;
  readonly mobileNo?: string | undefined;
}

/** §5.8.1 request: at least one of `openId`, `mobile`, `pan`. */
export interface RedPacketGiveInput {
  /** Institution account, 18 characters (`T00` + your code). */
  readonly insAcctId: string;
  readonly transNumber: string;
  readonly openId?: string | undefined;
  readonly mobile?: string | undefined;
  /** A card number in the user's name. */
  readonly pan?: string | undefined;
  /** The amount, in fen, not negative. */
  readonly pointAt: Fen;
  readonly remark?: string | undefined;
}

/** §5.8.2 request; `transDt`/`transTm` default to now in Beijing time. */
export interface RedPacketSelectInput {
  readonly insAcctId: string;
  readonly transNumber: string;
  readonly transDt?: YearMonthDay | undefined;
  readonly transTm?: YearMonthDayTime | undefined;
}

/** §5.8.5 `awardInfo`; every member optional in the spec, absent ones are `''`. */
export interface AwardInfo {
  readonly activityNumber?: string | undefined;
  readonly activityName?: string | undefined;
  readonly beginTime?: string | undefined;
  readonly endTime?: string | undefined;
  readonly awardId?: string | undefined;
  /** 06 red packet, 07 mall coupon. */
  readonly awardType?: '06' | '07' | (string & {}) | undefined;
  readonly awardName?: string | undefined;
  /** Red packet: amount in fen; coupon: number of coupons. */
  readonly awardValue?: string | undefined;
  readonly extAcctId?: string | undefined;
  readonly extAcctName?: string | undefined;
  readonly drawDesc?: string | undefined;
  readonly couponStartDate?: string | undefined;
  readonly couponEndDate?: string | undefined;
  readonly couponGoodsUrl?: string | undefined;
}

/** Request and answer of every interface, by name. */
export interface OpenPlatformApis {
  token: {
    input: { readonly code: string; readonly grantType: 'authorization_code' };
    output: {
      readonly accessToken: string;
      readonly openId: string;
      readonly expiresIn: string;
      readonly refreshToken: string;
      readonly scope: string;
    };
  };
  'user.mobile': { input: UserFields; output: { readonly mobile: string } };
  'user.auth': {
    input: UserFields;
    output: { readonly realName: string; readonly certTp: string; readonly certId: string };
  };
  verifyPwdSeqId: { input: VerifyPwdSeqIdInput; output: { readonly transNo: string } };
  'contract.apply': {
    input: ContractApplyInput;
    output: ContractOperation & { readonly contractId: string };
  };
  'contract.relieve': { input: ContractRelieveInput; output: ContractOperation };
  'contract.status': {
    input: { readonly openId: string };
    /** Unfinished no-sense payment orders: 0 none, N that many. */
    output: { readonly enable: number };
  };
  'contract.info': {
    input: { readonly openId: string; readonly planId: string };
    /** `''` not contracted, `1` contracted, `3` relieved. */
    output: { readonly contractId: string; readonly contractStatus: '' | '1' | '3' | (string & {}) };
  };
  'new.msg.push': {
    input: { readonly openId: string; readonly content: string; readonly url: string };
    /** `resultCd` `00` delivered, anything else not. */
    output: { readonly appId: string; readonly openId: string; readonly resultCd: '00' | (string & {}) };
  };
  'return.tax': {
    input: { readonly refundNo: string };
    /** `cardType` 1 debit, 2 credit, 3 semi-credit, 4 both; `cardNo` decrypted. */
    output: { readonly cardNo: string; readonly cardType: '1' | '2' | '3' | '4' | (string & {}) };
  };
  putIndustryCard: { input: PutIndustryCardInput; output: Record<string, never> };
  'red.packet.give': { input: RedPacketGiveInput; output: Record<string, never> };
  'red.packet.select': {
    input: RedPacketSelectInput;
    /** `acctSt` and `acctBalance` decrypted. */
    output: {
      readonly acctSt: string;
      readonly acctBalance: string;
      readonly validBeginDtTm: string;
      readonly validEndDtTm: string;
    };
  };
  'qual.select': {
    input: QualFields;
    /** `qualMap`: validity (`20171108_20171101`, end first) → number of draws. */
    output: {
      readonly qualMap: Readonly<Record<string, unknown>>;
      readonly respCode: string;
      readonly respMsg: string;
    };
  };
  'qual.send': {
    input: QualFields & {
      /** Draws to add. */
      readonly count: number | `${number}`;
      readonly transNumber: string;
      readonly startDate: YearMonthDay;
      readonly endDate: YearMonthDay;
    };
    output: Record<string, never>;
  };
  'qual.reduce': {
    input: QualFields & {
      readonly activityNumber: string;
      /** Order amount in fen. */
      readonly orderAmount?: Fen | undefined;
      readonly certId?: string | undefined;
      readonly icTerminal?: string | undefined;
      readonly qrCode?: string | undefined;
      readonly transNumber: string;
    };
    output: {
      /** `yyyyMMddHHmmss`. */
      readonly respTime: string;
      readonly awardInfo: AwardInfo;
      readonly transNumber: string;
    };
  };
}

/** `contract.apply` → `contractApply`: the method name of an interface. */
export type MethodName<S extends string> = S extends `${infer Head}.${infer Tail}`
  ? `${Head}${MethodName<Capitalize<Tail>>}`
  : S;

/** Per-call options. */
export interface OpenPlatformCallOptions {
  /** Aborts the request; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** One typed method per interface, named after it (`red.packet.give` → `redPacketGive`). */
export type OpenPlatformMethods = {
  readonly [K in OpenApiName as MethodName<K>]: (
    input: OpenPlatformApis[K]['input'],
    options?: OpenPlatformCallOptions,
  ) => Promise<OpenPlatformApis[K]['output']>;
};
