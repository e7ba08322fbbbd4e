/**
 * The upload sink over real HTTP under abuse: server-issued unguessable ids, a cap on uploads
 * held at once (429), on bytes held (507), and idle uploads dropped with their bytes.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import {
  createNodeServer,
  createUploadSink,
  type UploadSink,
  type UploadSinkOptions,
} from '../../src/server/index.js';
import { read } from './helpers/serve.js';

let server: Server | undefined;
let now = 1_800_000_000_000;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server?.closeAllConnections();
  server = undefined;
});

/** Serve a sink built from `options` (on the test clock); resolves with it and its base URL. */
async function sinkWith(options: UploadSinkOptions = {}): Promise<{ sink: UploadSink; base: string }> {
  const sink = createUploadSink({ clock: () => now, ...options });
  server = createNodeServer({ '/uploads/': sink.handle }, { maxBodyBytes: 1024 * 1024 });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { sink, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const open = (base: string): Promise<Response> => fetch(`${base}/uploads/`, { method: 'POST' });

async function openUrl(base: string): Promise<string> {
  const response = await open(base);
  expect(response.status).toBe(201);
  return new URL(response.headers.get('location')!, base).href;
}

const put = (url: string, range: string, body: Uint8Array): Promise<Response> =>
  fetch(url, { method: 'PUT', headers: { 'content-range': range }, body: body as BodyInit });

it('issues 128-bit random ids and refuses ids it did not issue', async () => {
  const { base } = await sinkWith();
  const urls = [await openUrl(base), await openUrl(base)];
  for (const url of urls) expect(url).toMatch(/\/uploads\/[0-9a-f]{32}$/);
  expect(urls[0]).not.toBe(urls[1]);
  const guessed = await read(await put(`${base}/uploads/clip`, 'bytes 0-3/4', new Uint8Array(4)));
  expect(guessed).toMatchObject({
    status: 404,
    type: 'application/problem+json',
    body: { code: 'upload_not_found' },
  });
  expect((await fetch(`${base}/uploads/clip`)).status).toBe(404);
});

it('answers 429 with Retry-After past maxUploads', async () => {
  const { base } = await sinkWith({ maxUploads: 3 });
  for (let i = 0; i < 3; i++) await openUrl(base);
  const refused = await read(await open(base));
  expect(refused).toMatchObject({
    status: 429,
    type: 'application/problem+json',
    body: { code: 'too_many_uploads' },
  });
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
});

it('answers 507 when the announced sizes would exceed maxTotalBytes, before reading the chunk', async () => {
  const { sink, base } = await sinkWith({ maxBytes: 600_000, maxTotalBytes: 1_000_000 });
  const first = await openUrl(base);
  const second = await openUrl(base);
  expect((await put(first, 'bytes 0-99999/600000', new Uint8Array(100_000))).status).toBe(200);
  const full = await read(await put(second, 'bytes 0-99999/600000', new Uint8Array(100_000)));
  expect(full).toMatchObject({
    status: 507,
    type: 'application/problem+json',
    body: { code: 'insufficient_storage' },
  });
  expect(sink.usage()).toEqual({ uploads: 2, bytes: 600_000 });
});

it('drops an idle upload with its bytes, and frees its slot', async () => {
  const { sink, base } = await sinkWith({ maxUploads: 1, idleTimeout: 60_000 });
  const url = await openUrl(base);
  expect((await put(url, 'bytes 0-9999/20000', new Uint8Array(10_000))).status).toBe(200);
  now += 59_000;
  expect((await fetch(url, { method: 'HEAD' })).headers.get('upload-offset')).toBe('10000');
  now += 60_000;
  expect((await fetch(url, { method: 'HEAD' })).status).toBe(404);
  expect(sink.usage()).toEqual({ uploads: 0, bytes: 0 });
  await openUrl(base);
});

it('holds bounded memory under a flood of uploads', async () => {
  const { sink, base } = await sinkWith({
    maxBytes: 5 * 1024 * 1024,
    maxTotalBytes: 8 * 1024 * 1024,
    maxUploads: 40,
  });
  const chunk = new Uint8Array(1024 * 1024);
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) {
    const url = await openUrl(base);
    for (let offset = 0; offset < 5 * chunk.length; offset += chunk.length) {
      const range = `bytes ${offset}-${offset + chunk.length - 1}/${5 * chunk.length}`;
      const status = (await put(url, range, chunk)).status;
      statuses.push(status);
      if (status !== 200 && status !== 201) break;
    }
  }
  expect(statuses).toContain(507);
  expect(sink.usage().bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
});
