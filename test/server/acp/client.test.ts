/** Every ACP method end to end against the fake gateway over real loopback HTTP. */
import { describe, expect, it } from 'vitest';
import { AcpError } from '../../../src/server/acp/index.js';
import { newOrderId, ok, rig } from './rig.js';

const beijingToday = (): string =>
  new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 10).replace('-', '');

describe('ACP client against the fake gateway', () => {
  it('consume answers a tn that the simulated payment settles, notified and found by query', async () => {
    const { acp, gateway, events } = await rig();
    const orderId = newOrderId();
    const order = ok(await acp.consume({ orderId, txnAmt: 1200 }));
    expect(order.tn).toMatch(/^\d{21}$/);
    expect(order.orderId).toBe(orderId);
    expect(order.txnTime).toMatch(/^\d{14}$/);
    const delivery = await gateway.pay(order.tn, 'success');
    expect(delivery).toEqual({ delivered: true, attempts: 1 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'paid',
      succeeded: true,
      orderId,
      txnAmt: 1200,
      queryId: gateway.byTn(order.tn)!.queryId,
    });
    const status = ok(await acp.query({ orderId, txnTime: order.txnTime }));
    expect(status).toMatchObject({ state: 'succeeded', origRespCode: '00', txnAmt: 1200, txnType: '01' });
  });

  it('query of an order paid with a failure says failed; of a cancelled (unpaid) one: not_found', async () => {
    const { acp, gateway } = await rig();
    const failed = ok(await acp.consume({ orderId: newOrderId(), txnAmt: 100 }));
    const cancelled = ok(await acp.consume({ orderId: newOrderId(), txnAmt: 100 }));
    await gateway.pay(failed.tn, 'fail');
    await gateway.pay(cancelled.tn, 'cancel');
    expect(ok(await acp.query({ orderId: failed.orderId, txnTime: failed.txnTime })).state).toBe('failed');
    await expect(acp.query({ orderId: cancelled.orderId, txnTime: cancelled.txnTime })).rejects.toMatchObject(
      {
        code: 'not_found',
        respCode: '34',
      },
    );
  });

  it('refund (partial, twice) and same-day cancel work on the paid orders and are notified', async () => {
    const { acp, gateway, events } = await rig();
    const paid = ok(await acp.consume({ orderId: newOrderId(), txnAmt: 1000 }));
    await gateway.pay(paid.tn, 'success');
    const origQryId = gateway.byTn(paid.tn)!.queryId;
    const refund = ok(await acp.refund({ orderId: newOrderId('R'), origQryId, txnAmt: 600 }));
    expect(refund.queryId).toMatch(/^\d{21}$/);
    await expect(acp.refund({ orderId: newOrderId('R'), origQryId, txnAmt: 500 })).rejects.toMatchObject({
      code: 'gateway_refused',
      respCode: '30',
    });
    ok(await acp.refund({ orderId: newOrderId('R'), origQryId, txnAmt: 400 }));
    const other = ok(await acp.consume({ orderId: newOrderId(), txnAmt: 300 }));
    await gateway.pay(other.tn, 'success');
    ok(
      await acp.cancel({ orderId: newOrderId('C'), origQryId: gateway.byTn(other.tn)!.queryId, txnAmt: 300 }),
    );
    await expect
      .poll(() => events.map((event) => event.type).sort())
      .toEqual(['cancelled', 'paid', 'paid', 'refunded', 'refunded']);
    expect(events.find((event) => event.type === 'cancelled')!.origQryId).toBe(
      gateway.byTn(other.tn)!.queryId,
    );
  });

  it('pre-authorisation, its finish, finish-cancel and a cancel of another pre-auth', async () => {
    const { acp, gateway, events } = await rig();
    const auth = ok(await acp.preAuth({ orderId: newOrderId('P'), txnAmt: 5000 }));
    await gateway.pay(auth.tn, 'success');
    const authQryId = gateway.byTn(auth.tn)!.queryId;
    const finish = ok(
      await acp.preAuthFinish({ orderId: newOrderId('F'), origQryId: authQryId, txnAmt: 4000 }),
    );
    ok(await acp.preAuthFinishCancel({ orderId: newOrderId('X'), origQryId: finish.queryId!, txnAmt: 4000 }));
    const second = ok(await acp.preAuth({ orderId: newOrderId('P'), txnAmt: 700 }));
    await gateway.pay(second.tn, 'success');
    ok(
      await acp.preAuthCancel({
        orderId: newOrderId('Y'),
        origQryId: gateway.byTn(second.tn)!.queryId,
        txnAmt: 700,
      }),
    );
    await expect
      .poll(() => events.map((event) => event.type).sort())
      .toEqual([
        'preAuthCancelled',
        'preAuthFinishCancelled',
        'preAuthFinished',
        'preAuthorized',
        'preAuthorized',
      ]);
  });

  it('reconciliationFile answers the day’s file inflated to bytes, and file_not_found for a day without one', async () => {
    const { acp, gateway } = await rig();
    const paid = ok(await acp.consume({ orderId: newOrderId(), txnAmt: 4321 }));
    await gateway.pay(paid.tn, 'success', { notify: false });
    const file = ok(await acp.reconciliationFile({ settleDate: beijingToday() }));
    const text = Buffer.from(file.bytes).toString('utf8');
    expect(text).toContain(`|${paid.orderId}|`);
    expect(text).toContain('|4321|');
    expect(file.fileName).toContain(beijingToday());
    const otherDay = beijingToday() === '0101' ? '0102' : '0101';
    await expect(acp.reconciliationFile({ settleDate: otherDay })).rejects.toMatchObject({
      code: 'file_not_found',
      respCode: '98',
    });
  });

  it('a refused request is an AcpError with respCode and respMsg (a duplicate orderId: 12)', async () => {
    const { acp } = await rig();
    const orderId = newOrderId();
    ok(await acp.consume({ orderId, txnAmt: 1 }));
    const error = await acp.consume({ orderId, txnAmt: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AcpError);
    expect(error).toMatchObject({ code: 'gateway_refused', respCode: '12', operation: 'consume' });
    expect((error as AcpError).respMsg).toContain('重复');
  });

  it('PEM key + certificate sign as well as the .pfx', async () => {
    const base = await rig();
    const { acp } = await rig({
      signing: { key: base.gateway.ca.merchant.keyPem, cert: base.gateway.ca.merchant.certPem },
    });
    expect(ok(await acp.consume({ orderId: newOrderId(), txnAmt: 10 })).tn).toMatch(/^\d{21}$/);
  });
});
