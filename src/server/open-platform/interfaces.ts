/**
 * Every open-platform backend interface the client calls, as data (spec §4.3,
 * §5.2–§5.8): its path, where the backendToken goes, whether the request is
 * signed with the partner's RSA key, each request field's check and whether
 * it travels 3DES-encrypted, and the answer's fields. The client is one
 * generic mechanism over this table; adding an interface is adding a row.
 */
import type { OpenApiName } from '../login/errors.js';
import { fail } from '../../shared/validate.js';
import * as f from './fields.js';

/** One request field. */
export interface RequestField {
  readonly check: f.FieldCheck;
  readonly required: boolean;
  /** Sent 3DES-encrypted under the symmetricKey (signed as plaintext). */
  readonly encrypted?: boolean | undefined;
  /** Defaulted from the clock when left out (`transDt`, `transTm`). */
  readonly now?: 'date' | 'dateTime' | undefined;
}

/** How an answer field is read. */
export type ReplyKind = 'text' | 'encrypted' | 'count' | 'object';

/** One answer field. */
export interface ReplyField {
  readonly kind: ReplyKind;
  /** A reply without it is `upstream_bad_reply`. */
  readonly required?: boolean | undefined;
  /** Other names the spec's own samples use for it (`operationTime` for `operateTime`, …). */
  readonly aliases?: readonly string[] | undefined;
  /** The one value that means done (§5.5.1 `resultCd` `00`); any other fails the call with `result_failed`. */
  readonly success?: string | undefined;
}

/** One interface. */
export interface InterfaceSpec {
  /** Below the base URL. */
  readonly path: string;
  /**
   * Which request field carries the backendToken: its own (`backendToken`),
   * `accessToken` (§5.3.1 names it so), or none (the partner-signed §5.8
   * interfaces authenticate by signature only).
   */
  readonly token: 'backendToken' | 'accessToken' | 'none';
  /** Adds `nonceStr`, `timestamp` and an RSA `signature` by the partner key over every field in plaintext. */
  readonly signed: boolean;
  /**
   * The reply may be flat, its fields without `resp`/`msg`/`params` (only §4.3 `token`, whose
   * sample is flat). Every other reply without `resp` is `upstream_bad_reply` (§2.2).
   */
  readonly flatReply?: true | undefined;
  /** Only reads (a query): sending it twice is harmless, so transient failures are retried. */
  readonly idempotent?: true | undefined;
  readonly request: Readonly<Record<string, RequestField>>;
  readonly reply: Readonly<Record<string, ReplyField>>;
  /** Checks across fields, on the caller's plaintext; fails through `fail`. */
  readonly rule?: ((fields: Readonly<Record<string, string>>) => void) | undefined;
}

const required = (check: f.FieldCheck): RequestField => ({ check, required: true });
const optional = (check: f.FieldCheck): RequestField => ({ check, required: false });
const secret = (check: f.FieldCheck, isRequired = true): RequestField => ({
  check,
  required: isRequired,
  encrypted: true,
});
const text: ReplyField = { kind: 'text' };
const must: ReplyField = { kind: 'text', required: true };
const encrypted: ReplyField = { kind: 'encrypted' };
const operateTime: ReplyField = { kind: 'text', aliases: ['operationTime'] };

const user = { accessToken: required(f.credential), openId: required(f.credential) };
const openId = required(f.credential);
const qualType = required(f.enumeration(['open_id', 'mobile', 'card_no']));
const VALUE_BY_QUAL_TYPE: Readonly<Record<string, f.FieldCheck>> = {
  open_id: f.credential,
  mobile: f.mobile,
  card_no: f.digits(12, 19),
};

/** `qualValue` is checked as what `qualType` says it is. */
function qualValueMatchesType(fields: Readonly<Record<string, string>>): void {
  VALUE_BY_QUAL_TYPE[fields.qualType!]!('qualValue', fields.qualValue);
}

