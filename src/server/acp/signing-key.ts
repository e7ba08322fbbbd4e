/**
 * The merchant's signing identity: a PEM key + certificate, or a PKCS#12
 * `.pfx` with its password. node:crypto cannot read PKCS#12, so a `.pfx`
 * needs the optional peer dependency node-forge, loaded only then.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { AcpError } from './errors.js';

/** The merchant's signing key: a `.pfx` (needs `node-forge`) or PEM key + certificate. */
export type AcpSigningInput =
  { readonly pfx: Uint8Array; readonly password: string } | { readonly key: string; readonly cert: string };

/** A usable signing identity. */
export interface SigningIdentity {
  readonly key: KeyObject;
  /** The certificate's serial number in decimal. */
  readonly certId: string;
}

const OPERATION = 'createAcpClient';

/** `certId`: ACP names a certificate by its serial number in decimal. */
export const decimalSerial = (cert: X509Certificate): string => BigInt(`0x${cert.serialNumber}`).toString();

interface ForgeLike {
  asn1: { fromDer(bytes: string): unknown };
  pkcs12: {
    pkcs12FromAsn1(
      asn1: unknown,
      password: string,
    ): {
      getBags(filter: { bagType: string }): Record<string, { key?: unknown; cert?: unknown }[] | undefined>;
    };
  };
  pki: {
    oids: Record<string, string>;
    privateKeyToPem(key: unknown): string;
    certificateToPem(cert: unknown): string;
  };
}

async function loadForge(): Promise<ForgeLike> {
  try {
    const module = (await import('node-forge')) as unknown as { default?: ForgeLike } & ForgeLike;
    return module.default ?? module;
  } catch (cause) {
    throw new AcpError({
      code: 'missing_dependency',
      msg: 'reading a .pfx needs the optional peer dependency node-forge (npm i node-forge), or pass { key, cert } as PEM',
      operation: OPERATION,
      cause,
    });
  }
}

/** Key and certificate PEM out of a `.pfx`; a wrong password or broken file is `invalid_pfx`. */
async function readPfx(pfx: Uint8Array, password: string): Promise<{ key: string; cert: string }> {
  const forge = await loadForge();
  try {
    const p12 = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(Buffer.from(pfx).toString('binary')),
      password,
    );
    const keyBag = [
      ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
        forge.pki.oids.pkcs8ShroudedKeyBag!
      ] ?? []),
      ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
    ][0];
    const certBag = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]?.[0];
    if (!keyBag?.key || !certBag?.cert) throw new Error('no key or no certificate in the file');
    return { key: forge.pki.privateKeyToPem(keyBag.key), cert: forge.pki.certificateToPem(certBag.cert) };
  } catch (cause) {
    // forge's message names the MAC check; the password itself never goes into ours.
    throw new AcpError({
      code: 'invalid_pfx',
      msg: `the .pfx could not be read (wrong password or not PKCS#12): ${(cause as Error).message}`,
      operation: OPERATION,
      cause,
    });
  }
}

/**
 * Resolve `signing` into a key and `certId`.
 *
 * @throws {@link AcpError} `invalid_pfx`, `invalid_certificate`, `missing_dependency`, `invalid_param`.
 */
export async function signingIdentity(signing: AcpSigningInput): Promise<SigningIdentity> {
  if (typeof signing !== 'object' || signing === null) {
    throw new AcpError({
      code: 'invalid_param',
      msg: 'Expected `signing` to be { pfx, password } or { key, cert }',
      operation: OPERATION,
    });
  }
  let pem: { key: string; cert: string };
  if ('pfx' in signing) {
    if (!(signing.pfx instanceof Uint8Array) || typeof signing.password !== 'string') {
      throw new AcpError({
        code: 'invalid_param',
        msg: 'Expected `signing.pfx` bytes and a `signing.password` string',
        operation: OPERATION,
      });
    }
    pem = await readPfx(signing.pfx, signing.password);
  } else {
    pem = { key: signing.key, cert: signing.cert };
  }
  try {
    const cert = new X509Certificate(pem.cert);
    const key = createPrivateKey(pem.key);
    if (!cert.checkPrivateKey(key)) throw new Error('the key does not belong to the certificate');
    return { key, certId: decimalSerial(cert) };
  } catch (cause) {
    if (cause instanceof AcpError) throw cause;
    throw new AcpError({
      code: 'invalid_certificate',
      msg: `signing key or certificate unusable: ${(cause as Error).message}`,
      operation: OPERATION,
      cause,
    });
  }
}
