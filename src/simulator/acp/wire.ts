/**
 * The fake gateway's own few lines of ACP 5.1.0 message handling, written
 * from ACP-FACTS.md and UnionPay's public material — deliberately not the
 * client's (a fake that shares the client's code would hide its bugs):
 * sorted `k=v&…` of raw values without `signature`, sha256 hex of it,
 * RSA-SHA256 of that hex text, base64.
 */
import { createHash, sign, verify, type KeyObject } from 'node:crypto';

type Message = Readonly<Record<string, string>>;

const digest = (message: Message): Buffer => {
  const text = Object.entries(message)
    .filter(([name]) => name !== 'signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return Buffer.from(createHash('sha256').update(text, 'utf8').digest('hex'), 'utf8');
};

/** `message` with `signPubKeyCert` and `signature` added. */
export function signMessage(
  message: Message,
  key: KeyObject | string,
  certPem: string,
): Record<string, string> {
  const withCert = { ...message, signPubKeyCert: certPem };
  return { ...withCert, signature: sign('sha256', digest(withCert), key).toString('base64') };
}

/** Whether the merchant's `signature` verifies with its certificate. */
export function verifyMessage(message: Message, certPem: string): boolean {
  const signature = message.signature;
  return !!signature && verify('sha256', digest(message), certPem, Buffer.from(signature, 'base64'));
}

/** A synchronous reply body: `k=v&…`, values not URL-encoded (the PEM keeps its newlines). */
export const replyBody = (message: Message): string =>
  Object.entries(message)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');

/** `yyyyMMddHHmmss` in Beijing time. */
export const beijing = (ms: number): string =>
  new Date(ms + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
