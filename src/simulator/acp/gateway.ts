/**
 * A fake UnionPay online-payment gateway (全渠道 ACP 5.1.0) for tests and the
 * playground, as a web-standard handler: consume and pre-authorisation
 * answer a `tn`; the simulated app's `pay` of that `tn` settles the order
 * and the fake posts a signed notification to `backUrl` (retried until
 * `success`); query, refund, cancel, the pre-auth follow-ups and the
 * reconciliation file work on the same orders. Every request's signature is
 * checked against the merchant certificate; every reply and notification is
 * signed with the TEST CA's UnionPay-style certificate. See WIRE-FACTS.md
 * for what each behaviour rests on.
 */
import { createPrivateKey } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { Notifier, type Delivery, type NotificationAttempt } from '../gateway-notifier.js';
import { delay } from '../open-platform-wire.js';
import {
  FOLLOWS,
  formatRefusal,
  Numbers,
  settlementFile,
  type FakeAcpTransaction,
  type Refusal,
} from './ledger.js';
import { sharedAcpTestCa, type AcpTestCa, type AcpTestCertVariant } from './test-ca.js';
import { beijing, replyBody, signMessage, verifyMessage } from './wire.js';

export type { FakeAcpState, FakeAcpTransaction } from './ledger.js';

/** The merchant id the fake knows by default (a made-up test number). */
export const SIMULATED_ACP_MER_ID = '777290058110097';

/** A fault the next request meets. */
export type FakeAcpFault =
  /** Answer (signed) with this respCode instead: `03`/`04`/`05` for "unknown", others for refusals. */
  | { readonly respCode: string; readonly respMsg?: string }
  | { readonly delay: number }
  | { readonly status: number }
  | { readonly garbage: true }
  /** Sign the reply with a bad certificate. */
  | { readonly signer: AcpTestCertVariant }
  /** A normal reply whose signature is wrong. */
  | { readonly badSignature: true };

/** How the simulated app's payment ended. */
export type FakeAcpPayOutcome = 'success' | 'fail' | 'cancel';

/** Options of {@link createFakeAcpGateway}. */
export interface FakeAcpGatewayOptions {
  /** The TEST CA. Default one shared per process. */
  readonly ca?: AcpTestCa | undefined;
  /** The merchant it serves. Default {@link SIMULATED_ACP_MER_ID}. */
  readonly merId?: string | undefined;
  /** Pauses before each notification attempt, ms. Default 0, 1 s, 2 s, 4 s, 8 s, 16 s (a guess). */
  readonly notifySchedule?: readonly number[] | undefined;
  /** Milliseconds to wait for the merchant's answer. Default 3000. */
  readonly answerTimeout?: number | undefined;
  readonly fetch?: typeof fetch | undefined;
  readonly clock?: (() => number) | undefined;
}

/** A running fake gateway. */
export interface FakeAcpGateway {
  handle(request: Request): Promise<Response>;
  readonly ca: AcpTestCa;
  readonly merId: string;
  /** The transaction with `orderId`, if any. */
  transaction(orderId: string): FakeAcpTransaction | undefined;
  /** The consume or pre-authorisation behind `tn`. */
  byTn(tn: string): FakeAcpTransaction | undefined;
  /**
   * The simulated app paid `tn`: `success` settles it and notifies (unless
   * `notify: false`, a lost notification); `fail` marks it failed; `cancel`
   * leaves it unpaid. No notification for failures (only successes are notified).
   */
  pay(
    tn: string,
    outcome: FakeAcpPayOutcome,
    options?: { readonly notify?: boolean },
  ): Promise<Delivery | undefined>;
  /** Send a settled transaction's notification once more, as UnionPay's repeats do. */
  renotify(orderId: string): Promise<NotificationAttempt>;
  /** The signed notification of a settled transaction (for tests that forge or replay one). */
  notificationOf(orderId: string): Record<string, string>;
  readonly notifications: readonly NotificationAttempt[];
  /** Requests per path, refused ones included. */
  readonly requests: Readonly<Record<string, number>>;
  fault(fault: FakeAcpFault, times?: number): void;
  /**
   * What `createAcpClient` needs to talk to this gateway in process (its `fetch` answers from
   * `handle` whatever the host): merId, the TEST merchant `.pfx`, the TEST root and middle.
   */
  clientOptions(): FakeAcpClientOptions;
  close(): void;
}

