/** Nothing the gateway says is believed before its certificate chain, dates, owner and signature verify. */
import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newOrderId, ok, rig } from './rig.js';

afterEach(() => vi.restoreAllMocks());

describe('ACP reply verification', () => {
  it('refuses a reply signed by a certificate chaining to a foreign root with the same names', async () => {
    const { acp, gateway } = await rig();
    gateway.fault({ signer: 'foreign-chain' });
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 100 })).rejects.toMatchObject({
      code: 'untrusted_certificate',
    });
  });

  it('refuses a signing certificate whose CN owner is not 中国银联股份有限公司, unless checkOwner is off', async () => {
    const strict = await rig();
    strict.gateway.fault({ signer: 'wrong-owner' });
    await expect(strict.acp.consume({ orderId: newOrderId(), txnAmt: 100 })).rejects.toMatchObject({
      code: 'certificate_owner',
    });
    const lenient = await rig({ checkOwner: false });
    lenient.gateway.fault({ signer: 'wrong-owner' });
    expect(ok(await lenient.acp.consume({ orderId: newOrderId(), txnAmt: 100 })).tn).toBeTruthy();
  });

  it('skips the owner check by default only for the test gateway', async () => {
    const { gateway } = await rig();
    // 'test' means UnionPay's test host: route that host to the fake.
    const lenient = await rig({
      gateway: 'test',
      checkOwner: undefined,
      fetch: (input, init) =>
        gateway.handle(
          new Request(String(input).replace('https://gateway.test.95516.com', 'http://fake.invalid'), init),
        ),
    });
    gateway.fault({ signer: 'wrong-owner' });
    expect(ok(await lenient.acp.consume({ orderId: newOrderId(), txnAmt: 100 })).tn).toBeTruthy();
  });

  it('refuses an expired signing certificate', async () => {
    const { acp, gateway } = await rig();
    gateway.fault({ signer: 'expired' });
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 100 })).rejects.toMatchObject({
      code: 'certificate_expired',
    });
  });

  it('refuses a trusted certificate once the clock passes its end date, even though it was cached', async () => {
    let now = Date.now();
    const { acp } = await rig({ clock: () => now });
    ok(await acp.consume({ orderId: newOrderId(), txnAmt: 100 }));
    now += 3651 * 86_400_000;
    const error = await acp
      .consume({ orderId: newOrderId(), txnAmt: 100 })
      .catch((caught: unknown) => caught);
    // txnTime moves with the clock (ten years on), which the fake accepts; the certificate no longer is.
    expect(error).toMatchObject({ code: 'certificate_expired' });
  });

  it('refuses a reply whose signature does not verify, carrying the unbelieved respCode only as context', async () => {
    const { acp, gateway } = await rig();
    gateway.fault({ badSignature: true });
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 100 })).rejects.toMatchObject({
      code: 'bad_signature',
      respCode: '00',
    });
  });

  it('checks the chain once per certificate: later replies reuse the cached trust', async () => {
    const { acp } = await rig();
    const checkIssued = vi.spyOn(X509Certificate.prototype, 'checkIssued');
    for (let i = 0; i < 3; i++) ok(await acp.consume({ orderId: newOrderId(), txnAmt: 100 }));
    expect(checkIssued).toHaveBeenCalledTimes(2); // leaf → middle, middle → root, once
  });
});
