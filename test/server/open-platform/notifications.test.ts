import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createRedisStore } from '../../../src/server/index.js';
import {
  createNotificationHandler,
  type NotificationEvent,
  type NotificationHandlerOptions,
  type PlatformNotification,
} from '../../../src/server/open-platform/index.js';
import { createFakeOpenPlatform, SIMULATED_APP_ID } from '../../../src/simulator/index.js';
import { serve } from '../login/helpers.js';
import { startRedis, type RedisServer } from '../helpers/redis.js';
import { platformStack, SAMPLE } from './helpers.js';

const fast = { retryDelayMs: 1 } as const;

/** The fake platform, a client for it, and a notification endpoint that records what it handled. */
async function receiverStack(options: Partial<NotificationHandlerOptions> = {}) {
  const stack = await platformStack();
  const handled: PlatformNotification[] = [];
  const logged: NotificationEvent[] = [];
  const handler = createNotificationHandler({
    upPublicKey: await stack.fake.upPublicKey(),
    appId: SIMULATED_APP_ID,
    onNotification: (notification) => void handled.push(notification),
    log: (event) => logged.push(event),
    ...options,
  });
  const notifyUrl = `${await serve(handler)}/upsdk/notifications`;
  return { ...stack, handled, logged, notifyUrl };
}

const repost = (url: string, fields: Readonly<Record<string, string>>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });

describe('notification kinds, delivered by the fake platform over HTTP', () => {
  it('§5.3.2: the result of a verifyPwdSeqId reaches its notifyUrl as pay_password_verified', async () => {
    const { client, fake, handled, notifyUrl } = await receiverStack();
    const { transNo } = await client.verifyPwdSeqId({
      openId: SAMPLE.openId,
      bizOrderId: '711076926887122',
      bizType: '4h',
      merchantId: '474919534200503',
      notifyUrl,
    });
    const delivery = await fake.completePayPasswordVerification(transNo, fast);
    expect(delivery.delivered).toBe(true);
    expect(handled).toEqual([
      expect.objectContaining({
        kind: 'pay_password_verified',
        transNo,
        bizOrderId: '711076926887122',
        bizType: '4h',
        merchantId: '474919534200503',
        openId: SAMPLE.openId,
        appId: SIMULATED_APP_ID,
      }),
    ]);
  });

  it('§5.4.3: a contract relieved in the app arrives as a GET query, typed contract_relieved', async () => {
    const { client, fake, handled, notifyUrl } = await receiverStack();
    const { contractId } = await client.contractApply({
      openId: SAMPLE.openId,
      accessToken: SAMPLE.accessToken,
      planId: SAMPLE.planId,
      contractCode: '684916616616',
    });
    const delivery = await fake.relieveContractInApp(contractId, notifyUrl, fast);
    expect(delivery.delivered).toBe(true);
    expect(handled[0]).toMatchObject({
      kind: 'contract_relieved',
      contractId,
      openId: SAMPLE.openId,
      trid: '62009000052',
    });
    expect((handled[0] as { operateTime: string }).operateTime).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
    );
  });

  it("§5.2.3: a revoked authorization arrives as authorization_revoked, the openId's '+' intact", async () => {
    const { fake, handled, notifyUrl } = await receiverStack();
    const delivery = await fake.revokeAuthorization(SAMPLE.openId, notifyUrl, fast);
    expect(delivery.delivered).toBe(true);
    expect(handled).toEqual([
      expect.objectContaining({ kind: 'authorization_revoked', openId: SAMPLE.openId }),
    ]);
  });

  it('reads a key with stray spaces (§5.3.2 sample: " transNo") and keeps the signature valid', async () => {
    const { fake, handled, notifyUrl } = await receiverStack();
    const fields = {
      appId: SIMULATED_APP_ID,
      openId: SAMPLE.openId,
      bizOrderId: '1',
      merchantId: '474919534200503',
      bizType: '4h',
      ' transNo': 'T1',
    };
    expect((await fake.sendNotification(notifyUrl, fields, fast)).delivered).toBe(true);
    expect(handled[0]).toMatchObject({ kind: 'pay_password_verified', transNo: 'T1' });
  });

  it('a signed notification of a shape the spec does not describe arrives as unknown', async () => {
    const { fake, handled, notifyUrl } = await receiverStack();
    await fake.sendNotification(notifyUrl, { appId: SIMULATED_APP_ID, somethingNew: 'x' }, fast);
    expect(handled[0]).toMatchObject({
      kind: 'unknown',
      fields: expect.objectContaining({ somethingNew: 'x' }),
    });
  });
});

