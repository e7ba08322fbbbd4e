/**
 * Our endpoints behind node:http take the plain path: the adapter reads the
 * body under the endpoint's own limits and hands it over as strict UTF-8
 * text, without web `Request`/`Response` objects (which cost more than the
 * whole notification check and, under a burst, delay every connection node
 * has yet to accept). The same endpoint called as a fetch handler must
 * behave the same.
 */
import { Buffer } from 'node:buffer';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPreOrderNotificationHandler } from '../../../src/server/preorder/index.js';
import type { PaymentNotification } from '../../../src/server/preorder/index.js';
import { formOf, MCH_KEY, paid } from '../attacks/helpers.js';
import { serve, type Served } from '../helpers/serve.js';

const servers: Served[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** POST `body` over node:http (no fetch, so nothing on the client side builds web objects). */
function postRaw(url: string, body: Buffer, type: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': type, 'content-length': body.length } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function receiver(): {
  handler: ReturnType<typeof createPreOrderNotificationHandler>;
  runs: PaymentNotification[];
} {
  const runs: PaymentNotification[] = [];
  const handler = createPreOrderNotificationHandler({
    key: MCH_KEY,
    onNotification: (event) => void runs.push(event),
  });
  return { handler, runs };
}

async function served(handler: ReturnType<typeof createPreOrderNotificationHandler>): Promise<string> {
  const server = await serve(handler);
  servers.push(server);
  return `${server.url}/notify`;
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * A paid notification whose `out_trade_no` holds the byte 0xFF, signed over the text a lossy decoder
 * makes of it (U+FFFD): it verifies only if the receiver reads bytes that are not UTF-8 at all.
 */
function notUtf8(): Buffer {
  const fields = paid({ out_trade_no: 'N\uFFFD1' });
  const [before, after] = formOf(fields).split(encodeURIComponent('\uFFFD'));
  return Buffer.concat([Buffer.from(before!), Buffer.from([0xff]), Buffer.from(after!)]);
}

describe('a notification behind node:http', () => {
  it('is handled without building a web Request or Response', async () => {
    const { handler, runs } = receiver();
    const url = await served(handler);
    const refuse = class {
      constructor() {
        throw new Error('a web object was built on the plain path');
      }
    };
    vi.stubGlobal('Request', refuse);
    vi.stubGlobal('Response', refuse);
    const reply = await postRaw(url, Buffer.from(formOf(paid())), FORM);
    expect(reply).toEqual({ status: 200, text: 'success' });
    expect(runs).toHaveLength(1);
  });

  it('with a content type no document uses is answered 415 before its body is sent, and the connection closed', async () => {
    const { handler } = receiver();
    const url = await served(handler);
    const reply = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': 1024 * 1024 },
      });
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        req.destroy();
      });
      req.on('error', reject);
      // The first KiB of a MiB the client never finishes: only an answer given unread arrives.
      req.write(Buffer.alloc(1024, 0x61));
    });
    expect(reply).toEqual({ status: 415, connection: 'close' });
  });

  it('is refused with 400 when its bytes are not UTF-8, though their lossy reading is signed', async () => {
    const { handler, runs } = receiver();
    const reply = await postRaw(await served(handler), notUtf8(), FORM);
    expect(reply).toEqual({ status: 400, text: 'fail' });
    expect(runs).toHaveLength(0);
  });
});

describe('a notification given to the fetch-style handler', () => {
  it('is refused with 400 when its bytes are not UTF-8, though their lossy reading is signed', async () => {
    const { handler, runs } = receiver();
    const reply = await handler(
      new Request('http://127.0.0.1/notify', {
        method: 'POST',
        headers: { 'content-type': FORM },
        body: new Uint8Array(notUtf8()),
      }),
    );
    expect([reply.status, await reply.text()]).toEqual([400, 'fail']);
    expect(runs).toHaveLength(0);
  });
});
