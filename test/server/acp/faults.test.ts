/** Bad input is refused before any request; gateway faults are typed errors or the "unknown" outcome. */
import { describe, expect, it } from 'vitest';
import { AcpError, createAcpClient } from '../../../src/server/acp/index.js';
import { signMessage, replyBody } from '../../../src/simulator/acp/wire.js';
import { newOrderId, ok, rig, served } from './rig.js';

describe('ACP client input checks', () => {
  it.each([12.5, '1200', 0, -1, 1e13, Number.NaN, 10n, undefined])(
    'refuses txnAmt %s before any request',
    async (txnAmt) => {
      const { acp, gateway } = await rig();
      await expect(acp.consume({ orderId: newOrderId(), txnAmt: txnAmt as number })).rejects.toMatchObject({
        code: 'invalid_param',
        msg: expect.stringContaining('`txnAmt`'),
      });
      expect(gateway.requests).toEqual({});
    },
  );

  it.each(['short12', 'has-dash-1234', 'x'.repeat(41), 12345678, '订单号订单号订单号订'])(
    'refuses orderId %s',
    async (orderId) => {
      const { acp, gateway } = await rig();
      await expect(acp.consume({ orderId: orderId as string, txnAmt: 1 })).rejects.toMatchObject({
        code: 'invalid_param',
      });
      await expect(
        acp.refund({ orderId: orderId as string, origQryId: '1', txnAmt: 1 }),
      ).rejects.toMatchObject({ code: 'invalid_param' });
      expect(gateway.requests).toEqual({});
    },
  );

  it('refuses a query txnTime that is not yyyyMMddHHmmss and a settleDate that is not MMDD', async () => {
    const { acp } = await rig();
    await expect(acp.query({ orderId: newOrderId(), txnTime: '2026-12-05' })).rejects.toMatchObject({
      code: 'invalid_param',
    });
    await expect(acp.reconciliationFile({ settleDate: '1332' })).rejects.toMatchObject({
      code: 'invalid_param',
    });
  });

  it('writes txnTime in Beijing time', async () => {
    const at = Date.UTC(2026, 11, 5, 17, 30, 0); // 01:30 on the 6th in Beijing
    const { acp } = await rig({ clock: () => at });
    expect(ok(await acp.consume({ orderId: newOrderId(), txnAmt: 1 })).txnTime).toBe('20261206013000');
  });

  it('refuses a .pfx with a wrong password as invalid_pfx, without the password in the message', async () => {
    const { clientOptions, gateway } = await rig();
    const error = await createAcpClient({
      ...clientOptions,
      signing: { pfx: gateway.ca.merchant.pfx, password: 'wrong-secret-pw' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AcpError);
    expect(error).toMatchObject({ code: 'invalid_pfx' });
    expect((error as Error).message).not.toContain('wrong-secret-pw');
  });

  it('refuses bytes that are not PKCS#12, a key of another certificate, and a bad merId', async () => {
    const { clientOptions, gateway } = await rig();
    await expect(
      createAcpClient({ ...clientOptions, signing: { pfx: new Uint8Array([1, 2, 3]), password: 'x' } }),
    ).rejects.toMatchObject({
      code: 'invalid_pfx',
    });
    await expect(
      createAcpClient({
        ...clientOptions,
        signing: { key: gateway.ca.gatewaySigner.keyPem, cert: gateway.ca.merchant.certPem },
      }),
    ).rejects.toMatchObject({ code: 'invalid_certificate' });
    await expect(createAcpClient({ ...clientOptions, merId: '123' })).rejects.toMatchObject({
      code: 'invalid_param',
    });
    await expect(createAcpClient({ ...clientOptions, rootCert: 'not a certificate' })).rejects.toMatchObject({
      code: 'invalid_certificate',
    });
  });
});

describe('ACP gateway faults', () => {
  it.each(['03', '04', '05'])(
    'respCode %s is the unknown outcome, for consume, refund and query',
    async (respCode) => {
      const { acp, gateway } = await rig();
      gateway.fault({ respCode }, 3);
      const orderId = newOrderId();
      expect(await acp.consume({ orderId, txnAmt: 1 })).toMatchObject({
        outcome: 'unknown',
        reason: 'gateway',
        respCode,
        orderId,
      });
      expect(await acp.refund({ orderId: newOrderId(), origQryId: '1', txnAmt: 1 })).toMatchObject({
        outcome: 'unknown',
        respCode,
      });
      expect(await acp.query({ orderId, txnTime: '20261205120000' })).toMatchObject({
        outcome: 'unknown',
        respCode,
      });
    },
  );

  it('a consume without a whole reply in time is unknown (it may have happened); a query is an upstream_timeout error', async () => {
    const { acp, gateway } = await rig({ timeoutMs: 150 });
    gateway.fault({ delay: 2000 }, 3); // the consume, and the query's two attempts
    const orderId = newOrderId();
    expect(await acp.consume({ orderId, txnAmt: 1 })).toMatchObject({
      outcome: 'unknown',
      reason: 'timeout',
      orderId,
    });
    await expect(acp.query({ orderId, txnTime: '20261205120000' })).rejects.toMatchObject({
      code: 'upstream_timeout',
      retryable: true,
    });
    expect(gateway.requests['/gateway/api/queryTrans.do']).toBe(2);
  });

  it("a query that meets a 5xx is sent again and gets the gateway's answer; a consume that meets one is sent once", async () => {
    const { acp, gateway } = await rig();
    gateway.fault({ status: 503 }, 1);
    // Past the 503, the gateway's own answer for an order it never saw: 34, not the transport's error.
    await expect(acp.query({ orderId: newOrderId(), txnTime: '20261205120000' })).rejects.toMatchObject({
      code: 'not_found',
      respCode: '34',
    });
    expect(gateway.requests['/gateway/api/queryTrans.do']).toBe(2);
    gateway.fault({ status: 503 }, 1);
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 1 })).rejects.toMatchObject({
      code: 'upstream_http_503',
    });
    expect(gateway.requests['/gateway/api/appTransReq.do']).toBe(1);
  });

  it('queryAttempts: 1 sends a query once', async () => {
    const { acp, gateway } = await rig({ queryAttempts: 1 });
    gateway.fault({ status: 503 }, 1);
    await expect(acp.query({ orderId: newOrderId(), txnTime: '20261205120000' })).rejects.toMatchObject({
      code: 'upstream_http_503',
      retryable: true,
    });
    expect(gateway.requests['/gateway/api/queryTrans.do']).toBe(1);
  });

  it('HTTP 5xx, a non-ACP body, an unreachable gateway and an oversized reply are typed errors', async () => {
    const { acp, gateway, clientOptions } = await rig({ maxReplyBytes: 64 * 1024 });
    gateway.fault({ status: 502 });
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 1 })).rejects.toMatchObject({
      code: 'upstream_http_502',
      retryable: true,
    });
    gateway.fault({ garbage: true });
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 1 })).rejects.toMatchObject({
      code: 'bad_reply',
    });
    await expect(
      acp.consume({ orderId: newOrderId(), txnAmt: 1, orderDesc: 'x'.repeat(32) }),
    ).resolves.toMatchObject({ outcome: 'ok' });
    const small = await createAcpClient({ ...clientOptions, maxReplyBytes: 512 });
    await expect(small.consume({ orderId: newOrderId(), txnAmt: 1 })).rejects.toMatchObject({
      code: 'upstream_too_large',
    });
    const closed = await createAcpClient({ ...clientOptions, gateway: 'http://127.0.0.1:9/gateway/api/' });
    await expect(closed.consume({ orderId: newOrderId(), txnAmt: 1 })).rejects.toMatchObject({
      code: 'upstream_unreachable',
    });
  });

  it('other respCodes are AcpErrors: a request signed with an unknown certificate gets 11', async () => {
    const base = await rig();
    const { acp } = await rig({
      signing: { key: base.gateway.ca.gatewaySigner.keyPem, cert: base.gateway.ca.gatewaySigner.certPem },
    });
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 1 })).rejects.toMatchObject({
      code: 'gateway_refused',
      respCode: '11',
    });
  });

  it('a genuine signed reply of another order is not believed (replayed reply)', async () => {
    const { clientOptions } = await rig();
    let recorded: string | undefined;
    const replaying: typeof fetch = async (input, init) => {
      if (recorded !== undefined) return new Response(recorded);
      const response = await fetch(input, init);
      recorded = await response.text();
      return new Response(recorded);
    };
    const acp = await createAcpClient({ ...clientOptions, fetch: replaying });
    ok(await acp.consume({ orderId: newOrderId(), txnAmt: 1 }));
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 1 })).rejects.toMatchObject({
      code: 'bad_reply',
    });
  });

  it('a verified 00 reply without a tn is a bad_reply, not an order', async () => {
    const { clientOptions, gateway } = await rig();
    const withoutTn: typeof fetch = async (input, init) => {
      const request = Object.fromEntries(new URLSearchParams(String(init?.body)));
      const { keyPem, certPem } = gateway.ca.gatewaySigner;
      const message = {
        merId: request.merId!,
        orderId: request.orderId!,
        txnTime: request.txnTime!,
        respCode: '00',
        respMsg: 'ok',
      };
      return new Response(replyBody(signMessage(message, keyPem, certPem)));
    };
    const acp = await createAcpClient({ ...clientOptions, fetch: withoutTn });
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 1 })).rejects.toMatchObject({
      code: 'bad_reply',
      respCode: '00',
    });
  });

  it('does not follow a redirect (the signed request would go elsewhere)', async () => {
    const { clientOptions, origin } = await rig();
    const redirecting = await served(
      async () =>
        new Response(null, { status: 307, headers: { location: `${origin}/gateway/api/appTransReq.do` } }),
    );
    const acp = await createAcpClient({ ...clientOptions, gateway: `${redirecting.url}/gateway/api/` });
    await expect(acp.consume({ orderId: newOrderId(), txnAmt: 1 })).rejects.toMatchObject({
      code: 'upstream_redirected',
    });
  });

  it("a caller's abort settles the call at once with the signal's reason, before or during the exchange", async () => {
    const { acp, gateway } = await rig();
    const reason = new Error('page closed');
    await expect(
      acp.query({ orderId: newOrderId(), txnTime: '20261205120000' }, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    gateway.fault({ delay: 5000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = acp.query(
      { orderId: newOrderId(), txnTime: '20261205120000' },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
