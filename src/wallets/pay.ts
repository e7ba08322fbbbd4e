/**
 * `payInWallet`: one promise for whichever wallet hosts the page —
 * UnionPay's cashier through the core's `pay`, WeChat's
 * `getBrandWCPayRequest`, Alipay's `tradePay` — with one outcome vocabulary
 * (see outcome.ts).
 */
import type { UpsdkClient } from '../client/client.js';
import { UpsdkConfigError, UpsdkError, UpsdkUnavailableError } from '../client/errors.js';
import { USER_WAIT_TIMEOUT } from '../client/user-wait.js';
import { pay } from '../plugins/payment/index.js';
import { fail, optional, record, text, validated } from '../plugins/validate.js';
import { alipaySpec } from './alipay.js';
import { callWalletBridge, type WalletBridgeControl } from './bridge-call.js';
import { detectWallet, type WalletHost, type WalletName } from './detect.js';
import { walletError } from './outcome.js';
import {
  readAlipayParams,
  readWeChatParams,
  type AlipayPayParams,
  type WeChatPayParams,
} from './pay-info.js';
import { weChatSpec } from './wechat.js';

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
}

/** What a payment resolves with: the wallet says paid (confirm on your server). */
export interface WalletPaid {
  readonly wallet: WalletName;
  /** The wallet's answer as it came (`undefined` for UnionPay, whose `pay` answers nothing). */
  readonly raw: unknown;
}

const PLUGIN = 'payInWallet';
const DEFAULT_BRIDGE_TIMEOUT = 10_000;

interface Checked {
  readonly unionpay?: string | undefined;
  readonly wechat?: WeChatPayParams | undefined;
  readonly alipay?: AlipayPayParams | undefined;
  readonly timeout: number;
  readonly bridgeTimeout: number;
}

const positive = (field: string, value: unknown): number =>
  typeof value === 'number' && value > 0 && !Number.isNaN(value)
    ? value
    : fail(field, 'a positive number of milliseconds', value);

function check(input: WalletPayment, options: PayInWalletOptions): Checked {
  return validated(PLUGIN, () => {
    const given = record('input', input);
    if (given.unionpay === undefined && given.wechat === undefined && given.alipay === undefined) {
      fail('input', 'an object with `unionpay`, `wechat` or `alipay`', input);
    }
    const unionpay = optional('unionpay', given.unionpay, record);
    return {
      unionpay: unionpay && text('unionpay.tn', unionpay.tn),
      wechat: optional('wechat', given.wechat, readWeChatParams),
      alipay: optional('alipay', given.alipay, readAlipayParams),
      timeout: optional('timeout', options.timeout, positive) ?? USER_WAIT_TIMEOUT,
      bridgeTimeout: optional('bridgeTimeout', options.bridgeTimeout, positive) ?? DEFAULT_BRIDGE_TIMEOUT,
    };
  });
}

/** Errors of the core that already say what happened; other vendor failures are a refused payment. */
const passesThrough = (error: unknown): boolean =>
  !(error instanceof UpsdkError) ||
  error instanceof UpsdkUnavailableError ||
  error instanceof UpsdkConfigError ||
  ['timeout', 'invalid_param'].includes(error.code);

async function payInUnionPay(tn: string, checked: Checked, options: PayInWalletOptions): Promise<WalletPaid> {
  const { signal } = options;
  const client =
    options.client ??
    validated(PLUGIN, () => fail('client', 'an upsdk client (createClient) to pay in UnionPay', undefined));
  try {
    await pay(client, { tn }, { timeout: checked.timeout, signal });
  } catch (error) {
    if (passesThrough(error)) throw error;
    const failure = error as UpsdkError;
    // The core reads pay's message-only failures (sdk-texts.ts): a user's cancel arrives as `cancel`.
    const code = failure.code === 'cancel' ? 'cancel' : 'failed';
    throw walletError(code, 'pay', failure.msg, failure.raw, failure);
  }
  return { wallet: 'unionpay', raw: undefined };
}

function unavailable(host: WalletHost, checked: Checked): UpsdkError | undefined {
  if (host.wallet === 'none') {
    return walletError('unavailable', PLUGIN, 'not inside the UnionPay, WeChat or Alipay app');
  }
  if (checked[host.wallet] === undefined) {
    const given = (['unionpay', 'wechat', 'alipay'] as const).filter((name) => checked[name] !== undefined);
    return walletError('unavailable', PLUGIN, `no input for ${host.wallet} (given: ${given.join(', ')})`);
  }
  if (host.wallet === 'wechat' && host.miniProgram) {
    return walletError(
      'unavailable',
      PLUGIN,
      'a mini-program web-view cannot pay from the page: pass the parameters to the mini-program (wx.requestPayment)',
      checked.wechat,
    );
  }
  return undefined;
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
  const host: WalletHost = win === undefined ? { wallet: 'none' } : (options.host ?? detectWallet(win));
  const refusal = unavailable(host, checked);
  // unavailable() refuses every 'none' host; the second test only narrows host.wallet below.
  if (refusal || host.wallet === 'none') throw refusal!;
  if (host.wallet === 'unionpay') return payInUnionPay(checked.unionpay!, checked, options);
  const control: WalletBridgeControl = {
    window: win!,
    timeout: checked.timeout,
    bridgeTimeout: checked.bridgeTimeout,
    signal: options.signal,
  };
  const raw =
    host.wallet === 'wechat'
      ? await callWalletBridge(weChatSpec(checked.wechat!), control)
      : await callWalletBridge(alipaySpec(checked.alipay!), control);
  return { wallet: host.wallet, raw };
}
