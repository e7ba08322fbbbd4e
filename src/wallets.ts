/** `upsdk-kit/wallets`: one `payInWallet` for UnionPay, WeChat and Alipay H5, and `detectWallet`. */
export { detectWallet } from './wallets/detect.js';
export type { UserAgentSource, WalletHost, WalletName } from './wallets/detect.js';
export { payInWallet } from './wallets/pay.js';
export type { PayInWalletOptions, WalletPaid, WalletPayment } from './wallets/pay.js';
export type { WalletFailureCode } from './wallets/outcome.js';
export type { MiniProgramHandOff } from './wallets/mini-program.js';
export type { AlipayPayParams, WeChatPayParams, WeChatSignType } from './shared/pay-info.js';
export type { WeChatPayAnswer } from './wallets/wechat.js';
export type { AlipayPayAnswer } from './wallets/alipay.js';
