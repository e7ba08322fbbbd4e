/**
 * One signed round trip: common fields and the signature added, the form
 * POSTed through {@link exchange}, the reply parsed and verified, its
 * `respCode` mapped — `00` accepted, `03/04/05` the "unknown, query later"
 * outcome, anything else an {@link AcpError}.
 */
import { sign } from 'node:crypto';
import { AcpError } from './errors.js';
import { exchange } from './exchange.js';
import type { TransactionKind } from './fields.js';
import type { SigningIdentity } from './signing-key.js';
import { digestOf, type Verifier } from './trust.js';
import { parseReply, type AcpFields } from './wire.js';

/** What every request needs. */
export interface RoundTripSettings {
  readonly merId: string;
  readonly identity: SigningIdentity;
  readonly gatewayUrl: string;
  readonly fileUrl: string;
  readonly channelType: string;
  readonly timeoutMs: number;
  readonly maxReplyBytes: number;
  /** Attempts for a call that moves no money. */
  readonly queryAttempts: number;
  readonly fetch: typeof fetch;
  readonly verify: Verifier;
}

/** A reply the gateway accepted (`respCode` 00), verified. */
export interface Accepted {
  readonly outcome: 'ok';
  readonly reply: AcpFields;
}

/**
 * The gateway could not say yet (`respCode` 03, 04 or 05 — or, for a
 * transaction that moves money, no whole reply in time): the transaction
 * may or may not have happened. Ask {@link AcpClient.query} later.
 */
export interface AcpUnknown {
  readonly outcome: 'unknown';
  /** `gateway`: it answered 03/04/05; `timeout`: no whole answer in time. */
  readonly reason: 'gateway' | 'timeout';
  readonly respCode: string | undefined;
  readonly respMsg: string | undefined;
  /** Your order id and the `txnTime` sent: what {@link AcpClient.query} needs. */
  readonly orderId: string | undefined;
  readonly txnTime: string | undefined;
}

const UNKNOWN_CODES = new Set(['03', '04', '05']);
/** Transport failures after which a money-moving request may have reached the gateway. */
const SENT_CODES = new Set(['upstream_timeout', 'upstream_interrupted']);
/** Codes with their own error code; the rest are `gateway_refused`. */
const REFUSAL_CODES: Readonly<Record<string, string>> = { '34': 'not_found', '98': 'file_not_found' };

/** The request with its common fields, `certId` and `signature`. */
export function signedRequest(
  settings: RoundTripSettings,
  kind: TransactionKind,
  fields: AcpFields,
): AcpFields {
  const request: Record<string, string> = {
    version: '5.1.0',
    encoding: 'UTF-8',
    signMethod: '01',
    certId: settings.identity.certId,
    txnType: kind.txnType,
    txnSubType: kind.txnSubType,
    bizType: kind.bizType,
    accessType: '0',
    channelType: settings.channelType,
    merId: settings.merId,
    ...fields,
  };
  request.signature = sign('sha256', digestOf(request), settings.identity.key).toString('base64');
  return request;
}

/**
 * Send one transaction. `moneyMoving`: a timeout after sending becomes the
 * unknown outcome rather than an error, since the gateway may have acted.
 */
export async function roundTrip(
  settings: RoundTripSettings,
  operation: string,
  kind: TransactionKind,
  fields: AcpFields,
  options: { readonly signal?: AbortSignal | undefined; readonly moneyMoving: boolean },
): Promise<Accepted | AcpUnknown> {
  const request = signedRequest(settings, kind, fields);
  const url = kind.path === 'file' ? settings.fileUrl : new URL(kind.path, settings.gatewayUrl).href;
  let text: string;
  try {
    text = await exchange({
      operation,
      url,
      body: new URLSearchParams(request).toString(),
      timeoutMs: settings.timeoutMs,
      maxBytes: settings.maxReplyBytes,
      fetch: settings.fetch,
      signal: options.signal,
      idempotent: !options.moneyMoving,
      attempts: settings.queryAttempts,
    });
  } catch (error) {
    // Sent and then cut off (deadline, or the connection broke mid-reply): the gateway may have acted.
    if (options.moneyMoving && error instanceof AcpError && SENT_CODES.has(error.code)) {
      return unknown('timeout', undefined, undefined, request);
    }
    throw error;
  }
  const reply = parseReply(text.trim());
  if (!reply || !reply.respCode) {
    throw new AcpError({
      code: 'bad_reply',
      msg: 'the reply is not a k=v&… message with a respCode',
      operation,
      retryable: true,
    });
  }
  settings.verify(operation, reply);
  for (const echoed of ['merId', 'orderId', 'txnTime'] as const) {
    if (reply[echoed] !== undefined && reply[echoed] !== request[echoed]) {
      throw new AcpError({
        code: 'bad_reply',
        msg: `the reply's ${echoed} is not the request's`,
        operation,
        respCode: reply.respCode,
      });
    }
  }
  const { respCode, respMsg } = reply;
  if (respCode === '00') return { outcome: 'ok', reply };
  if (UNKNOWN_CODES.has(respCode)) return unknown('gateway', respCode, respMsg, request);
  throw new AcpError({
    code: REFUSAL_CODES[respCode] ?? 'gateway_refused',
    msg: `the gateway answered ${respCode}: ${respMsg ?? ''}`,
    operation,
    respCode,
    respMsg,
  });
}

const unknown = (
  reason: AcpUnknown['reason'],
  respCode: string | undefined,
  respMsg: string | undefined,
  request: AcpFields,
): AcpUnknown => ({
  outcome: 'unknown',
  reason,
  respCode,
  respMsg,
  orderId: request.orderId,
  txnTime: request.txnTime,
});
