/**
 * A demo order endpoint for the money loop (playground, `upsdk-kit serve
 * --acp-demo`): the page asks for an order, the server gets its `tn` with
 * `consume`, UnionPay notifies `/acp/notify`, and the page asks the server
 * for its verdict, which comes from `query` — never from the page. Orders
 * and their timelines live in memory: a demo, not an order system.
 */
import { readFileSync } from 'node:fs';
import { AcpError } from './errors.js';
import { createAcpNotificationHandler, type AcpNotification } from './notification.js';
import type { AcpClient, AcpClientOptions } from './types.js';

/** One step of an order's story, as the server saw it. */
export interface AcpTimelineEntry {
  readonly step: 'order' | 'pay' | 'notification' | 'query';
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly detail: string;
}

/** The server's verdict on an order, from `query`. */
export type AcpVerdict = 'paid' | 'failed' | 'not paid' | 'pending';

/** Options of {@link createAcpDemoEndpoint}. */
export interface AcpDemoOptions {
  readonly acp: AcpClient;
  /** As the client's: which merchant, which certificates verify the notifications. */
  readonly merId: string;
  readonly rootCert: string | Uint8Array;
  readonly middleCert: string | Uint8Array;
  readonly checkOwner?: boolean | undefined;
  /**
   * Simulator mode: how the simulated app's payment reaches the fake gateway (e.g.
   * `(tn, outcome, options) => gateway.pay(tn, outcome, options)`). When given, `POST /acp/simulated-pay
   * {tn, outcome, lose}` plays it; the notification is not awaited, as in the app.
   */
  readonly simulatedPay?:
    | ((
        tn: string,
        outcome: 'success' | 'fail' | 'cancel',
        options: { readonly notify: boolean },
      ) => Promise<unknown>)
    | undefined;
  /** Where UnionPay should notify. Default `<the request's origin>/acp/notify` (fine on loopback, not behind a proxy). */
  readonly backUrl?: string | undefined;
}

/** The demo endpoint: `handle` answers its paths and `undefined` for any other. */
export interface AcpDemoEndpoint {
  handle(request: Request): Promise<Response | undefined>;
  /** Add a step to an order's timeline (e.g. the simulated app's pay). */
  record(orderId: string, step: AcpTimelineEntry['step'], detail: string): void;
  /** The order id behind a tn this endpoint issued. */
  orderIdOf(tn: string): string | undefined;
}

const MAX_ORDERS = 200;

const json = (body: unknown, status = 200): Response =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