describe('how a notification may arrive', () => {
  it('reads a form body, a literal + kept', async () => {
    const { fake, handled, notifyUrl } = await receiverStack();
    const unsigned = {
      appId: SIMULATED_APP_ID,
      openId: SAMPLE.openId,
      timestamp: String(Math.floor(Date.now() / 1000)),
      nonceStr: 'f1',
    };
    const fields = { ...unsigned, signature: await fake.sign(unsigned) };
    const body = Object.entries(fields)
      .map(([k, v]) => `${k}=${v.replace(/ /g, '%20')}`)
      .join('&');
    const reply = await fetch(notifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(await reply.json()).toEqual({ resp: '00' });
    expect(handled).toEqual([
      expect.objectContaining({ kind: 'authorization_revoked', openId: SAMPLE.openId }),
    ]);
  });

  it('refuses a body too large to be a notification', async () => {
    const { handled, notifyUrl } = await receiverStack();
    const reply = await repost(notifyUrl, { appId: SIMULATED_APP_ID, padding: 'x'.repeat(20_000) });
    expect(reply.status).toBe(413);
    expect(handled).toEqual([]);
  });

  it('refuses to start with a key that is not an RSA public key', () => {
    expect(() =>
      createNotificationHandler({ upPublicKey: 'not-a-key', onNotification: () => undefined }),
    ).toThrow(/upPublicKey/);
  });
});

describe('forged and replayed notifications', () => {
  it('refuses a notification signed by another key, answering resp 01', async () => {
    const { handled, notifyUrl, logged } = await receiverStack();
    const impostor = createFakeOpenPlatform();
    const delivery = await impostor.revokeAuthorization(SAMPLE.openId, notifyUrl, { attempts: 1 });
    expect(delivery).toMatchObject({ delivered: false, attempts: [{ status: 401, resp: '01' }] });
    expect(handled).toEqual([]);
    expect(logged).toEqual([{ type: 'notification', outcome: 'forged' }]);
  });

  it('refuses a notification whose field was changed after signing', async () => {
    const { fake, handled, notifyUrl } = await receiverStack({
      onNotification: () => Promise.reject(new Error('down')),
    });
    const delivery = await fake.revokeAuthorization(SAMPLE.openId, notifyUrl, { attempts: 1 });
    const reply = await repost(notifyUrl, { ...delivery.fields, openId: 'someone+else' });
    expect(reply.status).toBe(401);
    expect(handled).toEqual([]);
  });

  it('refuses a notification stamped longer ago than maxAgeSeconds (a replay)', async () => {
    const { fake, handled, notifyUrl, logged } = await receiverStack({ maxAgeSeconds: 300 });
    const old = String(Math.floor(Date.now() / 1000) - 301);
    const delivery = await fake.sendNotification(
      notifyUrl,
      { appId: SIMULATED_APP_ID, openId: SAMPLE.openId, timestamp: old },
      { attempts: 1 },
    );
    expect(delivery.attempts).toEqual([{ status: 401, resp: '01' }]);
    expect(handled).toEqual([]);
    expect(logged.at(-1)).toMatchObject({ outcome: 'stale', kind: 'authorization_revoked' });
  });

  it('refuses a notification for another appId', async () => {
    const { fake, handled, notifyUrl } = await receiverStack();
    const delivery = await fake.sendNotification(
      notifyUrl,
      { appId: 'someone-else', openId: SAMPLE.openId },
      { attempts: 1 },
    );
    expect(delivery.attempts[0]?.status).toBe(400);
    expect(handled).toEqual([]);
  });

  it('answers 400 to a body that is not a notification', async () => {
    const { notifyUrl } = await receiverStack();
    const reply = await fetch(notifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1]',
    });
    expect(reply.status).toBe(400);
    expect(await reply.json()).toEqual({ resp: '01', msg: 'unreadable notification' });
  });
});

