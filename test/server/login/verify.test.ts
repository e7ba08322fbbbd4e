import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  upSignatureString,
  verifyUpNotification,
  verifyUpSignature,
} from '../../../src/server/login/verify.js';
import { LoginError } from '../../../src/server/login/errors.js';

let privateKey: KeyObject;
let upPublicKey: string; // base64 DER (X.509 SubjectPublicKeyInfo), the form UnionPay issues
let otherPrivateKey: KeyObject;

beforeAll(() => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKey = pair.privateKey;
  upPublicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  otherPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
});

/** Sign as UnionPay does: SHA256withRSA over the sorted string, base64. */
const upSign = (text: string, key = privateKey): string =>
  sign('sha256', Buffer.from(text, 'utf8'), key).toString('base64');

const notification = {
  appId: 'fb707efe4c3a9e06d85',
  timestamp: '1568251930',
  nonceStr: 'XFg3Lx4fUTaFyFLJ',
  openId: 'A+2pMHJdXtQ42kQsuqUyM4qPubW5hrr3ONwj7Dgnu2wCFGcrnYVZiUo5AbUZPnBm',
};

describe('verifyUpSignature (§7.5)', () => {
  it('builds the signed string with sorted keys, raw values, no symmetricKey and no blank values', () => {
    expect(
      upSignatureString({ openId: 'A+2p', appId: 'x', symmetricKey: 'k', trid: '  ', empty: '', none: null }),
    ).toBe('appId=x&openId=A+2p');
  });

  it('accepts a signature made with the matching private key', () => {
    const signature = upSign(upSignatureString(notification));
    expect(verifyUpSignature(notification, signature, upPublicKey)).toBe(true);
  });

  it('rejects the signature when a value changed', () => {
    const signature = upSign(upSignatureString(notification));
    expect(verifyUpSignature({ ...notification, openId: 'someone-else' }, signature, upPublicKey)).toBe(
      false,
    );
  });

  it('rejects a signature made with another key', () => {
    const signature = upSign(upSignatureString(notification), otherPrivateKey);
    expect(verifyUpSignature(notification, signature, upPublicKey)).toBe(false);
  });

  it('ignores symmetricKey and blank fields the way the reference code does', () => {
    const signature = upSign(upSignatureString(notification));
    expect(
      verifyUpSignature({ ...notification, symmetricKey: 'abc', trid: ' ' }, signature, upPublicKey),
    ).toBe(true);
  });

  it('accepts the key as PEM too', () => {
    const pem = `-----BEGIN PUBLIC KEY-----\n${upPublicKey.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    expect(verifyUpSignature(notification, upSign(upSignatureString(notification)), pem)).toBe(true);
  });

  it('answers false for an empty or garbled signature', () => {
    expect(verifyUpSignature(notification, '', upPublicKey)).toBe(false);
    expect(verifyUpSignature(notification, 'bm90IGEgc2lnbmF0dXJl', upPublicKey)).toBe(false);
  });

  it('throws invalid_param for a key that is not an RSA public key', () => {
    expect(() => verifyUpSignature(notification, 'x', 'not-a-key')).toThrow(LoginError);
    expect(() => verifyUpSignature(notification, 'x', 'not-a-key')).toThrow(/upPublicKey/);
  });
});

describe('verifyUpNotification', () => {
  const query = (fields: Record<string, string>): string =>
    `https://notify.example.com/up/revoked?${Object.entries(fields)
      .map(([key, value]) => `${key}=${value}`)
      .join('&')}`;

  it("keeps a literal '+' in openId and signature, as the platform sends them raw (§5.4.3 sample)", () => {
    const signature = upSign(upSignatureString(notification));
    expect(signature).toMatch(/[+/]/);
    const { valid, params } = verifyUpNotification(query({ ...notification, signature }), upPublicKey);
    expect(valid).toBe(true);
    expect(params.openId).toBe(notification.openId);
    expect(params).not.toHaveProperty('signature');
  });

  it('accepts percent-encoded values as well', () => {
    const signature = encodeURIComponent(upSign(upSignatureString(notification)));
    const url = query({ ...notification, openId: encodeURIComponent(notification.openId), signature });
    expect(verifyUpNotification(url, upPublicKey).valid).toBe(true);
  });

  it('rejects a tampered notification', () => {
    const signature = upSign(upSignatureString(notification));
    expect(
      verifyUpNotification(query({ ...notification, nonceStr: 'other', signature }), upPublicKey).valid,
    ).toBe(false);
  });
});
