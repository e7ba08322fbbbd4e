/** Options, inputs and results of the ACP client. */
import type { AcpUnknown } from './round-trip.js';
import type { AcpSigningInput } from './signing-key.js';
import type { AcpFields } from './wire.js';

export type { AcpUnknown } from './round-trip.js';
export type { AcpSigningInput } from './signing-key.js';

/** Options of {@link createAcpClient}. */
export interface AcpClientOptions {
  /** Your 15-character merchant id (`merId`). */
  readonly merId: string;
  /** Your signing key: a `.pfx` + password (needs the optional peer dependency `node-forge`) or PEM key + certificate. */
  readonly signing: AcpSigningInput;
  /** `production`, `test`, or the gateway's API base URL (e.g. the fake gateway's `…/gateway/api/`). */
  readonly gateway: 'production' | 'test' | (string & {});
  /** Where the reconciliation file comes from. Default UnionPay's file host of `gateway`, or the origin of a custom URL. */
  readonly fileGateway?: string | undefined;
  /**
   * UnionPay's root certificate (PEM or DER). Not bundled: take `acp_prod_root.cer` / `acp_test_root.cer`
   * from the SDK package on open.unionpay.com (production and test sets differ).
   */
  readonly rootCert: string | Uint8Array;
  /** UnionPay's middle certificate (`acp_prod_middle.cer` / `acp_test_middle.cer`), as `rootCert`. */
  readonly middleCert: string | Uint8Array;
  /**
   * Check that the signing certificate's CN names `中国银联股份有限公司` at index 2 of its `@`-split parts.
   * Default true, false for `gateway: 'test'` (test certificates may not name it; the vendor SDK lets test mode skip it).
   */
  readonly checkOwner?: boolean | undefined;
  /** Default `backUrl` (where UnionPay posts the notification). */
  readonly backUrl?: string | undefined;
  /** `08` mobile (default) or `07` PC. */
  readonly channelType?: '07' | '08' | undefined;
  /** Milliseconds for a whole exchange, body included. Default 20 000. */
  readonly timeoutMs?: number | undefined;
  /** Largest reply read, in bytes. Default 16 MiB (reconciliation files). */
  readonly maxReplyBytes?: number | undefined;
  /**
   * Attempts for a query or a file download (never for a transaction that moves money) when the gateway
   * times out, cannot be reached, breaks off or answers 5xx; backoff with jitter between. Default 2.
   */
  readonly queryAttempts?: number | undefined;
  /** Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** Milliseconds since the epoch, for `txnTime` and certificate dates. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
}

/** Per-call options. */
export interface AcpCallOptions {
  readonly signal?: AbortSignal | undefined;
}

/** A new order (consume or pre-authorisation). */
export interface AcpOrderInput {
  /** 8–40 letters or digits, unique per merchant per day. */
  readonly orderId: string;
  /** Amount in fen (integer). */
  readonly txnAmt: number;
  /** Default the client's `backUrl`. */
  readonly backUrl?: string | undefined;
  /** Order time; default now, in Beijing time. Keep it: {@link AcpClient.query} needs it. */
  readonly txnTime?: Date | string | undefined;
  /** When the order stops being payable (`payTimeout`). */
  readonly payTimeout?: Date | string | undefined;
  readonly orderDesc?: string | undefined;
  /** Echoed back in the notification (`reqReserved`). */
  readonly reqReserved?: string | undefined;
}

/** A transaction on an earlier one: refund, same-day cancel, pre-auth cancel/finish/finish-cancel. */
export interface AcpOriginalInput {
  /** A new order id for this transaction. */
  readonly orderId: string;
  /** The original's `queryId`. */
  readonly origQryId: string;
  /** Amount in fen: the original's for a cancel, at most the original's for a refund. */
  readonly txnAmt: number;
  readonly backUrl?: string | undefined;
}

/** A transaction the gateway accepted (`respCode` 00), reply verified. */
export interface AcpTransaction {
  readonly outcome: 'ok';
  readonly orderId: string;
  readonly txnTime: string;
  /** UnionPay's id of the transaction (present in back-office replies and queries). */
  readonly queryId: string | undefined;
  /** Every field of the verified reply. */
  readonly raw: AcpFields;
}

/** consume / preAuth accepted: the `tn` for `pay(client, { tn })`. */
export interface AcpOrder extends AcpTransaction {
  readonly tn: string;
}

/** Where a transaction stands. */
export interface AcpQueryResult extends AcpTransaction {
  /** `succeeded` (origRespCode 00), `pending` (03/04/05), `failed` (any other). */
  readonly state: 'succeeded' | 'pending' | 'failed';
  readonly origRespCode: string | undefined;
  readonly origRespMsg: string | undefined;
  readonly txnType: string | undefined;
  /** Amount in fen, when answered. */
  readonly txnAmt: number | undefined;
}

/** The reconciliation file. */
export interface AcpFile {
  readonly outcome: 'ok';
  readonly fileName: string;
  /** The file (a zip archive from UnionPay), already inflated from the message. */
  readonly bytes: Uint8Array;
  readonly raw: AcpFields;
}

/** The ACP client. Every method resolves with `outcome: 'ok'` or {@link AcpUnknown}, or throws {@link AcpError}. */
export interface AcpClient {
  /**
   * Create an order and get its `tn` (`appTransReq.do`, txnType 01).
   *
   * @example
   * ```ts
   * const order = await acp.consume({ orderId: 'A2026120500001', txnAmt: 1200 });
   * if (order.outcome === 'unknown') show('query later', order.orderId, order.txnTime);
   * else show({ tn: order.tn, txnTime: order.txnTime });
   * ```
   */
  consume(input: AcpOrderInput, options?: AcpCallOptions): Promise<AcpOrder | AcpUnknown>;
  /** Pre-authorise (txnType 02); answered with a `tn` like consume. */
  preAuth(input: AcpOrderInput, options?: AcpCallOptions): Promise<AcpOrder | AcpUnknown>;
  /**
   * Where an order stands (`queryTrans.do`); `not_found` error (respCode 34) when the gateway has none.
   *
   * @example
   * ```ts
   * const status = await acp.query({ orderId, txnTime });
   * if (status.outcome === 'ok' && status.state === 'succeeded') await orders.markPaid(orderId);
   * ```
   */
  query(
    input: { readonly orderId: string; readonly txnTime: Date | string },
    options?: AcpCallOptions,
  ): Promise<AcpQueryResult | AcpUnknown>;
  /** Refund (txnType 04) part or all of `origQryId`. @example `await acp.refund({ orderId: 'R2026120500001', origQryId, txnAmt: 500 })` */
  refund(input: AcpOriginalInput, options?: AcpCallOptions): Promise<AcpTransaction | AcpUnknown>;
  /** Same-day cancel of a consume (txnType 31), full amount. */
  cancel(input: AcpOriginalInput, options?: AcpCallOptions): Promise<AcpTransaction | AcpUnknown>;
  /** Cancel a pre-authorisation (txnType 32). */
  preAuthCancel(input: AcpOriginalInput, options?: AcpCallOptions): Promise<AcpTransaction | AcpUnknown>;
  /** Finish a pre-authorisation (txnType 03). */
  preAuthFinish(input: AcpOriginalInput, options?: AcpCallOptions): Promise<AcpTransaction | AcpUnknown>;
  /** Cancel a pre-authorisation finish (txnType 33). */
  preAuthFinishCancel(
    input: AcpOriginalInput,
    options?: AcpCallOptions,
  ): Promise<AcpTransaction | AcpUnknown>;
  /**
   * Download the reconciliation file of a settlement date (txnType 76); `file_not_found` (respCode 98) when there is none.
   *
   * @example
   * ```ts
   * import { writeFile } from 'node:fs/promises';
   * const file = await acp.reconciliationFile({ settleDate: '1205' });
   * if (file.outcome === 'ok') await writeFile(file.fileName, file.bytes);
   * ```
   */
  reconciliationFile(
    input: { readonly settleDate: Date | string; readonly fileType?: string | undefined },
    options?: AcpCallOptions,
  ): Promise<AcpFile | AcpUnknown>;
}
