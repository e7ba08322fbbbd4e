/** Payment plugins (spec §6.3, §6.8, §6.12): pay, verifyPayPwd, addBankCard. */
import type { UpsdkCore } from '../../client/client.js';
import { bindPlugins, definePlugin, type CallControl } from '../define.js';
import { USER_WAIT_TIMEOUT } from '../timing.js';
import { optional, text } from '../validate.js';

/** Wire shapes of the payment plugins, as `client.call` sends them. */
export interface PaymentPluginMap {
  pay: { params: { tn: string }; result: void };
  verifyPayPwd: { params: { transNo: string; bizType?: string }; result: void };
  addBankCard: { params: { scene?: string }; result: void };
}

/** Input of {@link PaymentApi.pay}. */
export interface PayInput {
  /** The order's transaction number (TN) from UnionPay's online payment API. Required, non-empty. */
  readonly tn: string;
}

/** Input of {@link PaymentApi.verifyPayPwd}. */
export interface VerifyPayPwdInput {
  /** Serial number from the server API `verifyPwdSeqId` (§5.3.1). Required, non-empty. */
  readonly transNo: string;
  /** Business type agreed with UnionPay. */
  readonly bizType?: string;
}

/** Input of {@link PaymentApi.addBankCard}. */
export interface AddBankCardInput {
  /**
   * Scenario number restricting the card type (e.g. credit cards only).
   * Sent as `scene` (the spec prints `sence`; upsdk.js reads `scene` and
   * defaults it to `'10007'`).
   */
  readonly scene?: string;
}

/** Payment methods on the client. */
export interface PaymentApi {
  /**
   * Pay with the UnionPay cashier (§6.3). Resolving means the user finished
   * in the app, not that the order settled: confirm on your server.
   * Waits on the user: default timeout 10 minutes.
   *
   * @throws `UpsdkError` (invalid `tn`, the user cancelled, payment failed — `msg` says which).
   * @example
   * ```ts
   * await client.pay({ tn: '201904251506190312458' });
   * ```
   */
  pay(input: PayInput, options?: CallControl): Promise<void>;
  /**
   * Ask the user for the payment password (§6.12); resolves when it was right.
   * The result is also notified to your server (§5.3.2). Default timeout 10 minutes.
   *
   * @example
   * ```ts
   * await client.verifyPayPwd({ transNo, bizType: '01' });
   * ```
   */
  verifyPayPwd(input: VerifyPayPwdInput, options?: CallControl): Promise<void>;
  /**
   * Let the user bind a bank card (§6.8); rejects if binding failed or the
   * user cancelled. Default timeout 10 minutes.
   *
   * @example
   * ```ts
   * await client.addBankCard();
   * ```
   */
  addBankCard(input?: AddBankCardInput, options?: CallControl): Promise<void>;
}

/** The payment plugins as data. */
export const paymentPlugins = {
  pay: definePlugin({
    plugin: 'pay',
    toParams: (input: PayInput) => ({ tn: text('tn', input.tn) }),
    timeout: USER_WAIT_TIMEOUT,
  }),
  verifyPayPwd: definePlugin({
    plugin: 'verifyPayPwd',
    toParams: (input: VerifyPayPwdInput) => ({
      transNo: text('transNo', input.transNo),
      bizType: optional('bizType', input.bizType, text),
    }),
    timeout: USER_WAIT_TIMEOUT,
  }),
  addBankCard: definePlugin({
    plugin: 'addBankCard',
    toParams: (input: AddBankCardInput) => ({ scene: optional('scene', input.scene, text) }),
    timeout: USER_WAIT_TIMEOUT,
  }),
};

/** Bind the payment methods to a core. */
export function createPayment(core: UpsdkCore): PaymentApi {
  return bindPlugins(core, paymentPlugins);
}