async function bodyOf(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.length > 4096) return {};
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Create the demo endpoint: `POST /acp/order {txnAmt}` → `{orderId, txnTime, tn}`,
 * `POST /acp/notify` (UnionPay's notifications), `POST /acp/query {orderId, txnTime}` →
 * `{verdict, …}`, `GET /acp/timeline?orderId=` → the order's steps.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * const demo = createAcpDemoEndpoint({ acp, merId, rootCert, middleCert });
 * createServer(toNodeHandler(async (request) => (await demo.handle(request)) ?? new Response('not found', { status: 404 })));
 * ```
 */
export function createAcpDemoEndpoint(options: AcpDemoOptions): AcpDemoEndpoint {
  const timelines = new Map<string, AcpTimelineEntry[]>();
  const tns = new Map<string, string>();
  let serial = 0;
  const record = (orderId: string, step: AcpTimelineEntry['step'], detail: string): void => {
    const timeline = timelines.get(orderId);
    if (timeline && timeline.length < 50) timeline.push({ step, at: Date.now(), detail });
  };
  const onNotification = (event: AcpNotification): void =>
    record(
      event.orderId,
      'notification',
      `${event.type}${event.succeeded ? '' : ' (failed)'} ${event.txnAmt} fen, queryId ${event.queryId}`,
    );
  const notify = createAcpNotificationHandler({ ...options, onNotification });

  async function order(request: Request): Promise<Response> {
    const txnAmt = Number((await bodyOf(request)).txnAmt ?? 1);
    const orderId = `DEMO${Date.now()}${String(++serial % 10_000).padStart(4, '0')}`;
    const backUrl = options.backUrl ?? new URL('/acp/notify', request.url).href;
    const answer = await options.acp.consume({ orderId, txnAmt, backUrl });
    if (answer.outcome === 'unknown')
      return json({ orderId, outcome: 'unknown', respCode: answer.respCode }, 202);
    if (timelines.size >= MAX_ORDERS) timelines.delete(timelines.keys().next().value!);
    timelines.set(orderId, []);
    tns.set(answer.tn, orderId);
    record(orderId, 'order', `consume ${txnAmt} fen → tn ${answer.tn}`);
    return json({ orderId, txnTime: answer.txnTime, tn: answer.tn });
  }

  async function query(request: Request): Promise<Response> {
    const { orderId, txnTime } = await bodyOf(request);
    let verdict: AcpVerdict;
    let detail: string;
    try {
      const answer = await options.acp.query({ orderId: String(orderId), txnTime: String(txnTime) });
      verdict =
        answer.outcome === 'unknown'
          ? 'pending'
          : answer.state === 'succeeded'
            ? 'paid'
            : answer.state === 'failed'
              ? 'failed'
              : 'pending';
      detail =
        answer.outcome === 'unknown'
          ? `respCode ${answer.respCode ?? 'timeout'}`
          : `origRespCode ${answer.origRespCode ?? '?'}`;
    } catch (error) {
      if (!(error instanceof AcpError) || error.code !== 'not_found') throw error;
      verdict = 'not paid';
      detail = `respCode ${error.respCode ?? '?'}`;
    }
    record(String(orderId), 'query', `${verdict} (${detail})`);
    return json({ orderId, verdict, detail });
  }

  async function simulatedPay(
    request: Request,
    play: NonNullable<AcpDemoOptions['simulatedPay']>,
  ): Promise<Response> {
    const { tn, outcome, lose } = await bodyOf(request);
    const orderId = tns.get(String(tn));
    if (!orderId || (outcome !== 'success' && outcome !== 'fail' && outcome !== 'cancel')) {
      return json({ error: 'invalid_param', msg: 'unknown tn, or outcome not success/fail/cancel' }, 400);
    }
    record(orderId, 'pay', `app: ${outcome}${lose === true ? ' (notification lost)' : ''}`);
    play(String(tn), outcome, { notify: lose !== true }).catch((error: unknown) =>
      record(orderId, 'pay', `gateway: ${error instanceof Error ? error.message : String(error)}`),
    );
    return json({ orderId });
  }

  return {
    record,
    orderIdOf: (tn) => tns.get(tn),
    async handle(request) {
      const { pathname, searchParams } = new URL(request.url);
      try {
        if (pathname === '/acp/notify') return await notify(request);
        if (pathname === '/acp/timeline' && request.method === 'GET') {
          return json(timelines.get(searchParams.get('orderId') ?? '') ?? []);
        }
        if (request.method !== 'POST')
          return pathname === '/acp/order' || pathname === '/acp/query'
            ? json({ error: 'POST only' }, 405)
            : undefined;
        if (pathname === '/acp/order') return await order(request);
        if (pathname === '/acp/query') return await query(request);
        if (pathname === '/acp/simulated-pay' && options.simulatedPay)
          return await simulatedPay(request, options.simulatedPay);
        return undefined;
      } catch (error) {
        // Codes and gateway messages only: an AcpError carries no key or password.
        const known = error instanceof AcpError;
        return json(
          {
            error: known ? error.code : 'error',
            msg: known ? error.msg : 'internal error',
            respCode: known ? error.respCode : undefined,
          },
          known && error.code === 'invalid_param' ? 400 : 502,
        );
      }
    },
  };
}

/**
 * Real ACP settings from the environment, or `undefined` when `ACP_MER_ID` is not set:
 * `ACP_MER_ID`, `ACP_PFX` (path) + `ACP_PFX_PASSWORD` or `ACP_KEY` + `ACP_CERT` (PEM paths),
 * `ACP_ROOT_CERT`, `ACP_MIDDLE_CERT` (paths), `ACP_GATEWAY` (`test` by default, `production`, or a URL),
 * `ACP_BACK_URL` (the public URL of `/acp/notify`).
 *
 * @example
 * ```ts
 * const settings = acpSettingsFromEnv(process.env);
 * const acp = settings && (await createAcpClient(settings));
 * ```
 */
export function acpSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): (AcpClientOptions & { readonly merId: string }) | undefined {
  const merId = env.ACP_MER_ID;
  if (!merId) return undefined;
  const need = (name: string): string => {
    const value = env[name];
    if (!value)
      throw new AcpError({
        code: 'invalid_param',
        msg: `${name} is required with ACP_MER_ID`,
        operation: 'acpSettingsFromEnv',
      });
    return value;
  };
  const signing = env.ACP_PFX
    ? { pfx: readFileSync(env.ACP_PFX), password: need('ACP_PFX_PASSWORD') }
    : { key: readFileSync(need('ACP_KEY'), 'utf8'), cert: readFileSync(need('ACP_CERT'), 'utf8') };
  return {
    merId,
    signing,
    gateway: env.ACP_GATEWAY ?? 'test',
    rootCert: readFileSync(need('ACP_ROOT_CERT')),
    middleCert: readFileSync(need('ACP_MIDDLE_CERT')),
    backUrl: env.ACP_BACK_URL,
  };
}
