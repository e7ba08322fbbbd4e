/** Types of upsdk-kit/wallets and the pre-order server API. */
import { describe, expectTypeOf, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { detectWallet, payInWallet, type WalletHost, type WalletPaid } from '../../src/wallets.js';
import type { PreOrderClient, OrderState } from '../../src/server/preorder/index.js';

describe('wallet types', () => {
  it('payInWallet resolves with the wallet that paid', () => {
    expectTypeOf(payInWallet({ unionpay: { tn: 't' } })).resolves.toEqualTypeOf<WalletPaid>();
    expectTypeOf<WalletPaid['wallet']>().toEqualTypeOf<'unionpay' | 'wechat' | 'alipay'>();
  });

  it('takes the upsdk client, pay_info strings and typed fields', () => {
    const client = createClient({ signer: '/s' });
    void payInWallet({ wechat: '{…}', alipay: { tradeNO: 'n' } }, { client, timeout: 1000 });
    // @ts-expect-error WeChat fields are all required
    void payInWallet({ wechat: { appId: 'wx' } });
    // @ts-expect-error Alipay takes tradeNO or orderStr
    void payInWallet({ alipay: { trade: 'n' } });
  });

  it('detectWallet tells a mini-program only for WeChat', () => {
    expectTypeOf(detectWallet()).toEqualTypeOf<WalletHost>();
    const host = detectWallet();
    if (host.wallet === 'wechat') expectTypeOf(host.miniProgram).toEqualTypeOf<boolean>();
  });

  it('queryOrder answers a typed state', () => {
    expectTypeOf<Awaited<ReturnType<PreOrderClient['queryOrder']>>['status']>().toEqualTypeOf<OrderState>();
  });
});
