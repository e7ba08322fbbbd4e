/** `upsdk-kit/payment`: pay, verifyPayPwd, addBankCard (spec §6.3, §6.8, §6.12), each taking the client first. */
export { pay, verifyPayPwd, addBankCard } from './plugins/payment/index.js';
export type { PayInput, VerifyPayPwdInput, AddBankCardInput } from './plugins/payment/index.js';
