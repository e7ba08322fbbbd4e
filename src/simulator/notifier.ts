/**
 * The fake platform's outgoing notifications (spec §5.2.3, §5.3.2, §5.4.3):
 * fields signed as §7.5 describes — SHA256withRSA over the sorted
 * `k=v&…` string, empty values and `symmetricKey` left out, base64 — with a
 * key pair of its own whose public half plays `upPublicKey`, delivered to a
 * URL with retries until the receiver answers `{"resp":"00"}`. WebCrypto
 * only, so it runs wherever the simulator runs.
 */
import { epochSeconds, fakeNonce, specSigningString } from './spec-signing.js';
import { decodeBase64, encodeBase64 } from '../streams/base64.js';

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** How a notification travels: a JSON POST (§5.3.2's sample) or a GET query (§5.4.3's sample). */
export type NotificationMethod = 'POST' | 'GET';

/** Options of one delivery. */
export interface DeliveryOptions {
  readonly method?: NotificationMethod | undefined;
  /** Attempts in all, the first included. Default 3. */
  readonly attempts?: number | undefined;
  /** Wait before the second attempt, doubled after each; ms. Default 1000. */
  readonly retryDelayMs?: number | undefined;
}

/** How a delivery went. */
export interface Delivery {
  /** Whether the receiver answered `{"resp":"00"}`. */
  readonly delivered: boolean;
  /** Each attempt's HTTP status (0: unreachable) and `resp`. */
  readonly attempts: readonly { readonly status: number; readonly resp?: string }[];
  /** The fields as sent, `signature` included. */
  readonly fields: Readonly<Record<string, string>>;
}

/** The notification sender of a fake platform. */
export interface Notifier {
  /** The base64 X.509 public key receivers verify with (the platform's `upPublicKey`). */
  upPublicKey(): Promise<string>;
  /** Add `appId`-independent `nonceStr`/`timestamp` when absent, sign, and deliver with retries. */
  send(url: string, fields: Readonly<Record<string, string>>, options?: DeliveryOptions): Promise<Delivery>;
  /** Sign `fields` as the platform does (§7.5); base64. */
  sign(fields: Readonly<Record<string, string>>): Promise<string>;
}

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** The §7.5 string: sorted, non-blank values, no `symmetricKey`. */
export function notificationString(fields: Readonly<Record<string, string>>): string {
  const kept = Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => key !== 'symmetricKey' && value.trim() !== ''),
  );
  return specSigningString(kept);
}

// Raw base64 in queries, as the spec's samples show them: '+', '/' and '=' unescaped (FAQ 13's trap).
const queryValue = (value: string): string =>
  encodeURIComponent(value).replace(/%2B/g, '+').replace(/%2F/g, '/').replace(/%3D/g, '=');

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Create a notifier; `clock` stamps `timestamp`, `fetcher` delivers. */
export function createNotifier(clock: () => number, fetcher: () => typeof fetch): Notifier {
  let keys: Promise<CryptoKeyPair> | undefined;
  const keyPair = (): Promise<CryptoKeyPair> =>
    (keys ??= crypto.subtle.generateKey(
      { ...ALGORITHM, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
      true,
      ['sign', 'verify'],
    ));

  async function sign(fields: Readonly<Record<string, string>>): Promise<string> {
    const { privateKey } = await keyPair();
    const signature = await crypto.subtle.sign(ALGORITHM, privateKey, utf8(notificationString(fields)));
    return encodeBase64(new Uint8Array(signature));
  }

  async function attempt(url: string, fields: Record<string, string>, method: NotificationMethod) {
    // FAQ 33: the platform waits 10 seconds for an answer.
    const signal = AbortSignal.timeout(10_000);
    try {
      const query = Object.entries(fields)
        .map(([key, value]) => `${encodeURIComponent(key)}=${queryValue(value)}`)
        .join('&');
      const response =
        method === 'GET'
          ? await fetcher()(`${url}${url.includes('?') ? '&' : '?'}${query}`, { signal })
          : await fetcher()(url, {
              method: 'POST',
              signal,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(fields),
            });
      const body = (await response.json().catch(() => ({}))) as { resp?: unknown };
      return { status: response.status, ...(typeof body.resp === 'string' ? { resp: body.resp } : {}) };
    } catch {
      return { status: 0 };
    }
  }

  return {
    upPublicKey: async () =>
      encodeBase64(new Uint8Array(await crypto.subtle.exportKey('spki', (await keyPair()).publicKey))),
    sign,
    async send(url, given, options = {}) {
      const attempts = Math.max(1, Math.min(options.attempts ?? 3, 20));
      // A `signature` among the fields is replaced, never signed.
      const fields: Record<string, string> = {
        timestamp: epochSeconds(clock()),
        nonceStr: fakeNonce(),
        ...given,
      };
      delete fields.signature;
      fields.signature = await sign(fields);
      const outcomes: { status: number; resp?: string }[] = [];
      for (let n = 0; n < attempts; n++) {
        if (n > 0) await pause((options.retryDelayMs ?? 1000) * 2 ** (n - 1));
        const outcome = await attempt(url, fields, options.method ?? 'POST');
        outcomes.push(outcome);
        if (outcome.status >= 200 && outcome.status < 300 && outcome.resp === '00') {
          return { delivered: true, attempts: outcomes, fields };
        }
      }
      return { delivered: false, attempts: outcomes, fields };
    },
  };
}

/** Verify a partner's RSA signature (base64) over `text` with its base64 SPKI public key. */
export async function verifyPartnerSignature(
  publicKeyBase64: string,
  text: string,
  signature: string,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey(
      'spki',
      new Uint8Array(decodeBase64(publicKeyBase64)),
      ALGORITHM,
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(ALGORITHM, key, new Uint8Array(decodeBase64(signature)), utf8(text));
  } catch {
    return false;
  }
}
