/**
 * Whom a reply or notification is believed from: the `signPubKeyCert` it
 * carries must chain to the configured middle and root, be within its
 * validity dates, and (unless switched off, as the vendor SDK allows for the
 * test environment) name `中国银联股份有限公司` at index 2 of its `@`-split CN;
 * then `signature` must be RSA-SHA256 over sha256hex(signing string). The
 * chain and owner checks are cached per certificate text, dates re-checked
 * on every message.
 */
import { createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { AcpError } from './errors.js';
import { signingString, type AcpFields } from './wire.js';

/** The owner UnionPay's signing certificates name. */
export const UNIONPAY_OWNER = '中国银联股份有限公司';

/** What verification needs. */
export interface TrustSettings {
  readonly root: X509Certificate;
  readonly middle: X509Certificate;
  readonly checkOwner: boolean;
  readonly clock: () => number;
}

interface Trusted {
  readonly key: KeyObject;
  readonly notBefore: number;
  readonly notAfter: number;
}

const CACHE_LIMIT = 32;

/** The owner part of a subject's CN (`x@y@owner@z`), if any. */
export function ownerOf(subject: string): string | undefined {
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(subject)?.[1];
  return cn?.split('@')[2];
}

const withinDates = (cert: X509Certificate, now: number): boolean =>
  Date.parse(cert.validFrom) <= now && now <= Date.parse(cert.validTo);

/** sha256 hex of a signing string: what 5.1.0 signs with RSA-SHA256. */
export const digestOfText = (text: string): Buffer =>
  Buffer.from(createHash('sha256').update(text, 'utf8').digest('hex'), 'utf8');

/** sha256 hex of the fields' signing string. */
export const digestOf = (fields: AcpFields): Buffer => digestOfText(signingString(fields));

/** Parse a PEM option; `invalid_certificate` when it is not one. */
export function certificateOption(name: string, pem: string | Uint8Array): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (cause) {
    throw new AcpError({
      code: 'invalid_certificate',
      msg: `\`${name}\` is not a PEM or DER certificate`,
      operation: 'createAcpClient',
      cause,
    });
  }
}

/**
 * Verifies a message; answers its signing string (for a dedupe identity) or throws {@link AcpError}.
 * `signed` passes a signing string and signature already taken out of `fields` (the notification
 * receiver's), so they are not built again.
 */
export type Verifier = (
  operation: string,
  fields: AcpFields,
  signed?: { readonly text: string; readonly signature: string },
) => string;

/** A verifier with its own certificate cache. */
export function createVerifier(settings: TrustSettings): Verifier {
  const cache = new Map<string, Trusted>();
  const fail = (operation: string, code: string, msg: string, fields: AcpFields): never => {
    throw new AcpError({ code, msg, operation, respCode: fields.respCode, respMsg: fields.respMsg });
  };

  function trust(operation: string, pem: string, fields: AcpFields): Trusted {
    const known = cache.get(pem);
    if (known) return known;
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pem);
    } catch {
      return fail(operation, 'untrusted_certificate', 'signPubKeyCert is not a certificate', fields);
    }
    const { middle, root } = settings;
    const chained =
      cert.checkIssued(middle) &&
      cert.verify(middle.publicKey) &&
      middle.checkIssued(root) &&
      middle.verify(root.publicKey);
    if (!chained)
      fail(
        operation,
        'untrusted_certificate',
        'signPubKeyCert does not chain to the middle and root certificates',
        fields,
      );
    if (settings.checkOwner && ownerOf(cert.subject) !== UNIONPAY_OWNER) {
      fail(operation, 'certificate_owner', `signPubKeyCert's owner is not ${UNIONPAY_OWNER}`, fields);
    }
    const trusted = {
      key: cert.publicKey,
      // The chain's dates count too: the leaf is only as valid as its issuers.
      notBefore: Math.max(...[cert, middle, root].map((c) => Date.parse(c.validFrom))),
      notAfter: Math.min(...[cert, middle, root].map((c) => Date.parse(c.validTo))),
    };
    if (!withinDates(cert, settings.clock())) return trusted; // not cached: checked again below and refused
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(pem, trusted);
    return trusted;
  }

  return (operation, fields, signed) => {
    const pem = fields.signPubKeyCert;
    const signature = signed ? signed.signature : fields.signature;
    if (!pem || !signature)
      fail(operation, 'unsigned_reply', 'the message has no signPubKeyCert or no signature', fields);
    const trusted = trust(operation, pem!, fields);
    const now = settings.clock();
    if (now < trusted.notBefore || now > trusted.notAfter) {
      fail(
        operation,
        'certificate_expired',
        'signPubKeyCert (or its chain) is outside its validity dates',
        fields,
      );
    }
    const text = signed ? signed.text : signingString(fields);
    const ok = verify('sha256', digestOfText(text), trusted.key, Buffer.from(signature!, 'base64'));
    if (!ok) fail(operation, 'bad_signature', 'the signature does not verify with signPubKeyCert', fields);
    return text;
  };
}
