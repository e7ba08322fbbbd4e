/**
 * Slow and abusive clients against our node:http servers, over raw loopback sockets: timeouts,
 * the connection cap, 413 from a declared length, malformed `Host`, and routing by path.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createNodeServer,
  createSignatureHandler,
  createSigner,
  createUploadSink,
  type FetchHandler,
  type NodeServerOptions,
  type Signer,
} from '../../src/server/index.js';
import { createLoginHandler, createLoginService } from '../../src/server/open-platform/index.js';
import { SIMULATED_APP_ID, SIMULATED_SECRET, SIMULATED_SYMMETRIC_KEY } from '../../src/simulator/index.js';
import { post, rawExchange, serve, servePlatform, type ServedPlatform } from './helpers/serve.js';

let platform: ServedPlatform;
let signer: Signer;
const servers: Server[] = [];

beforeAll(async () => {
  platform = await servePlatform();
  signer = createSigner({
    appId: SIMULATED_APP_ID,
    secret: SIMULATED_SECRET,
    allowedOrigins: ['m.example.com'],
    baseUrl: platform.url,
  });
});
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
});
afterAll(async () => {
  await platform.close();
});

/** Start `createNodeServer(routes, options)` on a random loopback port; resolves with its base URL. */
async function start(
  routes: Parameters<typeof createNodeServer>[0],
  options: NodeServerOptions = {},
): Promise<string> {
  const server = createNodeServer(routes, options);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const signatureRequest = (headers: string, body = ''): string =>
  `POST /upsdk/signature HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n${headers}\r\n${body}`;

describe('slow clients', () => {
  it('answers 408 and closes when a body trickles in slower than requestTimeout', async () => {
    const url = await start(createSignatureHandler(signer), { headersTimeout: 200, requestTimeout: 400 });
    const exchange = await rawExchange(url, signatureRequest('content-length: 100\r\n', '{"u'));
    const trickle = setInterval(() => exchange.write('x'), 100);
    try {
      expect(await exchange.closed).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(trickle);
    }
  });

  it('closes a connection that sends no headers within headersTimeout', async () => {
    const url = await start(createSignatureHandler(signer), { headersTimeout: 200, requestTimeout: 400 });
    const idle = await rawExchange(url);
    const halfHeaders = await rawExchange(url, 'POST /upsdk/signature HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(await idle.closed).toMatch(/^(HTTP\/1\.1 408 |$)/);
    expect(await halfHeaders.closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes connections past maxConnections at once and keeps serving the others', async () => {
    const url = await start(createSignatureHandler(signer), { maxConnections: 3 });
    const held = await Promise.all([rawExchange(url), rawExchange(url)]);
    const extra = [await rawExchange(url), await rawExchange(url)];
    // Two idle sockets and one of the extras fill the cap; the other extra is dropped unanswered.
    expect(await Promise.race(extra.map((exchange) => exchange.closed))).toBe('');
    for (const exchange of [...held, ...extra]) exchange.destroy();
  });

  it('signs normally with the limits on', async () => {
    const url = await start({ '/upsdk/signature': createSignatureHandler(signer) });
    const reply = await post(`${url}/upsdk/signature`, { url: 'https://m.example.com/' });
    expect(reply.status).toBe(200);
  });
});

describe('declared bodies over the limit', () => {
  it('answers 413 from Content-Length alone, without waiting for the body', async () => {
    // Plain node:http with toNodeHandler: no server limits involved, the handler decides.
    const served = await serve(createSignatureHandler(signer));
    try {
      const exchange = await rawExchange(served.url, signatureRequest('content-length: 1000000\r\n'));
      const answer = await exchange.closed;
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toContain('"code":"payload_too_large"');
    } finally {
      await served.close();
    }
  });

  it('sends no 100 Continue for a body it refuses, and one for a body it reads', async () => {
    const url = await start({ '/upsdk/signature': createSignatureHandler(signer) });
    const refused = await rawExchange(
      url,
      signatureRequest('content-length: 1000000\r\nexpect: 100-continue\r\n'),
    );
    expect(await refused.closed).toMatch(/^HTTP\/1\.1 413 /);
    const body = JSON.stringify({ url: 'https://m.example.com/' });
    const invited = await rawExchange(
      url,
      signatureRequest(`content-length: ${body.length}\r\nexpect: 100-continue\r\nconnection: close\r\n`),
    );
    invited.write(body);
    expect(await invited.closed).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
  });
});

describe('a malformed Host header', () => {
  const handlers: [string, () => FetchHandler][] = [
    ['the upload sink', () => createUploadSink().handle],
    [
      'the login handler',
      () => createLoginHandler(createLoginService({ tokens: signer, symmetricKey: SIMULATED_SYMMETRIC_KEY })),
    ],
  ];
  it.each(handlers)('gets 400 problem+json from %s, not 500', async (_name, handler) => {
    const served = await serve(handler());
    try {
      const exchange = await rawExchange(
        served.url,
        'POST /uploads/ HTTP/1.1\r\nHost: [bad\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}',
      );
      const answer = await exchange.closed;
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('application/problem+json');
    } finally {
      await served.close();
    }
  });
});

describe('routes', () => {
  it('answers 404 problem+json off the routed paths', async () => {
    const url = await start({ '/upsdk/signature': createSignatureHandler(signer) });
    const reply = await post(`${url}/other`, { url: 'https://m.example.com/' });
    expect(reply).toMatchObject({
      status: 404,
      type: 'application/problem+json',
      body: { code: 'not_found' },
    });
  });

  it('routes a path ending in / to everything under it', async () => {
    const url = await start({ '/uploads/': createUploadSink().handle });
    const opened = await fetch(`${url}/uploads/`, { method: 'POST' });
    expect(opened.status).toBe(201);
    expect((await fetch(new URL(opened.headers.get('location')!, url), { method: 'HEAD' })).status).toBe(200);
  });
});
