/** Wire shapes of the payment plugins (§6.3, §6.8, §6.12). Type-only: the core's typed `call` reads them without importing the family. */

/** Wire shapes of the payment plugins, as `client.call` sends them. */
export interface PaymentPluginMap {
  pay: { params: { tn: string }; result: void };
  verifyPayPwd: { params: { transNo: string; bizType?: string | undefined }; result: void };
  addBankCard: { params: { scene?: string | undefined }; result: void };
}
