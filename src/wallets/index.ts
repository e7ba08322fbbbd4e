export { detectWallet } from './detect.js';
export type { UserAgentSource, WalletHost, WalletName } from './detect.js';
export { payInWallet } from './pay.js';
export type { PayInWalletOptions, WalletPaid, WalletPayment } from './pay.js';
export type { WalletFailureCode } from './outcome.js';
export type { AlipayPayParams, WeChatPayParams, WeChatSignType } from './pay-info.js';
export type { WeChatPayAnswer } from './wechat.js';
export type { AlipayPayAnswer } from './alipay.js';
