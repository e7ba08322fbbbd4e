/**
 * `payInWallet`: one promise for whichever wallet hosts the page —
 * UnionPay's cashier through the core's `pay`, WeChat's
 * `getBrandWCPayRequest`, Alipay's `tradePay` — with one outcome vocabulary
 * (see outcome.ts).
 */
import type { UpsdkClient } from '../client/client.js';
import { UpsdkConfigError, UpsdkError, UpsdkUnavailableError } from '../client/errors.js';
import { USER_WAIT_TIMEOUT } from '../client/user-wait.js';
import { duration, fail, matching, optional, record, text, validated } from '../shared/validate.js';
import { ALIPAY_BRIDGE } from './alipay.js';
import { callWalletBridge } from './bridge-call.js';
import { detectWallet, type WalletHost, type WalletName } from './detect.js';
import { handOffToMiniProgram, type MiniProgramHandOff } from './mini-program.js';
import { walletError } from './outcome.js';
import {
  readAlipayParams,
  readWeChatParams,
  type AlipayPayParams,
  type WeChatPayParams,
} from '../shared/pay-info.js';
import { WECHAT_BRIDGE } from './wechat.js';

/**
 * What to pay with, per wallet; give the ones your server prepared (usually
 * the one for {@link detectWallet}'s answer). WeChat and Alipay take typed
 * fields or the provider's `pay_info` string exactly as it came.
 */
export interface WalletPayment {
  /** UnionPay: the order's transaction number. */
  readonly unionpay?: { readonly tn: string } | undefined;
  /** WeChat: the six `getBrandWCPayRequest` fields, or `pay_info` from `WECHAT_PreOrder`. */
  readonly wechat?: WeChatPayParams | string | undefined;
  /** Alipay: `{tradeNO}` / `{orderStr}`, or `pay_info` from `ALIPAY_PreOrder`. */
  readonly alipay?: AlipayPayParams | string | undefined;
}

/** Options of {@link payInWallet}. */
export interface PayInWalletOptions {
  /** The upsdk client; required when the page may run in the UnionPay app. */
  readonly client?: UpsdkClient | undefined;
  /** Milliseconds for the whole payment, the user's time included. Default 600 000 (10 minutes). */
  readonly timeout?: number | undefined;
  /** Milliseconds to wait for `WeixinJSBridge` / `AlipayJSBridge` to appear. Default 10 000. */
  readonly bridgeTimeout?: number | undefined;
  /** Aborts the wait; the promise rejects with the signal's reason (the wallet's sheet may stay open). */
  readonly signal?: AbortSignal | undefined;
  /** Where the bridges live. Default the global `window`. */
  readonly window?: Window | undefined;
  /** The host to pay in. Default {@link detectWallet} of `window`. */
  readonly host?: WalletHost | undefined;
  /**
   * In a WeChat mini-program's web-view, hand the WeChat parameters to this
   * mini-program page (`wx.miniProgram.navigateTo`), which pays with
   * `wx.requestPayment`; the payment then rejects with `pending` when the
   * web-view is shown again (query the order). Without it such a page is `unavailable`.
   */
  readonly miniProgram?: MiniProgramHandOff | undefined;
}

/** What a payment resolves with: the wallet says paid (confirm on your server). */
export interface WalletPaid {
  readonly wallet: WalletName;
  /** The wallet's answer as it came (`undefined` for UnionPay, whose `pay` answers nothing). */
  readonly raw: unknown;
}

const PLUGIN = 'payInWallet';
const BRIDGES = { wechat: WECHAT_BRIDGE, alipay: ALIPAY_BRIDGE };

/** The checked inputs (`unionpay` as its tn) and timeouts. */
interface Checked {
  readonly unionpay?: string | undefined;
  readonly wechat?: WeChatPayParams | undefined;
  readonly alipay?: AlipayPayParams | undefined;
  readonly timeout: number;
  readonly bridgeTimeout: number;
  readonly miniProgram: MiniProgramHandOff | undefined;
}

