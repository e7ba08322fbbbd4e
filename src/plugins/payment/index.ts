/** Payment plugins (spec §6.3, §6.8, §6.12): pay, verifyPayPwd, addBankCard. */
import type { UpsdkClient } from '../../client/client.js';
import { invalidParam } from '../../client/errors.js';
import { definePlugin, runPlugin, type CallControl } from '../define.js';
import { USER_WAIT_TIMEOUT } from '../../client/user-wait.js';
import { fields, maybe, text } from '../../shared/validate.js';

/** Input of {@link pay}. */
export interface PayInput {
  /** The order's transaction number (TN) from UnionPay's online payment API. Required, non-empty. */
  readonly tn: string;
}

/** Input of {@link verifyPayPwd}. */
export interface VerifyPayPwdInput {
  /** Serial number from the server API `verifyPwdSeqId` (§5.3.1). Required, non-empty. */
  readonly transNo: string;
  /** Business type agreed with UnionPay. */
  readonly bizType?: string | undefined;
}

/** Input of {@link addBankCard}. */
export interface AddBankCardInput {
  /**
   * Scenario number restricting the card type (e.g. credit cards only).
   * Sent as `scene` (the spec prints `sence`; upsdk.js reads `scene` and
   * defaults it to `'10007'`).
   */
  readonly scene?: string | undefined;
}

const VERIFY_PAY_PWD = /* @__PURE__ */ definePlugin({
  plugin: 'verifyPayPwd',
  toParams_: (input: VerifyPayPwdInput) => fields(input, { transNo: text, bizType: maybe(text) }),
  timeout: USER_WAIT_TIMEOUT,
});

const ADD_BANK_CARD = /* @__PURE__ */ definePlugin({
  plugin: 'addBankCard',
  toParams_: (input: AddBankCardInput) => fields(input, { scene: maybe(text) }),
  timeout: USER_WAIT_TIMEOUT,
});

/**
 * The payment plugins as data (for checks over every family; bundlers drop it when unused).
 * `pay` is written over `call` directly (see {@link pay}): its entry only states its timeout.
 */
export const paymentPlugins = {
  pay: { timeout: USER_WAIT_TIMEOUT },
  verifyPayPwd: VERIFY_PAY_PWD,
  addBankCard: ADD_BANK_CARD,
};

/**
 * Pay with the UnionPay cashier (§6.3). Resolving means the user finished
 * in the app, not that the order settled: confirm on your server.
 * Waits on the user: default timeout 10 minutes.
 *
 * @throws `UpsdkError` (invalid `tn`, the user cancelled, payment failed — `msg` says which).
 * @example
 * ```ts
 * import { pay } from 'upsdk-kit/payment';
 * await pay(client, { tn: '201904251506190312458' });
 * ```
 */
export async function pay(client: UpsdkClient, input: PayInput, options?: CallControl): Promise<void> {
  // Over `call` directly, not a spec: a page that only pays ships no spec runner. Same check and
  // message as `text('tn', …)`; `call` gives pay its 10-minute default (USER_WAIT_PLUGINS).
  const tn: unknown = input?.tn;
  if (typeof tn !== 'string' || !tn) throw invalidParam('pay', 'tn', 'a non-empty string', tn);
  await client.call('pay', { tn }, options);
}

/**
 * Ask the user for the payment password (§6.12); resolves when it was right.
 * The result is also notified to your server (§5.3.2). Default timeout 10 minutes.
 *
 * @example
 * ```ts
 * await verifyPayPwd(client, { transNo, bizType: '01' });
 * ```
 */
export function verifyPayPwd(
  client: UpsdkClient,
  input: VerifyPayPwdInput,
  options?: CallControl,
): Promise<void> {
  return runPlugin(client, VERIFY_PAY_PWD, input, options);
}

/**
 * Let the user bind a bank card (§6.8); rejects if binding failed or the
 * user cancelled. Default timeout 10 minutes.
 *
 * @example
 * ```ts
 * await addBankCard(client);
 * ```
 */
export function addBankCard(
  client: UpsdkClient,
  input?: AddBankCardInput,
  options?: CallControl,
): Promise<void> {
  return runPlugin(client, ADD_BANK_CARD, input, options);
}
