/**
 * What the merchant passes, checked before any request, and the ACP 5.1.0
 * transaction table (ACP-FACTS.md; seed 000's Payment module).
 */
import { invalidParam } from './errors.js';

/** `yyyyMMddHHmmss` in Beijing time (UTC+8, no daylight saving). */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** An amount in fen: a positive safe integer of at most 12 digits. */
export function fen(operation: string, name: string, value: unknown): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > 999_999_999_999) {
    throw invalidParam(operation, name, 'an integer number of fen in 1…999999999999', value);
  }
  return String(value);
}

/** An order id: 8–40 letters or digits. */
export function orderIdOf(operation: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9]{8,40}$/.test(value)) {
    throw invalidParam(operation, name, '8–40 letters or digits', value);
  }
  return value;
}

/** A `txnTime` as ACP writes it, or a Date converted to Beijing time. */
export function txnTimeOf(operation: string, name: string, value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return beijingTime(value.getTime());
  if (
    typeof value !== 'string' ||
    !/^20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d[0-5]\d$/.test(value)
  ) {
    throw invalidParam(operation, name, 'a Date or yyyyMMddHHmmss in Beijing time', value);
  }
  return value;
}

/** A non-empty text without `&` (which would regroup the signed string). */
export function plainText(operation: string, name: string, value: unknown, max = 256): string {
  if (typeof value !== 'string' || value === '' || value.length > max || /[&\r\n]/.test(value)) {
    throw invalidParam(operation, name, `a text of 1…${max} characters without & or line breaks`, value);
  }
  return value;
}

/** An absolute http(s) URL. */
export function httpUrlOf(operation: string, name: string, value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || /[&\s]/.test(value as string)) {
    throw invalidParam(operation, name, 'an absolute http(s) URL without & or spaces', value);
  }
  return value as string;
}

/** Where a transaction goes and how it is typed. */
export interface TransactionKind {
  readonly path: 'appTransReq.do' | 'backTransReq.do' | 'queryTrans.do' | 'file';
  readonly txnType: string;
  readonly txnSubType: string;
  readonly bizType: string;
}

/** The ACP 5.1.0 table (ACP-FACTS.md "Common fields"). */
export const TRANSACTIONS = {
  consume: { path: 'appTransReq.do', txnType: '01', txnSubType: '01', bizType: '000201' },
  preAuth: { path: 'appTransReq.do', txnType: '02', txnSubType: '01', bizType: '000201' },
  cancel: { path: 'backTransReq.do', txnType: '31', txnSubType: '00', bizType: '000201' },
  refund: { path: 'backTransReq.do', txnType: '04', txnSubType: '00', bizType: '000201' },
  preAuthCancel: { path: 'backTransReq.do', txnType: '32', txnSubType: '00', bizType: '000201' },
  preAuthFinish: { path: 'backTransReq.do', txnType: '03', txnSubType: '00', bizType: '000201' },
  preAuthFinishCancel: { path: 'backTransReq.do', txnType: '33', txnSubType: '00', bizType: '000201' },
  query: { path: 'queryTrans.do', txnType: '00', txnSubType: '00', bizType: '000000' },
  reconciliationFile: { path: 'file', txnType: '76', txnSubType: '01', bizType: '000000' },
} as const satisfies Readonly<Record<string, TransactionKind>>;

/** The event names of the notification handler, by `txnType`. */
export const EVENT_OF_TXN_TYPE: Readonly<Record<string, AcpEventType>> = {
  '01': 'paid',
  '02': 'preAuthorized',
  '03': 'preAuthFinished',
  '04': 'refunded',
  '31': 'cancelled',
  '32': 'preAuthCancelled',
  '33': 'preAuthFinishCancelled',
};

/** What a notification reports. */
export type AcpEventType =
  | 'paid'
  | 'preAuthorized'
  | 'preAuthFinished'
  | 'refunded'
  | 'cancelled'
  | 'preAuthCancelled'
  | 'preAuthFinishCancelled';
