/**
 * `createAcpClient`: UnionPay online payments (全渠道 ACP 5.1.0, the
 * mobile-control product) for a Node merchant server — get the `tn` that
 * `pay(client, { tn })` needs, then query, refund, cancel, pre-authorise and
 * fetch the reconciliation file, every reply verified before it is believed.
 */
import { inflateSync } from 'node:zlib';
import { AcpError, invalidParam } from './errors.js';
import { beijingTime, fen, httpUrlOf, orderIdOf, plainText, TRANSACTIONS, txnTimeOf } from './fields.js';
import type {
  AcpCallOptions,
  AcpClient,
  AcpClientOptions,
  AcpOriginalInput,
  AcpTransaction,
} from './types.js';
import { roundTrip, type AcpUnknown, type RoundTripSettings } from './round-trip.js';
import { signingIdentity } from './signing-key.js';
import { certificateOption, createVerifier } from './trust.js';
import type { AcpFields } from './wire.js';

const GATEWAYS = {
  production: { api: 'https://gateway.95516.com/gateway/api/', file: 'https://filedownload.95516.com/' },
  test: { api: 'https://gateway.test.95516.com/gateway/api/', file: 'https://filedownload.test.95516.com/' },
} as const;

const OPERATION = 'createAcpClient';

function gatewayUrls(options: AcpClientOptions): { api: string; file: string } {
  const { gateway } = options;
  const known =
    gateway === 'production' || gateway === 'test' ? GATEWAYS[gateway as 'production' | 'test'] : undefined;
  const api = known?.api ?? httpUrlOf(OPERATION, 'gateway', gateway);
  const file =
    options.fileGateway !== undefined
      ? httpUrlOf(OPERATION, 'fileGateway', options.fileGateway)
      : (known?.file ?? new URL('/', api).href);
  return { api: api.endsWith('/') ? api : `${api}/`, file };
}

const settled = (name: string, value: number | undefined, fallback: number, max: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1 || value > max)
    throw invalidParam(OPERATION, name, `an integer in 1…${max}`, value);
  return value;
};

/** What every accepted transaction answers. */
function transactionOf(reply: AcpFields): AcpTransaction {
  return {
    outcome: 'ok',
    orderId: reply.orderId ?? '',
    txnTime: reply.txnTime ?? '',
    queryId: reply.queryId,
    raw: reply,
  };
}

const stateOf = (origRespCode: string | undefined): 'succeeded' | 'pending' | 'failed' =>
  origRespCode === '00'
    ? 'succeeded'
    : ['03', '04', '05'].includes(origRespCode ?? '')
      ? 'pending'
      : 'failed';

/**
 * Create an ACP client. Reads the signing key at once, so a wrong `.pfx`
 * password or a foreign key fails here.
 *
 * @throws {@link AcpError} `invalid_param`, `invalid_pfx`, `invalid_certificate`, `missing_dependency`.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const acp = await createAcpClient({
 *   merId: process.env.ACP_MER_ID!,
 *   signing: { pfx: readFileSync('acp_sign.pfx'), password: process.env.ACP_PFX_PASSWORD! },
 *   gateway: 'production',
 *   rootCert: readFileSync('acp_prod_root.cer'),
 *   middleCert: readFileSync('acp_prod_middle.cer'),
 *   backUrl: 'https://shop.example.com/acp/notify',
 * });
 * const order = await acp.consume({ orderId: 'A2026120500001', txnAmt: 1200 });
 * if (order.outcome === 'ok') show({ tn: order.tn });
 * ```
 */
