/**
 * Plumbing for the notification attack tests: both families' handlers on
 * real loopback HTTP, counting callback runs, and messages signed here from
 * the documents (open platform §7.5: SHA256withRSA over sorted non-blank
 * `k=v&…` without `symmetricKey`, base64; seed 002: MD5 of sorted non-empty
 * `k=v&…&key=KEY`, upper-case hex) — not with the library's own helpers.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { afterEach } from 'vitest';
import {
  createNotificationHandler,
  type NotificationHandlerOptions,
  type PlatformNotification,
} from '../../../src/server/open-platform/index.js';
import {
  createPreOrderNotificationHandler,
  type PaymentNotification,
  type PreOrderNotificationOptions,
} from '../../../src/server/preorder/index.js';
import { serve, type Served } from '../helpers/serve.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
/** The platform's public key as issued: base64 X.509. */
export const UP_PUBLIC_KEY = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
export const APP_ID = 'fb707efe0000000000004c3a9e06d85a';
export const MCH_KEY = 'attack-test-merchant-key';

const sorted = (fields: Readonly<Record<string, string>>, keep: (name: string, value: string) => boolean) =>
  Object.keys(fields)
    .filter((name) => keep(name, fields[name]!))
    .sort()
    .map((name) => `${name}=${fields[name]}`)
    .join('&');

/** §7.5: the platform's signature of `fields`. */
export const platformSignature = (fields: Readonly<Record<string, string>>): string =>
  sign(
    'sha256',
    Buffer.from(sorted(fields, (name, value) => name !== 'symmetricKey' && value.trim() !== '')),
    privateKey,
  ).toString('base64');

/** Seed 002: the provider's `sign` of `fields`. */
export const providerSign = (fields: Readonly<Record<string, string>>, key = MCH_KEY): string =>
  createHash('md5')
    .update(`${sorted(fields, (name, value) => name !== 'sign' && value !== '')}&key=${key}`)
    .digest('hex')
    .toUpperCase();

export const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));

/** `yyyyMMddHHmmss` in GMT+8 of `ms`. */
export const beijing = (ms: number): string =>
  new Date(ms + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);

/** A §5.3.2 pay-password result, signed. */
export function passwordVerified(extra: Record<string, string> = {}): Record<string, string> {
  const fields = {
    appId: APP_ID,
    timestamp: nowSeconds(),
    nonceStr: 'JoErQGVrVy7MT70t',
    openId: '42q4vi0Ae+8oe0R0dx0SMSYF2HCjVHWSp5qN5DukLHxhc9uRqTOD4swVOlhc86M4',
    bizOrderId: '711076926887122',
    merchantId: '474919534200503',
    bizType: '4h',
    transNo: '216609E51C1649DD94231B720FDE1DD9',
    ...extra,
  };
  return { ...fields, signature: platformSignature(fields) };
}

/** A seed-002 paid notification, signed. */
export function paid(extra: Record<string, string> = {}): Record<string, string> {
  const fields = {
    bank_type: 'CFT',
    mch_id: '00000001',
    nonce_str: '1523929649387',
    out_trade_no: 'N000000001',
    out_transaction_id: '4200000001',
    pay_result: '0',
    result_code: 'SUCCESS',
    state: 'SUCCESS',
    time_end: beijing(Date.now()),
    total_fee: '1200',
    trade_type: 'pay.weixin.jspay',
    transaction_id: 'TX1',
    ...extra,
  };
  return { ...fields, sign: providerSign(fields) };
}

/** `k=v&…` with each part percent-encoded except what `raw` keeps (the spec's samples send `+` and spaces raw). */
export const rawForm = (pairs: readonly (readonly [string, string])[]): string =>
  pairs.map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2B/g, '+')}`).join('&');

/** A message's fields as the spec's raw form body. */
export const formOf = (fields: Readonly<Record<string, string>>): string => rawForm(Object.entries(fields));

const served: Served[] = [];
afterEach(async () => {
  await Promise.all(served.splice(0).map((server) => server.close()));
});

/** A handler behind real loopback HTTP, with its callback's runs. */
export interface Receiver<E> {
  readonly url: string;
  readonly handler: (request: Request) => Promise<Response>;
  readonly runs: E[];
}

/** Serve the handler `make` builds around a callback that records each run, then calls `then`. */
async function receiver<E>(
  make: (onNotification: (event: E) => Promise<void>) => (request: Request) => Promise<Response>,
  then: ((event: E) => void | Promise<void>) | undefined,
): Promise<Receiver<E>> {
  const runs: E[] = [];
  const handler = make(async (event) => {
    runs.push(event);
    await then?.(event);
  });
  const server = await serve(handler);
  served.push(server);
  return { url: `${server.url}/notify`, handler, runs };
}

/** The open-platform handler on loopback, counting runs. */
export const openPlatformReceiver = (
  options: Partial<NotificationHandlerOptions> = {},
): Promise<Receiver<PlatformNotification>> =>
  receiver(
    (onNotification) =>
      createNotificationHandler({ upPublicKey: UP_PUBLIC_KEY, appId: APP_ID, ...options, onNotification }),
    options.onNotification,
  );

/** The pre-order handler on loopback, counting runs. */
export const preOrderReceiver = (
  options: Partial<PreOrderNotificationOptions> = {},
): Promise<Receiver<PaymentNotification>> =>
  receiver(
    (onNotification) => createPreOrderNotificationHandler({ key: MCH_KEY, ...options, onNotification }),
    options.onNotification,
  );

/** POST `fields` as JSON. */
export const postJson = (url: string, fields: Readonly<Record<string, string>>): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });

/** POST a form body as given. */
export const postForm = (url: string, body: string): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

/** Status and body text of a reply. */
export const outcome = async (reply: Response | Promise<Response>): Promise<[number, string]> => {
  const response = await reply;
  return [response.status, await response.text()];
};
