/**
 * Item 6 of issue 20, form encodings: the platforms' exact encoding is not
 * documented. A standard form body (space as `+`, `+` as `%2B`) and the
 * spec's raw form (§5.4.3's sample: `operateTime=2019-11-05 10:45:55`, a
 * literal `+` in base64) must both verify.
 */
import { describe, expect, it } from 'vitest';
import {
  APP_ID,
  nowSeconds,
  openPlatformReceiver,
  outcome,
  paid,
  platformSignature,
  postForm,
  preOrderReceiver,
  providerSign,
} from './helpers.js';

/** A §5.4.3 contract relief, signed: `operateTime` holds a space, `openId` a `+`. */
function contractRelieved(): Record<string, string> {
  const fields = {
    appId: APP_ID,
    timestamp: nowSeconds(),
    nonceStr: 'XFg3Lx4fUTaFyFLJ',
    operateTime: '2019-11-05 10:45:55',
    openId: 'A+2pMHJdXtQ42kQsuqUyM4qPubW5hrr3ONwj7Dgnu2wCFGcrnYVZiUo5AbUZPnBm',
    trid: '62009000052',
    contractId: '6218400000020001614',
  };
  return { ...fields, signature: platformSignature(fields) };
}

/** The spec's raw form: only what must be escaped is, a space stays a space and `+` a `+`. */
const specForm = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([name, value]) => `${name}=${value.replace(/%/g, '%25').replace(/&/g, '%26')}`)
    .join('&');

describe('open platform §5.4.3 (operateTime holds a space)', () => {
  it('a standard form body verifies', async () => {
    const app = await openPlatformReceiver();
    const message = contractRelieved();
    const reply = await postForm(app.url, new URLSearchParams(message).toString());
    expect(reply.status).toBe(200);
    expect(app.runs[0]).toMatchObject({
      kind: 'contract_relieved',
      operateTime: '2019-11-05 10:45:55',
      openId: message.openId,
    });
  });

  it('a standard GET query verifies', async () => {
    const app = await openPlatformReceiver();
    const reply = await fetch(`${app.url}?${new URLSearchParams(contractRelieved()).toString()}`);
    expect(reply.status).toBe(200);
    expect(app.runs).toHaveLength(1);
  });

  it("the spec's raw GET query (space and + as they are) verifies", async () => {
    const app = await openPlatformReceiver();
    const query = specForm(contractRelieved()).replace(/ /g, '%20');
    expect((await fetch(`${app.url}?${query}`)).status).toBe(200);
    expect(app.runs[0]).toMatchObject({ operateTime: '2019-11-05 10:45:55' });
  });

  it('the same message once standard, once raw, is one notification', async () => {
    const app = await openPlatformReceiver();
    const message = contractRelieved();
    expect((await postForm(app.url, new URLSearchParams(message).toString())).status).toBe(200);
    expect((await postForm(app.url, specForm(message).replace(/ /g, '%20'))).status).toBe(200);
    expect(app.runs).toHaveLength(1);
  });
});

describe('pre-order', () => {
  it('a raw form whose signed value holds a literal + verifies', async () => {
    const shop = await preOrderReceiver();
    const { sign: _sign, ...fields } = paid();
    void _sign;
    const unsigned = { ...fields, buyer_logon_id: '138+0000@qq.com' };
    const message = { ...unsigned, sign: providerSign(unsigned) };
    expect(await outcome(postForm(shop.url, specForm(message)))).toEqual([200, 'success']);
    expect(shop.runs[0]?.raw.buyer_logon_id).toBe('138+0000@qq.com');
  });

  it('a standard form whose signed value holds a space verifies', async () => {
    const shop = await preOrderReceiver();
    const { sign: _sign, ...fields } = paid();
    void _sign;
    const unsigned = { ...fields, attach: 'table 12' };
    const message = { ...unsigned, sign: providerSign(unsigned) };
    expect(await outcome(postForm(shop.url, new URLSearchParams(message).toString()))).toEqual([
      200,
      'success',
    ]);
  });
});
