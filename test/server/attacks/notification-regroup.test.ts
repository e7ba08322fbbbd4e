/**
 * Item 1 of issue 20, regrouped replay: the signed string is `k=v&k=v` of raw
 * values, so one value can swallow the next field without changing the
 * string. Such a message must be refused, never read as other fields.
 */
import { describe, expect, it } from 'vitest';
import {
  openPlatformReceiver,
  outcome,
  paid,
  passwordVerified,
  postForm,
  postJson,
  preOrderReceiver,
  formOf,
} from './helpers.js';

/** `fields` with `into` swallowing `absorbed` (`into=v&absorbed=w` as one value), `absorbed` dropped. */
function regroup(fields: Record<string, string>, into: string, absorbed: string): Record<string, string> {
  const { [absorbed]: value, ...rest } = fields;
  return { ...rest, [into]: `${fields[into]}&${absorbed}=${value}` };
}

describe('pre-order: a regrouped notification', () => {
  it('is refused after the original was handled, and the callback ran once', async () => {
    const shop = await preOrderReceiver();
    const original = paid();
    expect(await outcome(postForm(shop.url, formOf(original)))).toEqual([200, 'success']);
    const regrouped = regroup(original, 'trade_type', 'transaction_id');
    expect(await outcome(postForm(shop.url, formOf(regrouped)))).toEqual([400, 'fail']);
    expect(shop.runs).toHaveLength(1);
    expect(shop.runs[0]).toMatchObject({ transactionId: 'TX1', tradeType: 'pay.weixin.jspay' });
  });

  it('is refused on first sight: pay_result folded into out_transaction_id never reads as unpaid', async () => {
    const shop = await preOrderReceiver();
    const folded = regroup(paid(), 'out_transaction_id', 'pay_result');
    expect(await outcome(postForm(shop.url, formOf(folded)))).toEqual([400, 'fail']);
    expect(shop.runs).toEqual([]);
  });

  it('is refused when sent as JSON too', async () => {
    const shop = await preOrderReceiver();
    const folded = regroup(paid(), 'trade_type', 'transaction_id');
    expect(await outcome(postJson(shop.url, folded))).toEqual([400, 'fail']);
    expect(shop.runs).toEqual([]);
  });
});

describe('open platform: a regrouped notification', () => {
  it('bizType swallowing merchantId does not turn a pay_password_verified into an authorization_revoked', async () => {
    const app = await openPlatformReceiver();
    const regrouped = regroup(passwordVerified(), 'bizType', 'merchantId');
    const reply = await postJson(app.url, regrouped);
    expect(reply.status).toBe(400);
    expect(await reply.json()).toMatchObject({ resp: '01' });
    expect(app.runs).toEqual([]);
  });

  it('is refused after the original was handled, and the callback ran once', async () => {
    const app = await openPlatformReceiver();
    const original = passwordVerified();
    expect((await postJson(app.url, original)).status).toBe(200);
    const regrouped = regroup(original, 'bizOrderId', 'bizType');
    expect((await postJson(app.url, regrouped)).status).toBe(400);
    expect(app.runs.map((event) => event.kind)).toEqual(['pay_password_verified']);
  });

  it('a value holding & without a following field still verifies (nothing to regroup)', async () => {
    const app = await openPlatformReceiver();
    const message = passwordVerified({ bizOrderId: 'A&B' });
    expect((await postJson(app.url, message)).status).toBe(200);
    expect(app.runs[0]).toMatchObject({ kind: 'pay_password_verified', bizOrderId: 'A&B' });
  });
});