/** The client options {@link FakeAcpGateway.clientOptions} answers (the shape `createAcpClient` takes). */
export interface FakeAcpClientOptions {
  readonly merId: string;
  readonly signing: { readonly pfx: Uint8Array; readonly password: string };
  readonly gateway: string;
  readonly rootCert: string;
  readonly middleCert: string;
  readonly fetch: typeof fetch;
}

/**
 * Create a fake ACP gateway. Serve it and point the client's `gateway` at `<origin>/gateway/api/`
 * (the reconciliation file is answered at `<origin>/`).
 *
 * @example
 * ```ts
 * import { createAcpClient } from 'upsdk-kit/server/acp';
 * const gateway = createFakeAcpGateway();
 * const client = await createAcpClient({ ...gateway.clientOptions(), backUrl }); // in process
 * // or served on loopback: { merId: gateway.merId, gateway: `${origin}/gateway/api/`, signing: …, rootCert: …, middleCert: … }
 * ```
 */
export function createFakeAcpGateway(options: FakeAcpGatewayOptions = {}): FakeAcpGateway {
  const ca = options.ca ?? sharedAcpTestCa();
  const merId = options.merId ?? SIMULATED_ACP_MER_ID;
  const clock = options.clock ?? Date.now;
  const numbers = new Numbers(clock);
  const notifier = new Notifier(
    options.fetch ?? globalThis.fetch.bind(globalThis),
    options.notifySchedule ?? [0, 1000, 2000, 4000, 8000, 16000],
    options.answerTimeout ?? 3000,
  );
  const merchantCerts = new Map([[ca.merchant.certId, ca.merchant.certPem]]);
  const signerKey = createPrivateKey(ca.gatewaySigner.keyPem);
  const transactions = new Map<string, FakeAcpTransaction>();
  const requests: Record<string, number> = {};
  const faults: FakeAcpFault[] = [];

  const signed = (message: Record<string, string>, fault?: FakeAcpFault): Record<string, string> => {
    if (fault && 'signer' in fault) {
      const bad = ca.variant(fault.signer);
      return signMessage(message, bad.keyPem, bad.certPem);
    }
    const result = signMessage(message, signerKey, ca.gatewaySigner.certPem);
    if (fault && 'badSignature' in fault)
      result.signature = signMessage({ ...message, forged: '1' }, signerKey, '').signature!;
    return result;
  };

  const echo = (request: Readonly<Record<string, string>>): Record<string, string> => {
    const kept: Record<string, string> = {};
    for (const name of [
      'version',
      'encoding',
      'bizType',
      'txnType',
      'txnSubType',
      'accessType',
      'merId',
      'orderId',
      'txnTime',
      'txnAmt',
      'currencyCode',
      'reqReserved',
      'settleDate',
      'fileType',
    ]) {
      if (request[name] !== undefined) kept[name] = request[name];
    }
    return { ...kept, signMethod: '01' };
  };
  const refused = (request: Readonly<Record<string, string>>, why: Refusal): Record<string, string> => ({
    ...echo(request),
    ...why,
  });

  function settle(txn: FakeAcpTransaction): void {
    txn.state = 'succeeded';
    txn.settleDate = beijing(clock()).slice(4, 8);
    txn.traceNo = numbers.trace();
    txn.traceTime = beijing(clock()).slice(4);
  }

  function order(request: Readonly<Record<string, string>>): Record<string, string> {
    if (transactions.has(request.orderId!))
      return refused(request, { respCode: '12', respMsg: '重复交易 (orderId used)' });
    const tn = numbers.next();
    transactions.set(request.orderId!, newTxn(request, tn));
    return { ...echo(request), respCode: '00', respMsg: '成功[0000000]', tn };
  }

  function newTxn(request: Readonly<Record<string, string>>, tn: string | undefined): FakeAcpTransaction {
    return {
      orderId: request.orderId!,
      txnTime: request.txnTime!,
      txnType: request.txnType!,
      txnSubType: request.txnSubType!,
      bizType: request.bizType!,
      txnAmt: Number(request.txnAmt),
      queryId: numbers.next(),
      backUrl: request.backUrl!,
      tn,
      origQryId: request.origQryId,
      reqReserved: request.reqReserved,
      state: 'unpaid',
      settleDate: undefined,
      traceNo: undefined,
      traceTime: undefined,
    };
  }

  function followUp(request: Readonly<Record<string, string>>): Record<string, string> {
    if (transactions.has(request.orderId!))
      return refused(request, { respCode: '12', respMsg: '重复交易 (orderId used)' });
    const original = [...transactions.values()].find((txn) => txn.queryId === request.origQryId);
    if (!original || original.txnType !== FOLLOWS[request.txnType!] || original.state !== 'succeeded') {
      return refused(request, { respCode: '35', respMsg: '原交易不存在或状态不正确' });
    }
    const amount = Number(request.txnAmt);
    const done = [...transactions.values()].filter(
      (txn) => txn.origQryId === original.queryId && txn.state === 'succeeded',
    );
    const fullOnly = request.txnType !== '04' && request.txnType !== '03';
    if (
      fullOnly
        ? amount !== original.txnAmt || done.length > 0
        : amount + done.reduce((sum, txn) => sum + txn.txnAmt, 0) > original.txnAmt
    ) {
      return refused(request, {
        respCode: '30',
        respMsg: '报文格式错误: txnAmt not allowed for the original',
      });
    }
    const txn = newTxn(request, undefined);
    settle(txn);
    transactions.set(txn.orderId, txn);
    // Back-office results are notified too; the synchronous 00 only says "accepted".
    void notifier.deliver(txn.orderId, txn.backUrl, notificationOf(txn.orderId));
    return {
      ...echo(request),
      respCode: '00',
      respMsg: '成功[0000000]',
      queryId: txn.queryId,
      origQryId: original.queryId,
    };
  }

  function query(request: Readonly<Record<string, string>>): Record<string, string> {
    const txn = transactions.get(request.orderId!);
    if (!txn || txn.txnTime !== request.txnTime)
      return refused(request, { respCode: '34', respMsg: '查无此交易' });
    if (txn.state === 'unpaid') return refused(request, { respCode: '34', respMsg: '查无此交易 (not paid)' });
    const ok = txn.state === 'succeeded';
    return {
      ...echo(request),
      respCode: '00',
      respMsg: '成功[0000000]',
      origRespCode: ok ? '00' : '01',
      origRespMsg: ok ? '成功[0000000]' : '交易失败 (simulated)',
      queryId: txn.queryId,
      txnType: txn.txnType,
      txnSubType: txn.txnSubType,
      txnAmt: String(txn.txnAmt),
      settleAmt: ok ? String(txn.txnAmt) : '',
      settleDate: txn.settleDate ?? '',
      traceNo: txn.traceNo ?? '',
    };
  }

  function file(request: Readonly<Record<string, string>>): Record<string, string> {
    const text = settlementFile(merId, request.settleDate!, transactions.values());
    if (text === undefined) return refused(request, { respCode: '98', respMsg: '文件不存在' });
    return {
      ...echo(request),
      respCode: '00',
      respMsg: '成功[0000000]',
      fileName: `FAKE_${merId}_${request.settleDate}.txt`,
      fileContent: deflateSync(Buffer.from(text, 'utf8')).toString('base64'),
    };
  }

  const ROUTES: Readonly<
    Record<string, (request: Readonly<Record<string, string>>) => Record<string, string>>
  > = {
    '/gateway/api/appTransReq.do': order,
    '/gateway/api/backTransReq.do': followUp,
    '/gateway/api/queryTrans.do': query,
    '/': file,
  };

  async function handle(httpRequest: Request): Promise<Response> {
    const path = new URL(httpRequest.url).pathname;
    const route = ROUTES[path];
    if (!route) return new Response('not found', { status: 404 });
    if (httpRequest.method !== 'POST') return new Response('POST only', { status: 405 });
    requests[path] = (requests[path] ?? 0) + 1;
    const fault = faults.shift();
    if (fault && 'delay' in fault) await delay(fault.delay, httpRequest.signal);
    if (fault && 'status' in fault) return new Response('simulated gateway error', { status: fault.status });
    if (fault && 'garbage' in fault) return new Response('<html>502 Bad Gateway</html>');
    const request = Object.fromEntries(new URLSearchParams(await httpRequest.text()));
    const certPem = merchantCerts.get(request.certId ?? '');
    let message: Record<string, string>;
    if (request.merId !== merId)
      message = refused(request, { respCode: '30', respMsg: '商户未开通 (unknown merId)' });
    else if (!certPem || !verifyMessage(request, certPem))
      message = refused(request, { respCode: '11', respMsg: '验证签名失败' });
    else
      message = formatRefusal(path, request)
        ? refused(request, formatRefusal(path, request)!)
        : route(request);
    if (fault && 'respCode' in fault)
      message = {
        ...echo(request),
        respCode: fault.respCode,
        respMsg: fault.respMsg ?? '处理中 (simulated)',
      };
    return new Response(replyBody(signed(message, fault)), {
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
  }

  function notificationOf(orderId: string): Record<string, string> {
    const txn = transactions.get(orderId);
    if (!txn || txn.state !== 'succeeded') throw new Error(`no settled transaction ${orderId}`);
    const message: Record<string, string> = {
      version: '5.1.0',
      encoding: 'UTF-8',
      bizType: txn.bizType,
      txnType: txn.txnType,
      txnSubType: txn.txnSubType,
      accessType: '0',
      merId,
      orderId: txn.orderId,
      txnTime: txn.txnTime,
      txnAmt: String(txn.txnAmt),
      currencyCode: '156',
      queryId: txn.queryId,
      respCode: '00',
      respMsg: 'Success!',
      settleAmt: String(txn.txnAmt),
      settleCurrencyCode: '156',
      settleDate: txn.settleDate!,
      traceNo: txn.traceNo!,
      traceTime: txn.traceTime!,
      signMethod: '01',
    };
    if (txn.origQryId) message.origQryId = txn.origQryId;
    if (txn.reqReserved) message.reqReserved = txn.reqReserved;
    return signed(message);
  }

  return {
    handle,
    ca,
    merId,
    transaction: (orderId) => transactions.get(orderId),
    byTn: (tn) => [...transactions.values()].find((txn) => txn.tn === tn),
    async pay(tn, outcome, payOptions = {}) {
      const txn = [...transactions.values()].find((candidate) => candidate.tn === tn);
      if (!txn) throw new Error(`no order with tn ${tn}`);
      if (txn.state !== 'unpaid') throw new Error(`order ${txn.orderId} is already ${txn.state}`);
      if (outcome === 'cancel') return undefined;
      if (outcome === 'fail') {
        txn.state = 'failed';
        return undefined;
      }
      settle(txn);
      if (payOptions.notify === false) return undefined;
      return notifier.deliver(txn.orderId, txn.backUrl, notificationOf(txn.orderId));
    },
    renotify: (orderId) =>
      notifier.send(orderId, transactions.get(orderId)?.backUrl ?? '', notificationOf(orderId)),
    notificationOf,
    notifications: notifier.attempts,
    requests,
    fault(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    clientOptions: () => ({
      merId,
      signing: { pfx: ca.merchant.pfx, password: ca.merchant.password },
      gateway: 'http://fake-acp.invalid/gateway/api/',
      rootCert: ca.rootPem,
      middleCert: ca.middlePem,
      fetch: (input, init) => handle(new Request(input, init)),
    }),
    close: () => notifier.close(),
  };
}
