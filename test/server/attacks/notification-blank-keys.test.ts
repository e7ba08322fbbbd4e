/**
 * Item 2 of issue 20, blank keys: blank values are not signed, so a sender
 * may add any field with a blank value. One whose name differs from a signed
 * field only by blanks (`"transNo "`) must not replace it, nor make the same
 * notification look new; blank and repeated names are refused outright.
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
  rawForm,
} from './helpers.js';

describe('open platform', () => {
  it('a padded, blank-valued "transNo " is refused, and each whitespace variant runs nothing', async () => {
    const app = await openPlatformReceiver();
    const original = passwordVerified();
    expect((await postJson(app.url, original)).status).toBe(200);
    for (const name of ['transNo ', ' transNo', 'transNo\t', '\ttransNo ']) {
      const reply = await postJson(app.url, { ...original, [name]: ' ' });
      expect([name, reply.status]).toEqual([name, 400]);
    }
    expect(app.runs).toHaveLength(1);
    expect(app.runs[0]).toMatchObject({ transNo: '216609E51C1649DD94231B720FDE1DD9' });
  });

  it('on first sight, a blank "transNo " never replaces the signed transNo', async () => {
    const app = await openPlatformReceiver();
    const reply = await postJson(app.url, { ...passwordVerified(), 'transNo ': '  ' });
    expect(reply.status).toBe(400);
    expect(app.runs).toEqual([]);
  });

  it('a blank name is refused, even one the signature covers', async () => {
    const app = await openPlatformReceiver();
    expect((await postJson(app.url, { ...passwordVerified(), '  ': ' ' })).status).toBe(400);
    expect((await postJson(app.url, passwordVerified({ ' ': 'x' }))).status).toBe(400);
    expect(app.runs).toEqual([]);
  });

  it('a name given twice in a form is refused', async () => {
    const app = await openPlatformReceiver();
    const message = passwordVerified();
    const body = rawForm([...Object.entries(message), ['transNo', '']]);
    expect((await postForm(app.url, body)).status).toBe(400);
    expect(app.runs).toEqual([]);
  });
  // A signed name with a stray blank (§5.3.2's sample) still verifies: test/server/open-platform/notifications.test.ts.
});

describe('pre-order', () => {
  it('a name given twice is refused, whichever copy the signature matches', async () => {
    const shop = await preOrderReceiver();
    const message = paid();
    const body = rawForm([['out_trade_no', 'SOMEONE-ELSES'], ...Object.entries(message)]);
    expect(await outcome(postForm(shop.url, body))).toEqual([400, 'fail']);
    expect(shop.runs).toEqual([]);
  });

  it('a padded, empty-valued " out_trade_no" is refused', async () => {
    const shop = await preOrderReceiver();
    const body = rawForm([...Object.entries(paid()), [' out_trade_no', '']]);
    expect(await outcome(postForm(shop.url, body))).toEqual([400, 'fail']);
    expect(shop.runs).toEqual([]);
  });
});
