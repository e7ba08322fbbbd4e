/**
 * Attack: the upstream answers a POST with a redirect to another origin. A
 * client that follows it re-sends the body there, backendToken and user
 * credentials included. Every client refuses the redirect instead.
 */
import { describe, expect, it } from 'vitest';
import { createOpenPlatform } from '../../../src/server/open-platform/index.js';
import { familyCalls, fixedTokens } from './clients.js';
import { rejection } from './family-errors.js';
import { hostileUpstream } from './hostile-upstream.js';

describe('an upstream answering 307/308/302 to another origin', () => {
  it.each([
    'signer frontToken',
    'open platform qual.send',
    'login exchangeCode',
    'pre-order wechatPreOrder',
  ] as const)('%s: refused as upstream_redirected, the body never re-sent elsewhere', async (call) => {
    const elsewhere = await hostileUpstream();
    const upstream = await hostileUpstream();
    for (const status of [307, 308, 302]) {
      upstream.behave({ kind: 'redirect', status, location: `${elsewhere.url}/steal` });
      const error = await rejection(call, familyCalls(upstream.url)[call]());
      expect(error.code).toBe('upstream_redirected');
      expect(error.message).not.toContain(elsewhere.url);
    }
    expect(elsewhere.requests).toEqual([]);
    expect(upstream.requests).toHaveLength(3);
  });

  it('the backendToken never reaches the other origin, even when a custom fetch hands back the 3xx', async () => {
    const elsewhere = await hostileUpstream();
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'redirect', status: 307, location: `${elsewhere.url}/steal` });
    const manual: typeof fetch = (input, init) => fetch(input, { ...init, redirect: 'manual' });
    const client = createOpenPlatform({
      tokens: fixedTokens,
      baseUrl: upstream.url,
      fetch: manual,
    });
    const error = await rejection('open platform', client.contractStatus({ openId: 'abc' }));
    expect(error.code).toBe('upstream_redirected');
    expect(elsewhere.requests).toEqual([]);
  });
});
