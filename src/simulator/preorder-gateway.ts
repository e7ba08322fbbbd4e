/**
 * A fake of the aggregated payment provider's gateway (seed 002): JSPAY and
 * NATIVE pre-orders for WeChat and Alipay, the order query, refunds and
 * refund queries (gateway-refunds.ts), the mini-program code2session
 * (gateway-session.ts), and result notifications with retries — every
 * request's signature checked, every answer and notification signed — as a
 * web-standard handler like the fake open platform. Sources and guesses:
 * WIRE-FACTS.md (an unknown order answers state FAIL, code 20007; a
 * repeated `out_trade_no` with other fields answers 20004).
 */
import { gatewaySign, signedParams } from './gateway-signing.js';
import { fakeNonce } from './spec-signing.js';
import { createGatewayRefunds } from './gateway-refunds.js';
import { createGatewaySessions } from './gateway-session.js';
import { Notifier, NOTIFY_SCHEDULE_MS } from './gateway-notifier.js';
import {
  gatewayReply,
  readForm,
  readOrderFields,
  type GatewayFault,
  type PayType,
} from './gateway-orders.js';
import type { FakePreOrderGateway, FakePreOrderGatewayOptions, GatewayOrder } from './gateway-api.js';

export type { Delivery, NotificationAttempt } from './gateway-notifier.js';
export type { FormDecoding, GatewayFault, TradeType } from './gateway-orders.js';
export type { GatewayRefund, GatewayRefundStatus } from './gateway-refunds.js';
export type { FakePreOrderGateway, FakePreOrderGatewayOptions, GatewayOrder } from './gateway-api.js';

/** The agent, merchant and key the fake gateway knows by default. */
export const SIMULATED_AGENT_ID = '130000000000000000';
export const SIMULATED_MCH_ID = '00000001';
export const SIMULATED_MCH_KEY = 'simulated-merchant-key-never-sent';
/** The key the fake signs WeChat's `paySign` with (WeChat's own merchant key in reality). */
export const SIMULATED_WECHAT_PAY_KEY = 'simulated-wechat-pay-key';

/** `yyyyMMddHHmmss` in GMT+8. */
const beijing = (ms: number): string =>
  new Date(ms + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);

const signWith = (key: string, fields: Readonly<Record<string, string>>): string => gatewaySign(fields, key);

/** `trade_type` in answers and notifications: seed 002 names `pay.weixin.native`, `pay.alipay.native`; `jspay` is our guess. */
const tradeTypeName = (order: GatewayOrder): string =>
  `pay.${order.paytype === 'WECHAT' ? 'weixin' : 'alipay'}.${order.tradeType === 'NATIVE' ? 'native' : 'jspay'}`;

/**
 * Create a fake provider gateway.
 *
 * @example
 * ```ts
 * const gateway = createFakePreOrderGateway({ notifySchedule: [0, 100, 100] });
 * const provider = createPreOrderClient({ baseUrl: 'http://gateway.test', agentId: SIMULATED_AGENT_ID,
 *   mchId: SIMULATED_MCH_ID, key: SIMULATED_MCH_KEY, fetch: gateway.fetch });
 * ```
 */