export async function createAcpClient(options: AcpClientOptions): Promise<AcpClient> {
  if (typeof options !== 'object' || options === null)
    throw invalidParam(OPERATION, 'options', 'an object', options);
  const merId = options.merId;
  if (typeof merId !== 'string' || !/^[A-Za-z0-9]{15}$/.test(merId))
    throw invalidParam(OPERATION, 'merId', '15 letters or digits', merId);
  const urls = gatewayUrls(options);
  const defaultBackUrl =
    options.backUrl === undefined ? undefined : httpUrlOf(OPERATION, 'backUrl', options.backUrl);
  const clock = options.clock ?? Date.now;
  const verify = createVerifier({
    root: certificateOption('rootCert', options.rootCert),
    middle: certificateOption('middleCert', options.middleCert),
    checkOwner: options.checkOwner ?? options.gateway !== 'test',
    clock,
  });
  const settings: RoundTripSettings = {
    merId,
    identity: await signingIdentity(options.signing),
    gatewayUrl: urls.api,
    fileUrl: urls.file,
    channelType: options.channelType ?? '08',
    timeoutMs: settled('timeoutMs', options.timeoutMs, 20_000, 600_000),
    maxReplyBytes: settled('maxReplyBytes', options.maxReplyBytes, 16 * 1024 * 1024, 1024 * 1024 * 1024),
    queryAttempts: settled('queryAttempts', options.queryAttempts, 2, 10),
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    verify,
  };

  const backUrlOf = (operation: string, value: string | undefined): string => {
    const url = value === undefined ? defaultBackUrl : httpUrlOf(operation, 'backUrl', value);
    if (url === undefined)
      throw invalidParam(operation, 'backUrl', 'an absolute http(s) URL (or the `backUrl` option)', value);
    return url;
  };

  /** consume and preAuth: a new order answered with a `tn`. */
  const ordered =
    (operation: 'consume' | 'preAuth') =>
    async (input: Parameters<AcpClient['consume']>[0], call: AcpCallOptions = {}) => {
      const fields: Record<string, string> = {
        orderId: orderIdOf(operation, 'orderId', input?.orderId),
        txnAmt: fen(operation, 'txnAmt', input.txnAmt),
        currencyCode: '156',
        txnTime:
          input.txnTime === undefined ? beijingTime(clock()) : txnTimeOf(operation, 'txnTime', input.txnTime),
        backUrl: backUrlOf(operation, input.backUrl),
      };
      if (input.payTimeout !== undefined)
        fields.payTimeout = txnTimeOf(operation, 'payTimeout', input.payTimeout);
      if (input.orderDesc !== undefined)
        fields.orderDesc = plainText(operation, 'orderDesc', input.orderDesc, 32);
      if (input.reqReserved !== undefined)
        fields.reqReserved = plainText(operation, 'reqReserved', input.reqReserved, 1024);
      const result = await roundTrip(settings, operation, TRANSACTIONS[operation], fields, {
        signal: call.signal,
        moneyMoving: true,
      });
      if (result.outcome === 'unknown') return result;
      const tn = result.reply.tn;
      if (!tn)
        throw new AcpError({ code: 'bad_reply', msg: 'respCode 00 without a tn', operation, respCode: '00' });
      return { ...transactionOf(result.reply), tn };
    };

  /** The back-office transactions on an earlier one (`origQryId`). */
  const onOriginal =
    (operation: 'refund' | 'cancel' | 'preAuthCancel' | 'preAuthFinish' | 'preAuthFinishCancel') =>
    async (input: AcpOriginalInput, call: AcpCallOptions = {}): Promise<AcpTransaction | AcpUnknown> => {
      const fields = {
        orderId: orderIdOf(operation, 'orderId', input?.orderId),
        origQryId: plainText(operation, 'origQryId', input.origQryId, 64),
        txnAmt: fen(operation, 'txnAmt', input.txnAmt),
        currencyCode: '156',
        txnTime: beijingTime(clock()),
        backUrl: backUrlOf(operation, input.backUrl),
      };
      const result = await roundTrip(settings, operation, TRANSACTIONS[operation], fields, {
        signal: call.signal,
        moneyMoving: true,
      });
      return result.outcome === 'unknown' ? result : transactionOf(result.reply);
    };

  return {
    consume: ordered('consume'),
    preAuth: ordered('preAuth'),
    refund: onOriginal('refund'),
    cancel: onOriginal('cancel'),
    preAuthCancel: onOriginal('preAuthCancel'),
    preAuthFinish: onOriginal('preAuthFinish'),
    preAuthFinishCancel: onOriginal('preAuthFinishCancel'),

    async query(input, call = {}) {
      const operation = 'query';
      const fields = {
        orderId: orderIdOf(operation, 'orderId', input?.orderId),
        txnTime: txnTimeOf(operation, 'txnTime', input.txnTime),
      };
      const result = await roundTrip(settings, operation, TRANSACTIONS.query, fields, {
        signal: call.signal,
        moneyMoving: false,
      });
      if (result.outcome === 'unknown') return result;
      const { reply } = result;
      const amount = Number(reply.txnAmt);
      return {
        ...transactionOf(reply),
        state: stateOf(reply.origRespCode),
        origRespCode: reply.origRespCode,
        origRespMsg: reply.origRespMsg,
        txnType: reply.txnType,
        txnAmt: Number.isSafeInteger(amount) && reply.txnAmt !== '' ? amount : undefined,
      };
    },

    async reconciliationFile(input, call = {}) {
      const operation = 'reconciliationFile';
      const date = input?.settleDate;
      const settleDate = date instanceof Date ? beijingTime(date.getTime()).slice(4, 8) : date;
      if (typeof settleDate !== 'string' || !/^(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(settleDate)) {
        throw invalidParam(operation, 'settleDate', 'a Date or MMDD', date);
      }
      const fields = { settleDate, fileType: input.fileType ?? '00', txnTime: beijingTime(clock()) };
      const result = await roundTrip(settings, operation, TRANSACTIONS.reconciliationFile, fields, {
        signal: call.signal,
        moneyMoving: false,
      });
      if (result.outcome === 'unknown') return result;
      const { reply } = result;
      let bytes: Uint8Array;
      try {
        // fileContent is base64 of zlib-deflated bytes (the SDK's gzuncompress).
        bytes = new Uint8Array(inflateSync(Buffer.from(reply.fileContent ?? '', 'base64')));
      } catch (cause) {
        throw new AcpError({
          code: 'bad_reply',
          msg: 'fileContent is not base64 of zlib data',
          operation,
          respCode: '00',
          cause,
        });
      }
      return { outcome: 'ok', fileName: reply.fileName ?? `${merId}_${settleDate}.zip`, bytes, raw: reply };
    },
  };
}
