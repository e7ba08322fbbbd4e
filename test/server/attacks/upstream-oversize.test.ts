/**
 * Attack: the upstream answers 100 MB. Every client stops reading at the
 * reply cap (1 MiB by default) and fails with upstream_too_large, at once
 * when the size is declared, and after about the cap when it is chunked.
 */
import { describe, expect, it } from 'vitest';
import { familyCalls } from './clients.js';
import { rejection } from './family-errors.js';
import { hostileUpstream } from './hostile-upstream.js';

const CALLS = [
  'signer frontToken',
  'open platform qual.send',
  'login exchangeCode',
  'pre-order wechatPreOrder',
] as const;

describe('a 100 MB reply', () => {
  it.each(CALLS)('%s: chunked, read only up to the cap and refused as upstream_too_large', async (call) => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'oversize', declared: false });
    const error = await rejection(call, familyCalls(upstream.url)[call]());
    expect(error.code).toBe('upstream_too_large');
    // The cap is 1 MiB; socket buffers on both sides hold a few MB more, never the 100 MB.
    expect(upstream.bytesWritten()).toBeLessThan(16 * 1024 * 1024);
  });

  it.each(CALLS)('%s: declared in Content-Length, refused without reading it', async (call) => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'oversize', declared: true });
    const error = await rejection(call, familyCalls(upstream.url)[call]());
    expect(error.code).toBe('upstream_too_large');
    expect(upstream.bytesWritten()).toBeLessThan(16 * 1024 * 1024);
  });
});
