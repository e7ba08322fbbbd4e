/**
 * A notification with a missing, empty or blank `signature`/`sign` is
 * refused before anything is read from it — even where the verifier would
 * accept an empty signature (a `sign` digest function that yields '' for a
 * case it does not know compares equal to an empty `sign`).
 */
import { describe, expect, it } from 'vitest';
import { verifyPreOrderParams } from '../../../src/server/preorder/index.js';
import {
  MCH_KEY,
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
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('a %s signature is refused with 401 and nothing runs', async (_name, signature) => {
    const app = await openPlatformReceiver();
    const { signature: _valid, ...fields } = passwordVerified();
    void _valid;
    const message = signature === undefined ? fields : { ...fields, signature };
    const reply = await postJson(app.url, message);
    expect(reply.status).toBe(401);
    expect(await reply.json()).toMatchObject({ resp: '01' });
    expect(app.runs).toEqual([]);
  });
});

describe('pre-order', () => {
  /** A digest that knows nothing and says so with '' (a custom algorithm's easy mistake). */
  const permissive = (): string => '';

  it.each([
    ['missing', undefined],
    ['empty', ''],
  ])('a %s sign is refused even by a digest function returning ""', async (_name, sign) => {
    const shop = await preOrderReceiver({ algorithm: permissive });
    const { sign: _valid, ...fields } = paid();
    void _valid;
    const pairs = Object.entries(sign === undefined ? fields : { ...fields, sign });
    expect(await outcome(postForm(shop.url, rawForm(pairs)))).toEqual([400, 'fail']);
    expect(shop.runs).toEqual([]);
  });

  it('verifyPreOrderParams refuses an empty sign even when the digest is empty', () => {
    const { sign: _valid, ...fields } = paid();
    void _valid;
    expect(verifyPreOrderParams({ ...fields, sign: '' }, MCH_KEY, permissive)).toBe(false);
    expect(verifyPreOrderParams(fields, MCH_KEY, permissive)).toBe(false);
  });
});
