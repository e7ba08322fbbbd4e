/** The upstream transport on its own, against the hostile loopback upstream: reply kinds, retries, aborts, redaction. */
import { describe, expect, it } from 'vitest';
import { upstreamRequest } from '../../../src/server/shared/transport.js';
import { TransportError } from '../../../src/server/shared/transport-error.js';
import { hostileUpstream } from '../attacks/hostile-upstream.js';

const SECRET = 'TransportSecret0123456789';
const policy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5 };

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const outcome: unknown = await promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(TransportError);
  return outcome as TransportError;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) size += next.value.byteLength;
  return size;
}

describe('reply kinds', () => {
  it('bytes: the body as a Uint8Array', async () => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'json', status: 200, body: () => ({ ok: true }) });
    const reply = await upstreamRequest({
      operation: 'op',
      url: upstream.url,
      reply: 'bytes',
      timeoutMs: 1_000,
    });
    expect(new TextDecoder().decode(reply.body)).toBe('{"ok":true}');
  });

  it('stream: cut at the cap with upstream_too_large while the caller reads', async () => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'oversize', declared: false });
    const reply = await upstreamRequest({
      operation: 'op',
      url: upstream.url,
      reply: 'stream',
      timeoutMs: 5_000,
      maxReplyBytes: 256 * 1024,
    });
    const error = await failure(drain(reply.body));
    expect(error.code).toBe('upstream_too_large');
    expect(upstream.bytesWritten()).toBeLessThan(16 * 1024 * 1024);
  });

  it('stream: a body that stalls ends at the deadline with upstream_timeout', async () => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'stall' });
    const reply = await upstreamRequest({
      operation: 'op',
      url: upstream.url,
      reply: 'stream',
      timeoutMs: 300,
    });
    const error = await failure(drain(reply.body));
    expect(error.code).toBe('upstream_timeout');
  });
});

describe('retries', () => {
  it('an idempotent call is sent again after a 503', async () => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'json', status: 503, body: () => ({}) });
    const request = { operation: 'query', url: upstream.url, body: 'q', timeoutMs: 1_000, retry: policy };
    const error = await failure(upstreamRequest({ ...request, idempotent: true }));
    expect(error).toMatchObject({ code: 'upstream_http_503', status: 503, retryable: true });
    expect(upstream.requests).toHaveLength(3);
  });

  it('a call not marked idempotent is sent once, whatever the retry policy', async () => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'json', status: 503, body: () => ({}) });
    await failure(
      upstreamRequest({ operation: 'pay', url: upstream.url, body: 'p', timeoutMs: 1_000, retry: policy }),
    );
    expect(upstream.requests).toHaveLength(1);
  });

  it('a 4xx is not retried even when idempotent', async () => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'json', status: 404, body: () => ({}) });
    const error = await failure(
      upstreamRequest({
        operation: 'q',
        url: upstream.url,
        timeoutMs: 1_000,
        idempotent: true,
        retry: policy,
      }),
    );
    expect(error).toMatchObject({ code: 'upstream_http_404', retryable: false });
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('deadline and abort', () => {
  it('a custom fetch that ignores the signal still ends at the deadline', async () => {
    const never: typeof fetch = () => new Promise<Response>(() => undefined);
    const error = await failure(
      upstreamRequest({ operation: 'op', url: 'http://127.0.0.1:9/', timeoutMs: 100, fetch: never }),
    );
    expect(error.code).toBe('upstream_timeout');
  });

  it("the caller's abort rejects with its reason, not a TransportError", async () => {
    const upstream = await hostileUpstream();
    upstream.behave({ kind: 'stall' });
    const controller = new AbortController();
    const reason = new Error('caller left');
    const call = upstreamRequest({
      operation: 'op',
      url: upstream.url,
      timeoutMs: 5_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(reason), 50);
    await expect(call).rejects.toBe(reason);
  });
});

describe('redaction', () => {
  it("an underlying error's message holding a secret reaches the cause redacted", async () => {
    const leaky: typeof fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error(`refused for key ${SECRET}`) }));
    const error = await failure(
      upstreamRequest({
        operation: 'op',
        url: 'http://127.0.0.1:9/',
        timeoutMs: 1_000,
        fetch: leaky,
        secrets: [SECRET],
      }),
    );
    expect(error.code).toBe('upstream_unreachable');
    const cause = error.cause as Error & { cause: Error };
    expect(cause.message).toBe('fetch failed');
    expect(cause.cause.message).toBe('refused for key [redacted]');
    expect(JSON.stringify([error.message, cause.stack, cause.cause.stack])).not.toContain(SECRET);
  });

  it('the reply offers the redactor for messages built from it', async () => {
    const upstream = await hostileUpstream([SECRET]);
    upstream.behave({ kind: 'json', status: 200, body: (echo) => ({ msg: echo }) });
    const reply = await upstreamRequest({
      operation: 'op',
      url: upstream.url,
      timeoutMs: 1_000,
      secrets: [SECRET],
    });
    expect(reply.body).toContain(SECRET);
    expect(reply.redact(reply.body)).not.toContain(SECRET);
  });
});
