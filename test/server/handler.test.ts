/** The signature endpoint over node:http: statuses, problem+json, CORS, and no secret or token in any output. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createSignatureHandler,
  createSigner,
  type Signer,
  type SignerEvent,
} from '../../src/server/index.js';
import { SIMULATED_APP_ID, SIMULATED_SECRET } from '../../src/simulator/index.js';
import { post, read, serve, servePlatform, type Served, type ServedPlatform } from './helpers/serve.js';

let platform: ServedPlatform;
let endpoint: Served;
let corsEndpoint: Served;
let signer: Signer;
const events: SignerEvent[] = [];

beforeAll(async () => {
  platform = await servePlatform();
  signer = createSigner({
    appId: SIMULATED_APP_ID,
    secret: SIMULATED_SECRET,
    allowedOrigins: ['m.example.com', '*.shop.example.com'],
    baseUrl: platform.url,
    log: (event) => events.push(event),
  });
  endpoint = await serve(createSignatureHandler(signer));
  corsEndpoint = await serve(createSignatureHandler(signer, { cors: true }));
});
afterAll(async () => {
  await Promise.all([endpoint.close(), corsEndpoint.close(), platform.close()]);
});

describe('answers', () => {
  it('answers 400 problem+json to a body that is not UTF-8, rather than signing its lossy reading', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"url":"https://m.example.com/a'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);
    const reply = await read(
      await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Uint8Array(bytes),
      }),
    );
    expect([reply.status, reply.type, reply.body.code]).toEqual([
      400,
      'application/problem+json',
      'invalid_request',
    ]);
    expect(reply.body.detail).toBe('the body is not UTF-8 text');
  });

  it('answers 200 with the signature fields and no-store', async () => {
    const reply = await post(endpoint.url, { url: 'https://m.example.com/a?b=c#d' });
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('application/json');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(reply.body).sort()).toEqual([
      'appId',
      'nonceStr',
      'signature',
      'timestamp',
      'tokenId',
    ]);
  });

  it('answers 405 with Allow for other methods', async () => {
    const reply = await read(await fetch(endpoint.url, { method: 'GET' }));
    expect(reply).toMatchObject({
      status: 405,
      type: 'application/problem+json',
      body: { code: 'method_not_allowed' },
    });
    expect(reply.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const reply = await post(endpoint.url, 'url=https://m.example.com/', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(reply).toMatchObject({
      status: 415,
      type: 'application/problem+json',
      body: { code: 'unsupported_media_type' },
    });
  });

  it('answers 413 for a body over the limit', async () => {
    const reply = await post(endpoint.url, { url: `https://m.example.com/${'a'.repeat(100_000)}` });
    expect(reply).toMatchObject({
      status: 413,
      type: 'application/problem+json',
      body: { code: 'payload_too_large' },
    });
  });

  it('answers 413 from the handler itself for a body over its own limit', async () => {
    const handler = createSignatureHandler(signer, { maxBodyBytes: 100 });
    const response = await handler(
      new Request('http://127.0.0.1/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'x'.repeat(200) }),
      }),
    );
    expect(response.status).toBe(413);
  });

  it.each([
    ['invalid JSON', '{"url":', 'invalid_request'],
    ['an array', '[]', 'invalid_request'],
    ['a non-boolean retry', { url: 'https://m.example.com/', retry: 'yes' }, 'invalid_request'],
    ['a non-string tokenId', { url: 'https://m.example.com/', retry: true, tokenId: 7 }, 'invalid_request'],
    ['no url', {}, 'invalid_url'],
    ['a relative url', { url: '/pay' }, 'invalid_url'],
    ['a javascript: url', { url: 'javascript:alert(1)' }, 'invalid_url'],
    ['a url with credentials', { url: 'https://user:pw@m.example.com/' }, 'invalid_url'],
  ])('answers 400 for %s', async (_name, body, code) => {
    const reply = await post(endpoint.url, body);
    expect(reply).toMatchObject({
      status: 400,
      type: 'application/problem+json',
      body: { status: 400, code },
    });
  });

  it.each(['https://evil.example/', 'https://m.example.com.evil.example/', 'https://shop.example.com/'])(
    'answers 403 for a page on a foreign origin: %s',
    async (url) => {
      const reply = await post(endpoint.url, { url });
      expect(reply).toMatchObject({
        status: 403,
        type: 'application/problem+json',
        body: { code: 'origin_not_allowed' },
      });
    },
  );

  it('signs pages on subdomains matched by a wildcard', async () => {
    expect((await post(endpoint.url, { url: 'https://a.b.shop.example.com/' })).status).toBe(200);
  });

  it('answers 403 to a browser calling from a foreign origin', async () => {
    const reply = await post(
      endpoint.url,
      { url: 'https://m.example.com/' },
      { origin: 'https://evil.example' },
    );
    expect(reply).toMatchObject({ status: 403, body: { code: 'origin_not_allowed' } });
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin', async () => {
    const response = await fetch(corsEndpoint.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://m.example.com', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://m.example.com');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('lets an allowed origin read both answers and problems', async () => {
    const ok = await post(
      corsEndpoint.url,
      { url: 'https://m.example.com/' },
      { origin: 'https://m.example.com' },
    );
    const bad = await post(
      corsEndpoint.url,
      { url: 'ftp://m.example.com/' },
      { origin: 'https://m.example.com' },
    );
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://m.example.com');
    expect(bad.headers.get('access-control-allow-origin')).toBe('https://m.example.com');
    expect(ok.headers.get('vary')).toBe('Origin');
  });

  it('allows the explicit CORS origins given, apart from the signed pages', async () => {
    const explicit = await serve(
      createSignatureHandler(signer, { cors: { origins: ['https://app.example.net'] } }),
    );
    try {
      const reply = await post(
        explicit.url,
        { url: 'https://m.example.com/' },
        { origin: 'https://app.example.net' },
      );
      expect(reply.status).toBe(200);
      expect(reply.headers.get('access-control-allow-origin')).toBe('https://app.example.net');
      const refused = await post(
        explicit.url,
        { url: 'https://m.example.com/' },
        { origin: 'https://m.example.com' },
      );
      expect(refused.status).toBe(403);
    } finally {
      await explicit.close();
    }
  });

  it.each(['https://evil.example', 'null', 'https://m.example.com.evil.example'])(
    'grants nothing to the refused origin %s, preflight or POST',
    async (origin) => {
      const preflight = await fetch(corsEndpoint.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      const posted = await post(corsEndpoint.url, { url: 'https://m.example.com/' }, { origin });
      for (const response of [preflight, posted]) {
        expect(response.status).toBe(403);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('vary')).toBe('Origin');
      }
    },
  );

  it('answers Vary: Origin on every answer, with or without CORS and Origin', async () => {
    const replies = [
      await post(endpoint.url, { url: 'https://m.example.com/' }),
      await post(endpoint.url, { url: 'ftp://x/' }),
      await post(corsEndpoint.url, { url: 'https://m.example.com/' }),
      await post(endpoint.url, { url: 'https://m.example.com/' }, { origin: 'https://m.example.com' }),
    ];
    expect(replies.map((reply) => reply.headers.get('vary'))).toEqual([
      'Origin',
      'Origin',
      'Origin',
      'Origin',
    ]);
  });

  it('sends no CORS headers when CORS is off', async () => {
    const reply = await post(
      endpoint.url,
      { url: 'https://m.example.com/' },
      { origin: 'https://m.example.com' },
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('secrecy', () => {
  it('never puts the secret or a token in a response or a log line', async () => {
    const logged: string[] = [];
    const spy = vi
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    try {
      const texts: string[] = [];
      const first = await post(endpoint.url, { url: 'https://m.example.com/' });
      texts.push(first.text);
      texts.push(
        (
          await post(endpoint.url, {
            url: 'https://m.example.com/',
            retry: true,
            tokenId: first.body.tokenId,
          })
        ).text,
      );
      texts.push((await post(endpoint.url, { url: 'https://evil.example/' })).text);
      texts.push(
        (await post(endpoint.url, { url: 'https://m.example.com/', retry: true, tokenId: 'x' })).text,
      );
      const front = await signer.frontToken();
      const back = await signer.backendToken();
      await signer.invalidate(back.tokenId, 'backendToken');
      platform.platform.fault({ resp: 'a20', msg: 'invalid' }, 3);
      // A cold signer (its own memory store) must fetch, and meets the fault.
      const cold = createSigner({
        appId: SIMULATED_APP_ID,
        secret: SIMULATED_SECRET,
        allowedOrigins: ['m.example.com'],
        baseUrl: platform.url,
        log: (event) => events.push(event),
      });
      await cold.backendToken().catch((error: Error) => texts.push(error.message, String(error.cause)));
      expect(texts.at(-2)).toContain('a20');
      const everything = [...texts, ...logged, ...events.map((event) => JSON.stringify(event))].join('\n');
      for (const secret of [SIMULATED_SECRET, front.token, back.token])
        expect(everything).not.toContain(secret);
      expect(events.some((event) => event.type === 'token_invalidated')).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