export function createFakePreOrderGateway(options: FakePreOrderGatewayOptions = {}): FakePreOrderGateway {
  const merchants = options.merchants ?? { [SIMULATED_MCH_ID]: SIMULATED_MCH_KEY };
  const agentId = options.agentId ?? SIMULATED_AGENT_ID;
  const clock = options.clock ?? Date.now;
  const notifier = new Notifier(
    options.fetch ?? globalThis.fetch.bind(globalThis),
    options.notifySchedule ?? NOTIFY_SCHEDULE_MS,
    options.answerTimeout ?? 3000,
  );
  const orders = new Map<string, GatewayOrder>();
  const requests: Record<string, number> = {};
  const faults: GatewayFault[] = [];
  let serial = 0;

  const signed = (mchId: string, fields: Record<string, string>): Record<string, string> => {
    const kept = signedParams(fields);
    return { ...kept, sign: signWith(merchants[mchId] ?? '', kept) };
  };
  const reply = (body: unknown): Response =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const refuse = (code: string, msg: string): Response => reply({ state: 'FAIL', code, msg });
  const refunds = createGatewayRefunds({
    orders: () => orders.values(),
    reply: (mchId, fields) => reply(signed(mchId, fields)),
    refuse,
    clock,
  });
  const sessions = createGatewaySessions();

  function payInfo(
    paytype: PayType,
    fields: Readonly<Record<string, string>>,
    transactionId: string,
  ): string {
    if (paytype === 'ALIPAY') {
      const tradeNO = `2026${transactionId}`;
      return JSON.stringify(
        options.alipayPayInfo === 'orderStr'
          ? {
              orderStr: `app_id=2021000000000000&biz_content=${encodeURIComponent(`{"trade_no":"${tradeNO}"}`)}`,
            }
          : { tradeNO },
      );
    }
    const now = clock();
    const pay = {
      appId: fields.sub_appid!,
      timeStamp: String(options.weChatTimeStamp === 'milliseconds' ? now : Math.floor(now / 1000)),
      nonceStr: fakeNonce(16),
      package: `prepay_id=wx${transactionId}`,
      signType: 'MD5',
    };
    const paySign = gatewaySign(pay, SIMULATED_WECHAT_PAY_KEY);
    return JSON.stringify({ ...pay, status: '0', callback_url: '', paySign });
  }

  function preOrder(paytype: PayType, fields: Record<string, string>): Response {
    const read = readOrderFields(paytype, fields);
    if ('refusal' in read) return refuse('20004', read.refusal);
    const mchId = fields.mch_id!;
    const existing = orders.get(read.outTradeNo);
    // What identifies a repeat: the request without its signature and nonce.
    const request = Object.fromEntries(
      Object.entries(fields).filter(([name]) => name !== 'sign' && name !== 'nonce_str'),
    );
    if (existing && JSON.stringify(existing.request) !== JSON.stringify(request)) {
      return refuse('20004', '订单号重复 (out_trade_no used with other fields)');
    }
    const transactionId =
      existing?.transactionId ??
      `7551000001${beijing(clock()).slice(0, 8)}${String(++serial).padStart(8, '0')}`;
    const order: GatewayOrder = existing ?? {
      paytype,
      tradeType: read.tradeType,
      mchId,
      outTradeNo: read.outTradeNo,
      totalFee: read.totalFee,
      notifyUrl: fields.notify_url,
      transactionId,
      payInfo: read.tradeType === 'NATIVE' ? '' : payInfo(paytype, fields, transactionId),
      request,
      status: 'unpaid',
      timeEnd: undefined,
    };
    orders.set(order.outTradeNo, order);
    // NATIVE: "code_url … trade_type=NATIVE时，此参数有返回"; the URL shapes are each wallet's (guess).
    const codeUrl =
      paytype === 'WECHAT'
        ? `weixin://wxpay/bizpayurl?pr=${transactionId}`
        : `https://qr.alipay.com/${transactionId}`;
    const native = order.tradeType === 'NATIVE';
    return reply(
      signed(mchId, {
        state: 'SUCCESS',
        code: '10000',
        trade_state: 'SUCCESS',
        msg: 'SUCCESS',
        mch_id: mchId,
        out_trade_no: order.outTradeNo,
        pay_info: order.payInfo,
        code_url: native ? codeUrl : '',
        code_img_url: native ? `https://gateway.invalid/qr/${transactionId}.png` : '',
        pay_url: paytype === 'ALIPAY' && !native ? `https://gateway.invalid/alipay/${transactionId}` : '',
        sub_openid: fields.buyer_id ?? '',
        appid: fields.sub_appid ?? '',
        nonce_str: fakeNonce(32),
      }),
    );
  }

  function gatewayMethod(fields: Record<string, string>): Response {
    if (fields.method === 'refund') return refunds.refund(fields);
    if (fields.method === 'refundquery') return refunds.query(fields);
    if (fields.method !== 'orderquery')
      return refuse('20004', `method ${fields.method ?? '(none)'} is not simulated`);
    return query(fields);
  }

  function code2Session(fields: Record<string, string>): Response {
    const exchanged = sessions.exchange(fields);
    if (!('answer' in exchanged)) return refuse(exchanged.code, exchanged.msg);
    const body = signed(fields.mch_id!, exchanged.answer);
    // The seed's sample has `"expires_in": 7200`, a JSON number (signed as its text).
    return reply({ ...body, expires_in: Number(body.expires_in) });
  }

  function query(fields: Record<string, string>): Response {
    const order = [...orders.values()].find(
      (candidate) =>
        candidate.mchId === fields.mch_id &&
        candidate.paytype === fields.paytype &&
        (fields.out_trade_no
          ? candidate.outTradeNo === fields.out_trade_no
          : candidate.transactionId === fields.transaction_id),
    );
    if (!order) return refuse('20007', '订单不存在');
    const [code, tradeState] =
      order.status === 'paid'
        ? ['10000', 'SUCCESS']
        : order.status === 'failed'
          ? ['10006', 'FAIL']
          : ['10003', ''];
    return reply(
      signed(order.mchId, {
        state: 'SUCCESS',
        code,
        trade_state: tradeState,
        msg: 'SUCCESS',
        mch_id: order.mchId,
        out_trade_no: order.outTradeNo,
        transaction_id: order.transactionId,
        out_transaction_id: `4200${order.transactionId}`,
        base_fee: String(order.totalFee),
        total_fee: order.status === 'paid' ? String(order.totalFee) : '',
        time_end: order.timeEnd ?? '',
        trade_type: tradeTypeName(order),
        nonce_str: fakeNonce(32),
      }),
    );
  }

  const ROUTES: Readonly<Record<string, (fields: Record<string, string>) => Response>> = {
    '/Open/WECHAT_PreOrder': (fields) => preOrder('WECHAT', fields),
    '/Open/ALIPAY_PreOrder': (fields) => preOrder('ALIPAY', fields),
    '/UnifiedPay/Gateway': gatewayMethod,
    '/Open/WXA_Code2Session': code2Session,
  };

  async function handle(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    const route = ROUTES[path];
    if (!route) return new Response('not found', { status: 404 });
    if (request.method !== 'POST') return new Response('POST only', { status: 405 });
    requests[path] = (requests[path] ?? 0) + 1;
    const fault = faults.shift();
    if (fault) {
      const faulted = await gatewayReply(fault, request.signal);
      if (faulted) return faulted;
    }
    const fields = readForm(await request.text(), options.formDecoding ?? 'form');
    if (!fields) return refuse('20004', '参数错误: malformed percent escape');
    if (fields.agent_id !== agentId) return refuse('20012', '代理商错误');
    const key = merchants[fields.mch_id ?? ''];
    if (key === undefined) return refuse('20005', '商户错误');
    if (fields.sign !== signWith(key, fields)) return refuse('20002', '签名错误');
    const response = route(fields);
    if (fault && 'badSign' in fault) {
      const body = (await response.json()) as Record<string, string>;
      return reply({ ...body, sign: '0'.repeat(32) });
    }
    return response;
  }

  function notificationOf(order: GatewayOrder): Record<string, string> {
    const paid = order.status === 'paid';
    return signed(order.mchId, {
      state: 'SUCCESS',
      result_code: 'SUCCESS',
      pay_result: paid ? '0' : '1',
      mch_id: order.mchId,
      out_trade_no: order.outTradeNo,
      transaction_id: order.transactionId,
      out_transaction_id: `4200${order.transactionId}`,
      total_fee: String(order.totalFee),
      fee_type: 'CNY',
      time_end: order.timeEnd ?? '',
      trade_type: tradeTypeName(order),
      bank_type: order.paytype === 'WECHAT' ? 'CFT' : 'ALIPAYACCOUNT',
      nonce_str: fakeNonce(16),
    });
  }

  const settledOrder = (outTradeNo: string): GatewayOrder & { notifyUrl: string } => {
    const order = orders.get(outTradeNo);
    if (!order) throw new Error(`no order ${outTradeNo}`);
    if (!order.notifyUrl) throw new Error(`order ${outTradeNo} has no notify_url`);
    return order as GatewayOrder & { notifyUrl: string };
  };

  return {
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    order: (outTradeNo) => orders.get(outTradeNo),
    notifications: notifier.attempts,
    requests,
    async settle(outTradeNo, outcome = 'paid') {
      const order = settledOrder(outTradeNo);
      order.status = outcome;
      order.timeEnd = beijing(clock());
      return notifier.deliver(outTradeNo, order.notifyUrl, notificationOf(order));
    },
    async renotify(outTradeNo) {
      const order = settledOrder(outTradeNo);
      if (order.status === 'unpaid') throw new Error(`order ${outTradeNo} is not settled`);
      return notifier.send(outTradeNo, order.notifyUrl, notificationOf(order));
    },
    refunds: refunds.refunds,
    setRefundStatus: (outRefundNo, status) => refunds.setStatus(outRefundNo, status),
    issueJsCode: (appId, openId) => sessions.issueJsCode(appId, openId),
    fault: (fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () => notifier.close(),
  };
}