describe('each notification handled once', () => {
  it('a re-delivered notification is acknowledged with resp 00 and not handled again', async () => {
    const { fake, handled, notifyUrl } = await receiverStack();
    const delivery = await fake.revokeAuthorization(SAMPLE.openId, notifyUrl, fast);
    const again = await repost(notifyUrl, delivery.fields);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ resp: '00' });
    expect(handled).toHaveLength(1);
  });

  it('the platform retries until the callback succeeds; the notification is handled once', async () => {
    let calls = 0;
    const handled: string[] = [];
    const { fake, notifyUrl } = await receiverStack({
      onNotification: (event) => {
        calls += 1;
        if (calls === 1) throw new Error('database briefly down');
        handled.push(event.kind);
      },
    });
    const delivery = await fake.revokeAuthorization(SAMPLE.openId, notifyUrl, fast);
    expect(delivery.attempts).toEqual([
      { status: 500, resp: '01' },
      { status: 200, resp: '00' },
    ]);
    expect(handled).toEqual(['authorization_revoked']);
  });

  it('a re-delivery older than maxAgeSeconds of a handled notification is still acknowledged', async () => {
    let now = Date.now();
    const { fake, handled, notifyUrl } = await receiverStack({
      clock: () => now,
      maxAgeSeconds: 60,
      store: createMemoryStore({ clock: () => now }),
    });
    const delivery = await fake.revokeAuthorization(SAMPLE.openId, notifyUrl, fast);
    now += 120_000;
    expect(await (await repost(notifyUrl, delivery.fields)).json()).toEqual({ resp: '00' });
    expect(handled).toHaveLength(1);
  });
});

describe('handled once across instances sharing Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('two endpoints on one Redis store handle a duplicate once', async () => {
    const first = await receiverStack({
      store: createRedisStore(await redis.client(), { prefix: 'test-notify:' }),
    });
    const handledBySecond: PlatformNotification[] = [];
    const second = createNotificationHandler({
      upPublicKey: await first.fake.upPublicKey(),
      store: createRedisStore(await redis.client(), { prefix: 'test-notify:' }),
      onNotification: (event) => void handledBySecond.push(event),
    });
    const secondUrl = await serve(second);
    const delivery = await first.fake.revokeAuthorization(SAMPLE.openId, first.notifyUrl, fast);
    const again = await repost(secondUrl, delivery.fields);
    expect(await again.json()).toEqual({ resp: '00' });
    expect(first.handled).toHaveLength(1);
    expect(handledBySecond).toEqual([]);
  });

  it('two simultaneous deliveries to two endpoints: one handles, the other is told to retry', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    const fake = createFakeOpenPlatform();
    const endpoint = async () =>
      serve(
        createNotificationHandler({
          upPublicKey: await fake.upPublicKey(),
          store: createRedisStore(await redis.client(), { prefix: 'test-race:' }),
          onNotification: async (event) => {
            handled.push(event.kind);
            await gate;
          },
        }),
      );
    const [a, b] = [await endpoint(), await endpoint()];
    const signature = await fake.sign({
      appId: SIMULATED_APP_ID,
      openId: SAMPLE.openId,
      timestamp: String(Math.floor(Date.now() / 1000)),
      nonceStr: 'n1',
    });
    const fields = {
      appId: SIMULATED_APP_ID,
      openId: SAMPLE.openId,
      timestamp: String(Math.floor(Date.now() / 1000)),
      nonceStr: 'n1',
      signature,
    };
    const firstReply = repost(a, fields);
    await expect.poll(() => handled.length).toBe(1);
    const secondReply = await repost(b, fields);
    expect(secondReply.status).toBe(409);
    release();
    expect(await (await firstReply).json()).toEqual({ resp: '00' });
    expect(await (await repost(b, fields)).json()).toEqual({ resp: '00' });
    expect(handled).toHaveLength(1);
  });
});
