/**
 * Item 5 of issue 20, body limits: the web-standard handler (`(Request) =>
 * Response`, usable behind any framework) must cap the body itself — count
 * the stream and stop at the cap, never buffer a 300 MB body — give up on a
 * trickling one, and refuse content types no document uses, unread.
 */
import { describe, expect, it } from 'vitest';
import { createNotificationHandler } from '../../../src/server/open-platform/index.js';
import { createPreOrderNotificationHandler } from '../../../src/server/preorder/index.js';
import { streamedRequest, tricklingBody, within } from '../helpers/bodies.js';
import { MCH_KEY, UP_PUBLIC_KEY } from './helpers.js';

const CHUNK = new Uint8Array(64 * 1024).fill(0x61);

/** A body of `total` bytes made on demand, counting what the handler pulled. */
function hugeBody(total: number): { readonly stream: ReadableStream<Uint8Array>; pulled(): number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= total) return controller.close();
        pulled += CHUNK.byteLength;
        controller.enqueue(CHUNK);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

const request = (body: ReadableStream<Uint8Array>, headers: Record<string, string>): Request =>
  streamedRequest('http://127.0.0.1/notify', body, headers);

const HANDLERS = [
  {
    name: 'open platform',
    make: (extra: { bodyTimeoutMs?: number } = {}) =>
      createNotificationHandler({ upPublicKey: UP_PUBLIC_KEY, onNotification: () => undefined, ...extra }),
  },
  {
    name: 'pre-order',
    make: (extra: { bodyTimeoutMs?: number } = {}) =>
      createPreOrderNotificationHandler({ key: MCH_KEY, onNotification: () => undefined, ...extra }),
  },
] as const;

describe.each(HANDLERS)('$name, called as a fetch-style handler', ({ make }) => {
  it('a 300 MB body without a declared length is answered 413 after reading at most the cap', async () => {
    const body = hugeBody(300 * 1024 * 1024);
    const reply = await within(make()(request(body.stream, { 'content-type': 'application/json' })), 10_000);
    expect(reply === 'no answer' ? reply : reply.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(128 * 1024);
  });

  it('a declared length above the cap is answered 413 without reading', async () => {
    const body = hugeBody(300 * 1024 * 1024);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(300 * 1024 * 1024),
    };
    const reply = await within(make()(request(body.stream, headers)), 10_000);
    expect(reply === 'no answer' ? reply : reply.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK.byteLength);
  });

  it('a trickling body is given up with 408 at bodyTimeoutMs, and the stream cancelled', async () => {
    const body = tricklingBody();
    const handler = make({ bodyTimeoutMs: 300 });
    const reply = await within(handler(request(body.stream, { 'content-type': 'application/json' })), 3_000);
    if (reply === 'no answer') await body.stream.cancel();
    expect(reply === 'no answer' ? reply : reply.status).toBe(408);
    expect(body.cancelled()).toBe(true);
  });

  it('a content type no document uses is refused with 415, unread', async () => {
    const body = hugeBody(1024 * 1024);
    const reply = await within(
      make()(request(body.stream, { 'content-type': 'multipart/form-data; boundary=x' })),
      5_000,
    );
    expect(reply === 'no answer' ? reply : reply.status).toBe(415);
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK.byteLength);
  });
});
