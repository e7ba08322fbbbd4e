/**
 * What the fake ACP gateway remembers: every transaction by order id, the
 * `tn` of each consume / pre-authorisation, and what a request must look
 * like to be accepted (its own reading of the 5.1.0 table; response codes
 * other than 00/03/04/05/34/98 are guesses, see WIRE-FACTS.md).
 */
import { beijing } from './wire.js';

/** Where a transaction stands. */
export type FakeAcpState = 'unpaid' | 'succeeded' | 'failed';

/** One transaction the fake holds. */
export interface FakeAcpTransaction {
  readonly orderId: string;
  readonly txnTime: string;
  readonly txnType: string;
  readonly txnSubType: string;
  readonly bizType: string;
  readonly txnAmt: number;
  readonly queryId: string;
  readonly backUrl: string;
  readonly tn: string | undefined;
  readonly origQryId: string | undefined;
  readonly reqReserved: string | undefined;
  state: FakeAcpState;
  settleDate: string | undefined;
  traceNo: string | undefined;
  /** `MMDDhhmmss` of the settlement, repeated by every delivery of its notification. */
  traceTime: string | undefined;
}

/** A refusal: the respCode and respMsg the fake answers. */
export interface Refusal {
  readonly respCode: string;
  readonly respMsg: string;
}

/** What each endpoint accepts: `txnType` → [`txnSubType`, `bizType`]. */
export const ACCEPTED: Readonly<Record<string, Readonly<Record<string, readonly [string, string]>>>> = {
  '/gateway/api/appTransReq.do': { '01': ['01', '000201'], '02': ['01', '000201'] },
  '/gateway/api/backTransReq.do': {
    '04': ['00', '000201'],
    '31': ['00', '000201'],
    '32': ['00', '000201'],
    '03': ['00', '000201'],
    '33': ['00', '000201'],
  },
  '/gateway/api/queryTrans.do': { '00': ['00', '000000'] },
  '/': { '76': ['01', '000000'] },
};

/** Which original a follow-up needs: txnType → the original's txnType. */
export const FOLLOWS: Readonly<Record<string, string>> = {
  '04': '01',
  '31': '01',
  '32': '02',
  '03': '02',
  '33': '03',
};

const refusal = (respCode: string, respMsg: string): Refusal => ({ respCode, respMsg });

/** The common checks of every request (format, not signature). */
export function formatRefusal(path: string, message: Readonly<Record<string, string>>): Refusal | undefined {
  const expected = ACCEPTED[path]?.[message.txnType ?? ''];
  if (!expected) return refusal('30', `报文格式错误: txnType ${message.txnType ?? '(none)'} not taken here`);
  if (message.version !== '5.1.0' || message.encoding !== 'UTF-8' || message.signMethod !== '01') {
    return refusal('30', '报文格式错误: version/encoding/signMethod');
  }
  if (message.txnSubType !== expected[0] || message.bizType !== expected[1])
    return refusal('30', '报文格式错误: txnSubType/bizType');
  if (message.accessType !== '0' || !['07', '08'].includes(message.channelType ?? ''))
    return refusal('30', '报文格式错误: accessType/channelType');
  if (!/^\d{14}$/.test(message.txnTime ?? '')) return refusal('30', '报文格式错误: txnTime');
  if (message.txnType === '76')
    return /^\d{4}$/.test(message.settleDate ?? '') ? undefined : refusal('30', '报文格式错误: settleDate');
  if (!/^[0-9A-Za-z]{8,40}$/.test(message.orderId ?? '')) return refusal('30', '报文格式错误: orderId');
  if (message.txnType === '00') return undefined;
  if (!/^[1-9]\d{0,11}$/.test(message.txnAmt ?? '') || message.currencyCode !== '156')
    return refusal('30', '报文格式错误: txnAmt/currencyCode');
  if (!/^https?:\/\//.test(message.backUrl ?? '')) return refusal('30', '报文格式错误: backUrl');
  return undefined;
}

/** Numbers the fake hands out: `tn`, `queryId`, `traceNo`. */
export class Numbers {
  private serial = 0;
  constructor(private readonly clock: () => number) {}
  /** 21 digits, as the samples' tn and queryId. */
  next(): string {
    return `${beijing(this.clock())}${String(++this.serial).padStart(7, '0')}`;
  }
  trace(): string {
    return String(this.serial % 1_000_000).padStart(6, '0');
  }
}

/** The settlement file of `settleDate`: one line per succeeded transaction (our own layout; a guess). */
export function settlementFile(
  merId: string,
  settleDate: string,
  transactions: Iterable<FakeAcpTransaction>,
): string | undefined {
  const lines = [...transactions]
    .filter((txn) => txn.state === 'succeeded' && txn.settleDate === settleDate)
    .map((txn) =>
      [txn.txnType, txn.queryId, txn.orderId, txn.txnTime, String(txn.txnAmt), txn.traceNo ?? ''].join('|'),
    );
  if (lines.length === 0) return undefined;
  return [
    `# upsdk-kit FAKE ACP settlement file (not UnionPay's layout) merId=${merId} settleDate=${settleDate}`,
    ...lines,
    '',
  ].join('\n');
}