function check(input: WalletPayment, options: PayInWalletOptions): Checked {
  return validated(PLUGIN, () => {
    const { unionpay, wechat, alipay } = record('input', input);
    if (unionpay === undefined && wechat === undefined && alipay === undefined) {
      fail('input', 'an object with `unionpay`, `wechat` or `alipay`', input);
    }
    const tn = optional('unionpay', unionpay, record);
    return {
      unionpay: tn && text('unionpay.tn', tn.tn),
      wechat: optional('wechat', wechat, readWeChatParams),
      alipay: optional('alipay', alipay, readAlipayParams),
      timeout: optional('timeout', options.timeout, duration) ?? USER_WAIT_TIMEOUT,
      bridgeTimeout: optional('bridgeTimeout', options.bridgeTimeout, duration) ?? 10_000,
      miniProgram: optional('miniProgram', options.miniProgram, (field, value) => ({
        payPage: matching(
          `${field}.payPage`,
          record(field, value).payPage,
          /^\/\S+$/,
          'a page path like "/pages/pay/pay"',
        ),
      })),
    };
  });
}

/** Errors of the core that already say what happened; other vendor failures are a refused payment. */
const passesThrough = (error: unknown): boolean =>
  !(error instanceof UpsdkError) ||
  error instanceof UpsdkUnavailableError ||
  error instanceof UpsdkConfigError ||
  ['timeout', 'invalid_param'].includes(error.code);

/** UnionPay's cashier through the core's `pay` (the tn was checked already, so no payment family is needed). */
async function payInUnionPay(tn: string, checked: Checked, options: PayInWalletOptions): Promise<void> {
  const client =
    options.client ?? validated(PLUGIN, () => fail('client', 'a client (createClient)', undefined));
  try {
    await client.call('pay', { tn }, { timeout: checked.timeout, signal: options.signal });
  } catch (error) {
    if (passesThrough(error)) throw error;
    const failure = error as UpsdkError;
    // The core reads pay's message-only failures (sdk-texts.ts): a user's cancel arrives as `cancel`.
    const code = failure.code === 'cancel' ? 'cancel' : 'failed';
    throw walletError(code, 'pay', failure.msg, failure.raw, failure);
  }
}

/**
 * Pay in the wallet app the page runs in, with what the server prepared.
 * Input is checked first (all given wallets), then the host's bridge is
 * called; the promise settles once.
 *
 * @returns `{wallet, raw}` when the wallet says paid — still confirm with the server (notification or order query).
 * @throws `UpsdkError` with code `cancel`, `failed`, `pending`, `network`, `unavailable`
 *   (see {@link WalletFailureCode}), `invalid_param`, `timeout`; or the abort reason.
 * @example
 * ```ts
 * import { detectWallet, payInWallet } from 'upsdk-kit/wallets';
 *
 * const { wallet } = detectWallet();
 * const order = await fetch('/orders', { method: 'POST', body: JSON.stringify({ wallet }) }).then((r) => r.json());
 * // order: { wechat: '<pay_info>' } or { alipay: '<pay_info>' } or { unionpay: { tn } }
 * try {
 *   await payInWallet(order, { client });
 * } catch (error) {
 *   if (error instanceof UpsdkError && error.code === 'pending') await pollOrder();
 * }
 * ```
 */
export async function payInWallet(
  input: WalletPayment,
  options: PayInWalletOptions = {},
): Promise<WalletPaid> {
  const checked = check(input, options);
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  const host: WalletHost = win ? (options.host ?? detectWallet(win)) : { wallet: 'none' };
  const { wallet } = host;
  if (wallet === 'none')
    throw walletError('unavailable', PLUGIN, 'not inside the UnionPay, WeChat or Alipay app');
  const params = checked[wallet];
  if (params === undefined) {
    const given = (['unionpay', 'wechat', 'alipay'] as const).filter((name) => checked[name] !== undefined);
    throw walletError('unavailable', PLUGIN, `no input for ${wallet} (given: ${given.join(', ')})`);
  }
  if (host.wallet === 'wechat' && host.miniProgram) {
    if (!checked.miniProgram) {
      const msg = 'a mini-program web-view pays by wx.requestPayment: give `miniProgram: {payPage}`';
      throw walletError('unavailable', PLUGIN, msg, params);
    }
    return handOffToMiniProgram(checked.wechat!, checked.miniProgram, win!, {
      timeout: checked.timeout,
      signal: options.signal,
    });
  }
  const raw =
    wallet === 'unionpay'
      ? await payInUnionPay(checked.unionpay!, checked, options)
      : await callWalletBridge(BRIDGES[wallet], params as object, win!, {
          ...checked,
          signal: options.signal,
        });
  return { wallet, raw };
}
