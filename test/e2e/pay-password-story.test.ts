/**
 * The playground server's half of the pay-password story, over loopback HTTP
 * against its embedded fake platform: a verifyPwdSeqId issued through
 * createOpenPlatform, the platform's signed result notification received.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPlayground } from './browser.js';

let server: Server;
let url: string;

beforeAll(async () => {
  ({ server, url } = await startPlayground());
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const postJson = async (path: string, body: unknown) =>
  (await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((reply) => reply.json())) as Record<string, unknown>;

it('issues a verifyPwdSeqId and receives the platform result notification for it', async () => {
  const { transNo, bizOrderId } = await postJson('/upsdk/pay-password', {});
  expect(transNo).toMatch(/^[0-9A-F]{32}$/);
  const delivery = await postJson('/__dev/pay-password/complete', { transNo });
  expect(delivery.delivered).toBe(true);
  const received = (await fetch(new URL('/__dev/notifications', url)).then((reply) =>
    reply.json(),
  )) as unknown[];
  expect(received).toEqual([expect.objectContaining({ kind: 'pay_password_verified', transNo, bizOrderId })]);
});
