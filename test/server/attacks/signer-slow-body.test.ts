/**
 * Attacks on the signer endpoint served the way the README shows,
 * `http.createServer(toNodeHandler(handler))` (no createNodeServer limits):
 * sockets trickling their body at 1 B/s, and a `Host` that is no host.
 */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSignatureHandler, createSigner, toNodeHandler } from '../../../src/server/index.js';
import { rawExchange } from '../helpers/serve.js';
import { listenUntilTestEnds } from './hostile-upstream.js';

const signer = createSigner({
  appId: 'a5949221470c4059b9b0b45a90c81527',
  secret: 'secret-never-fetched',
  allowedOrigins: ['m.example.com'],
  baseUrl: 'http://127.0.0.1:9',
});

/** The README's setup: a bare node:http server around toNodeHandler. */
async function bare(options: Parameters<typeof toNodeHandler>[1] = {}): Promise<string> {
  return listenUntilTestEnds(createServer(toNodeHandler(createSignatureHandler(signer), options)));
}

const head = (host: string, length: number): string =>
  `POST /upsdk/signature HTTP/1.1\r\nHost: ${host}\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n\r\n`;

describe('request bodies trickled at 1 B/s under a bare http.createServer', () => {
  it('50 sockets are all answered 408 and closed within 10 s by default', { timeout: 30_000 }, async () => {
    const url = await bare();
    const started = performance.now();
    const sockets = await Promise.all(
      Array.from({ length: 50 }, () => rawExchange(url, `${head('127.0.0.1', 200)}{`)),
    );
    const trickle = setInterval(() => sockets.forEach((socket) => socket.write('x')), 1_000);
    try {
      const answers = await Promise.all(sockets.map((socket) => socket.closed));
      const elapsed = performance.now() - started;
      expect(answers.every((answer) => /^HTTP\/1\.1 408 /.test(answer))).toBe(true);
      expect(answers[0]).toContain('application/problem+json');
      expect(elapsed).toBeLessThan(11_000);
    } finally {
      clearInterval(trickle);
      sockets.forEach((socket) => socket.destroy());
    }
  });

  it('bodyTimeout sets the deadline', async () => {
    const url = await bare({ bodyTimeout: 300 });
    const started = performance.now();
    const socket = await rawExchange(url, `${head('127.0.0.1', 200)}{`);
    const trickle = setInterval(() => socket.write('x'), 100);
    try {
      expect(await socket.closed).toMatch(/^HTTP\/1\.1 408 /);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      clearInterval(trickle);
    }
  });

  it('a body arriving in time is still signed', async () => {
    const url = await bare({ bodyTimeout: 300 });
    const body = JSON.stringify({ url: 'javascript:alert(1)' });
    const socket = await rawExchange(url, `${head('127.0.0.1', body.length)}${body}`);
    setTimeout(() => socket.destroy(), 500);
    // The signer answers (400 for that URL) rather than 408: the body was read.
    expect(await socket.closed).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe('a Host header that is no host (RFC 9112 §3.2, RFC 3986 §3.2.2)', () => {
  it.each(['a b', 'a\tb', 'exa mple.com:80', 'host:port'])('`Host: %s` is answered 400', async (host) => {
    const url = await bare();
    const body = JSON.stringify({ url: 'https://m.example.com/' });
    const socket = await rawExchange(url, `${head(host, body.length)}${body}`);
    const answer = await socket.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('malformed Host header');
  });

  it.each(['m.example.com', '127.0.0.1:8787', '[::1]:8787', 'xn--fiqs8s.example'])(
    '`Host: %s` is served',
    async (host) => {
      const url = await bare();
      const body = JSON.stringify({ url: 'javascript:alert(1)' });
      const socket = await rawExchange(url, `${head(host, body.length)}${body}`);
      setTimeout(() => socket.destroy(), 500);
      const answer = await socket.closed;
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('invalid_url');
    },
  );
});
