/**
 * Pre-order inputs in natural types, checked and turned into the
 * provider's wire fields (seed 002, "微信预下单" / "支付宝预下单" with
 * `trade_type=JSPAY`). Amounts are integer fen; times are `Date`s sent as
 * `yyyyMMddHHmmss` in Beijing time (GMT+8).
 */
import {
  fail,
  httpUrl,
  integerIn,
  matching,
  nonEmptyList,
  optional,
  record,
  text,
  validated,
} from '../../shared/validate.js';
import { UpsdkError } from '../../shared/error.js';
import { PreOrderError } from './errors.js';

/** One line of `goods_detail`. */
export interface GoodsLine {
  /** Letters, digits, `-` and `_`. */
  readonly goodsId: string;
  /** The wallet's own goods code, if any. */
  readonly payGoodsId?: string | undefined;
  readonly goodsName?: string | undefined;
  /** A positive integer. */
  readonly quantity: number;
  /** Unit price in fen (integer). */
  readonly price: number;
}

/** What both pre-orders share. */
export interface PreOrderCommon {
  /** Your order number: 5–32 letters, digits or `_`, unique in your system. */
  readonly outTradeNo: string;
  /** What is bought (`body`). */
  readonly body: string;
  /** Amount in fen: an integer of at least 1. */
  readonly totalFee: number;
  /** Where the provider POSTs the result; an absolute http(s) URL without a query. Default the client's. */
  readonly notifyUrl?: string | undefined;
  /** The buyer's IP (`mch_create_ip`). */
  readonly clientIp?: string | undefined;
  /** When the order opens and closes for payment (`time_start` / `time_expire`); Alipay needs both or neither. */
  readonly timeStart?: Date | undefined;
  readonly timeExpire?: Date | undefined;
  /** Refuse credit cards (`limit_pay=NO_CREDIT`). Default false. */
  readonly noCredit?: boolean | undefined;
  /** Your terminal id (`device_info`). */
  readonly deviceInfo?: string | undefined;
  /** Your store id (`op_shop_id`). */
  readonly shopId?: string | undefined;
  /** Promotion tag (`goods_tag`). */
  readonly goodsTag?: string | undefined;
}

/** Input of `wechatPreOrder`. */
export interface WeChatPreOrderInput extends PreOrderCommon {
  /** The official account's (or mini-program's) AppId (`sub_appid`). */
  readonly subAppId: string;
  /** The buyer's openid under `subAppId` (`buyer_id`). */
  readonly openId: string;
  /** Pay from a mini-program (`is_minipg=1`). Default false: an official-account H5 page. */
  readonly miniProgram?: boolean | undefined;
  /** Line items (`goods_detail`). */
  readonly goodsDetail?: readonly GoodsLine[] | undefined;
}

/** Input of `alipayPreOrder`: `buyerId` or `buyerLogonId` is required. */
export interface AlipayPreOrderInput extends PreOrderCommon {
  /** Your product id (`product_id`), required with JSPAY. */
  readonly productId: string;
  /** The buyer's Alipay user id (`buyer_id`). */
  readonly buyerId?: string | undefined;
  /** The buyer's Alipay account (`buyer_logon_id`). */
  readonly buyerLogonId?: string | undefined;
}

/** Wire fields, before the common ones and the signature are added. */
export type WireFields = Record<string, string | undefined>;

const TWO_TO_31 = 2_147_483_647;

/** An amount in fen: an integer in 1…2^31−1. */
export const fen = (field: string, value: unknown): string =>
  String(integerIn(field, value, 1, TWO_TO_31, 'fen'));