/** The interface table. */
export const INTERFACES: Readonly<Record<OpenApiName, InterfaceSpec>> = {
  // §4.3 step 2, §5.2.1, §5.2.2: the login's three.
  token: {
    path: '/open/access/1.0/token',
    token: 'backendToken',
    signed: false,
    // The one flat exception. Not idempotent: a code is good for one exchange only.
    flatReply: true,
    request: { code: required(f.credential), grantType: required(f.enumeration(['authorization_code'])) },
    reply: { accessToken: must, openId: must, expiresIn: text, refreshToken: text, scope: text },
  },
  'user.mobile': {
    path: '/open/access/1.0/user.mobile',
    token: 'backendToken',
    signed: false,
    idempotent: true,
    request: user,
    reply: { mobile: { kind: 'encrypted', required: true } },
  },
  'user.auth': {
    path: '/open/access/1.0/user.auth',
    token: 'backendToken',
    signed: false,
    idempotent: true,
    request: user,
    reply: { realName: encrypted, certTp: encrypted, certId: encrypted },
  },
  // §5.3.1: the sequence number the page's verifyPayPwd needs.
  verifyPwdSeqId: {
    path: '/open/access/1.0/verifyPwdSeqId',
    token: 'accessToken',
    signed: true,
    request: {
      openId,
      clientIp: optional(f.ipAddress),
      bizOrderId: required(f.identifier),
      bizType: required(f.identifier),
      merchantId: required(f.identifier),
      notifyUrl: required(f.url),
      // Optional: the user's own token instead of the backendToken (see VerifyPwdSeqIdInput.accessToken).
      accessToken: optional(f.credential),
    },
    reply: { transNo: must },
  },
  // §5.4: no-sense payment contracts.
  'contract.apply': {
    path: '/open/access/1.0/contract.apply',
    token: 'backendToken',
    signed: false,
    request: { ...user, planId: required(f.identifier), contractCode: required(f.identifier) },
    reply: { contractCode: text, planId: text, openId: text, operateTime, contractId: must },
  },
  'contract.relieve': {
    path: '/open/access/1.0/contract.relieve',
    token: 'backendToken',
    signed: false,
    request: {
      openId,
      contractId: required(f.identifier),
      planId: required(f.identifier),
      contractCode: required(f.identifier),
    },
    reply: { contractCode: text, planId: text, openId: text, operateTime },
  },
  'contract.status': {
    path: '/open/access/1.0/contract.status',
    token: 'backendToken',
    signed: false,
    idempotent: true,
    request: { openId },
    reply: { enable: { kind: 'count', required: true } },
  },
  'contract.info': {
    path: '/open/access/1.0/contract.info',
    token: 'backendToken',
    signed: false,
    idempotent: true,
    request: { openId, planId: required(f.identifier) },
    reply: { contractId: text, contractStatus: text },
  },
  // §5.5.1
  'new.msg.push': {
    path: '/open/access/1.0/new.msg.push',
    token: 'backendToken',
    signed: false,
    request: { openId, content: required(f.weightedText(140)), url: required(f.url) },
    reply: { appId: text, openId: text, resultCd: { kind: 'text', required: true, success: '00' } },
  },
  // §5.6.1
  'return.tax': {
    path: '/open/access/1.0/return.tax',
    token: 'backendToken',
    signed: false,
    idempotent: true,
    request: { refundNo: required(f.identifier) },
    reply: { cardNo: encrypted, cardType: { kind: 'text', aliases: ['cardTyoe'] } },
  },
  // §5.7.1
  putIndustryCard: {
    path: '/open/access/1.0/putIndustryCard',
    token: 'backendToken',
    signed: false,
    request: {
      cardModuleId: required(f.identifier),
      bussCardNo: required(f.identifier),
      cardSubTp: required(f.identifier),
      transTp: required(f.enumeration(['01', '02', '03'])),
      openId,
      region: optional(f.digits(6, 6)),
      channelNo: optional(f.identifier),
      name: secret(f.text(64), false),
      certId: secret(f.idCard, false),
      mobileNo: secret(f.mobile, false),
    },
    reply: {},
  },
  // §5.8: red packets and lottery qualifications.
  'red.packet.give': {
    path: '/open/access/1.0/red.packet.give',
    token: 'none',
    signed: true,
    request: {
      insAcctId: required(f.alphanumeric(18)),
      transNumber: required(f.identifier),
      openId: optional(f.credential),
      mobile: secret(f.mobile, false),
      pan: secret(f.digits(12, 19), false),
      pointAt: secret(f.fen),
      remark: optional(f.text(100)),
    },
    reply: {},
    rule: (fields) => {
      if (!fields.openId && !fields.mobile && !fields.pan) {
        fail('openId', 'given, or `mobile` or `pan` given (§5.8.1: at least one of the three)', undefined);
      }
    },
  },
  'red.packet.select': {
    path: '/open/access/1.0/red.packet.select',
    token: 'backendToken',
    signed: false,
    idempotent: true,
    request: {
      insAcctId: required(f.alphanumeric(18)),
      transNumber: required(f.identifier),
      transDt: { check: f.date, required: true, now: 'date' },
      transTm: { check: f.dateTime, required: true, now: 'dateTime' },
    },
    reply: { acctSt: encrypted, acctBalance: encrypted, validBeginDtTm: text, validEndDtTm: text },
    rule: (fields) => {
      if (!fields.transTm!.startsWith(fields.transDt!)) {
        fail('transTm', `a time on the day \`transDt\` names (${fields.transDt})`, fields.transTm);
      }
    },
  },
  'qual.select': {
    path: '/open/access/1.0/qual.select',
    token: 'backendToken',
    signed: false,
    idempotent: true,
    request: { qualNum: required(f.identifier), qualType, qualValue: secret(f.anyCode) },
    reply: { qualMap: { kind: 'object' }, respCode: text, respMsg: text },
    rule: qualValueMatchesType,
  },
  'qual.send': {
    path: '/open/access/1.0/qual.send',
    token: 'none',
    signed: true,
    request: {
      qualNum: required(f.identifier),
      qualType,
      qualValue: secret(f.anyCode),
      count: secret(f.integer(1, 1_000_000)),
      transNumber: required(f.identifier),
      startDate: required(f.date),
      endDate: required(f.date),
    },
    reply: {},
    rule: (fields) => {
      qualValueMatchesType(fields);
      if (fields.endDate! < fields.startDate!) {
        fail('endDate', `on or after \`startDate\` (${fields.startDate})`, fields.endDate);
      }
    },
  },
  'qual.reduce': {
    path: '/open/access/1.0/qual.reduce',
    token: 'none',
    signed: true,
    request: {
      activityNumber: required(f.identifier),
      orderAmount: optional(f.fen),
      qualNum: required(f.identifier),
      qualType,
      qualValue: secret(f.anyCode),
      certId: secret(f.idCard, false),
      icTerminal: optional(f.identifier),
      qrCode: optional(f.identifier),
      transNumber: required(f.identifier),
    },
    reply: { respTime: text, awardInfo: { kind: 'object' }, transNumber: text },
    rule: qualValueMatchesType,
  },
};

/** Interface names whose values the caller must never see in logs or errors. */
export const SENSITIVE_FIELDS: ReadonlySet<string> = new Set([
  'accessToken',
  'backendToken',
  'code',
  'openId',
  'mobile',
  'mobileNo',
  'pan',
  'certId',
  'name',
  'qualValue',
  'cardNo',
  'realName',
]);