/** `yyyyMMddHHmmss` in GMT+8, as the provider reads times. */
function beijingTime(field: string, value: unknown): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return fail(field, 'a valid Date', value);
  return new Date(value.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

const notifyUrl = (field: string, value: unknown): string => {
  const url = httpUrl(field, value);
  return new URL(url).search === ''
    ? url
    : fail(field, 'a URL without a query (the provider forbids one)', value);
};

const goodsLine = (field: string, value: unknown): Record<string, unknown> => {
  const line = record(field, value);
  return {
    goods_id: matching(`${field}.goodsId`, line.goodsId, /^[A-Za-z0-9_-]+$/, 'letters, digits, - or _'),
    pay_goods_id: optional(`${field}.payGoodsId`, line.payGoodsId, text),
    goods_name: optional(`${field}.goodsName`, line.goodsName, text),
    quantity: integerIn(`${field}.quantity`, line.quantity, 1, TWO_TO_31),
    price: integerIn(`${field}.price`, line.price, 0, TWO_TO_31, 'fen'),
  };
};

/** The fields every pre-order shares, whatever its `trade_type`. */
export function common(input: PreOrderCommon, defaultNotifyUrl: string | undefined): WireFields {
  const given = record('input', input);
  return {
    out_trade_no: matching('outTradeNo', given.outTradeNo, /^\w{5,32}$/, '5–32 letters, digits or _'),
    body: text('body', given.body),
    total_fee: fen('totalFee', given.totalFee),
    notify_url: optional('notifyUrl', given.notifyUrl ?? defaultNotifyUrl, notifyUrl),
    mch_create_ip: optional('clientIp', given.clientIp, text),
    time_start: optional('timeStart', given.timeStart, beijingTime),
    time_expire: optional('timeExpire', given.timeExpire, beijingTime),
    limit_pay: given.noCredit === true ? 'NO_CREDIT' : undefined,
    device_info: optional('deviceInfo', given.deviceInfo, text),
    op_shop_id: optional('shopId', given.shopId, text),
    goods_tag: optional('goodsTag', given.goodsTag, text),
  };
}

/** Our validation failures as {@link PreOrderError}s (code `invalid_param`). */
export function checked<T>(operation: string, build: () => T): T {
  try {
    return validated(operation, build);
  } catch (error) {
    if (!(error instanceof UpsdkError) || error instanceof PreOrderError) throw error;
    throw new PreOrderError({ code: error.code, msg: error.msg, plugin: operation, raw: error.raw });
  }
}

/** Wire fields of a WeChat JSPAY pre-order. */
export function weChatFields(input: WeChatPreOrderInput, defaultNotifyUrl?: string): WireFields {
  return checked('WECHAT_PreOrder', () => {
    const goods = optional('goodsDetail', input.goodsDetail, (field, value) =>
      nonEmptyList(field, value, goodsLine),
    );
    return {
      ...common(input, defaultNotifyUrl),
      trade_type: 'JSPAY',
      sub_appid: text('subAppId', input.subAppId),
      buyer_id: text('openId', input.openId),
      is_minipg: input.miniProgram === true ? '1' : undefined,
      goods_detail: goods && JSON.stringify(goods),
    };
  });
}

/** Wire fields of an Alipay JSPAY pre-order. */
export function alipayFields(input: AlipayPreOrderInput, defaultNotifyUrl?: string): WireFields {
  return checked('ALIPAY_PreOrder', () => {
    const fields = common(input, defaultNotifyUrl);
    if ((fields.time_start === undefined) !== (fields.time_expire === undefined)) {
      fail('timeExpire', 'given together with timeStart (Alipay ignores one alone)', input.timeExpire);
    }
    const buyerId = optional('buyerId', input.buyerId, text);
    const buyerLogonId = optional('buyerLogonId', input.buyerLogonId, text);
    if (buyerId === undefined && buyerLogonId === undefined) {
      fail('buyerId', 'a non-empty string (or give buyerLogonId)', input.buyerId);
    }
    return {
      ...fields,
      trade_type: 'JSPAY',
      product_id: text('productId', input.productId),
      buyer_id: buyerId,
      buyer_logon_id: buyerLogonId,
    };
  });
}
