/**
 * TEST CERTIFICATES ONLY — never real UnionPay or merchant keys.
 *
 * A throw-away certificate authority for the fake ACP gateway, made at run
 * time: a root, a middle, UnionPay's signing certificate (CN in the
 * `x@y@中国银联股份有限公司@z` pattern), a merchant `.pfx`, and on demand the
 * bad variants tests need (a chain from a foreign CA, a foreign owner, an
 * expired certificate). Generated rather than committed so that no key
 * material sits in the repository and validity dates never run out; the keys
 * come from node:crypto (fast, native) and node-forge only builds and signs
 * the certificates and the PKCS#12, which node:crypto cannot.
 */
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import type Forge from 'node-forge';

let loaded: typeof Forge | undefined;
/** node-forge, loaded on first use: importing this module (e.g. through the CLI) must not need it. */
function forgeModule(): typeof Forge {
  try {
    return (loaded ??= createRequire(import.meta.url)('node-forge') as typeof Forge);
  } catch (cause) {
    throw new Error('the fake ACP gateway needs the node-forge package (npm i -D node-forge)', { cause });
  }
}

/** A key and its certificate, as PEM. */
export interface AcpTestIdentity {
  readonly keyPem: string;
  readonly certPem: string;
  /** The certificate's serial number in decimal (what ACP calls `certId`). */
  readonly certId: string;
}

/** The merchant's signing identity, also packed as a password-protected `.pfx`. */
export interface AcpTestMerchant extends AcpTestIdentity {
  readonly pfx: Uint8Array;
  readonly password: string;
}

/** A bad signing certificate a test can make the fake gateway use. */
export type AcpTestCertVariant = 'foreign-chain' | 'wrong-owner' | 'expired';

/** The test CA: trust anchors, UnionPay's (fake) signing identity and the merchant's. */
export interface AcpTestCa {
  /** TEST root certificate (pass as `rootCert`). */
  readonly rootPem: string;
  /** TEST middle certificate (pass as `middleCert`). */
  readonly middlePem: string;
  /** The fake gateway's signing identity, issued by the middle. */
  readonly gatewaySigner: AcpTestIdentity;
  /** The fake merchant's signing identity and `.pfx`. */
  readonly merchant: AcpTestMerchant;
  /** A bad gateway signing identity (made once, on first use). */
  variant(kind: AcpTestCertVariant): AcpTestIdentity;
}

/** The owner UnionPay's signing certificates name at index 2 of the `@`-split CN. */
export const UNIONPAY_OWNER = '中国银联股份有限公司';
/** Password of the test merchant `.pfx`. */
export const TEST_PFX_PASSWORD = '000000';

const DAY = 86_400_000;
let serial = 0x7e57_0000;

interface Made extends AcpTestIdentity {
  readonly key: Forge.pki.rsa.PrivateKey;
  readonly cert: Forge.pki.Certificate;
}

interface CertSpec {
  readonly cn: string;
  readonly ca: boolean;
  readonly issuer?: Made | undefined;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

function make(spec: CertSpec): Made {
  const forge = forgeModule();
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  cert.serialNumber = (++serial).toString(16).padStart(10, '0');
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject = [
    { name: 'countryName', value: 'CN' },
    { name: 'organizationName', value: 'upsdk-kit TEST CA (not UnionPay)' },
    {
      name: 'commonName',
      value: spec.cn,
      valueTagClass: forge.asn1.Type.UTF8 as unknown as Forge.asn1.Class,
    },
  ];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? spec.issuer.cert.subject.attributes : subject);
  cert.setExtensions(
    spec.ca
      ? [
          { name: 'basicConstraints', cA: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true },
        ],
  );
  cert.sign(spec.issuer?.key ?? key, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  const certId = BigInt(`0x${new X509Certificate(certPem).serialNumber}`).toString();
  return { key, cert, keyPem, certPem, certId };
}

const plain = ({ keyPem, certPem, certId }: Made): AcpTestIdentity => ({ keyPem, certPem, certId });

function pfxOf(identity: Made, password: string): Uint8Array {
  const forge = forgeModule();
  const asn1 = forge.pkcs12.toPkcs12Asn1(identity.key, [identity.cert], password, { algorithm: '3des' });
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}

/**
 * Make a fresh TEST CA (about a second: five 2048-bit keys). Tests share one
 * through {@link sharedAcpTestCa}.
 *
 * @example
 * ```ts
 * const ca = createAcpTestCa();
 * const acp = await createAcpClient({ merId, signing: { pfx: ca.merchant.pfx, password: ca.merchant.password },
 *   gateway: gatewayUrl, rootCert: ca.rootPem, middleCert: ca.middlePem });
 * ```
 */
export function createAcpTestCa(now: number = Date.now()): AcpTestCa {
  const valid = { notBefore: new Date(now - DAY), notAfter: new Date(now + 3650 * DAY) };
  const root = make({ cn: 'upsdk-kit TEST ACP root', ca: true, ...valid });
  const middle = make({ cn: 'upsdk-kit TEST ACP middle', ca: true, issuer: root, ...valid });
  const signerCn = (owner: string) => `041@Z00000001@${owner}@00000001`;
  const gatewaySigner = make({ cn: signerCn(UNIONPAY_OWNER), ca: false, issuer: middle, ...valid });
  const merchantMade = make({
    cn: 'upsdk-kit TEST merchant 777290058110097',
    ca: false,
    issuer: middle,
    ...valid,
  });
  const variants = new Map<AcpTestCertVariant, AcpTestIdentity>();
  const makeVariant = (kind: AcpTestCertVariant): AcpTestIdentity => {
    if (kind === 'wrong-owner')
      return plain(make({ cn: signerCn('某某支付有限公司'), ca: false, issuer: middle, ...valid }));
    if (kind === 'expired') {
      const expired = { notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - DAY) };
      return plain(make({ cn: signerCn(UNIONPAY_OWNER), ca: false, issuer: middle, ...expired }));
    }
    // Same names as ours, other keys: only the signatures tell them apart.
    const foreignRoot = make({ cn: 'upsdk-kit TEST ACP root', ca: true, ...valid });
    const foreignMiddle = make({ cn: 'upsdk-kit TEST ACP middle', ca: true, issuer: foreignRoot, ...valid });
    return plain(make({ cn: signerCn(UNIONPAY_OWNER), ca: false, issuer: foreignMiddle, ...valid }));
  };
  return {
    rootPem: root.certPem,
    middlePem: middle.certPem,
    gatewaySigner: plain(gatewaySigner),
    merchant: {
      ...plain(merchantMade),
      pfx: pfxOf(merchantMade, TEST_PFX_PASSWORD),
      password: TEST_PFX_PASSWORD,
    },
    variant(kind) {
      let made = variants.get(kind);
      if (!made) variants.set(kind, (made = makeVariant(kind)));
      return made;
    },
  };
}

let shared: AcpTestCa | undefined;

/** One TEST CA per process, made on first use. */
export function sharedAcpTestCa(): AcpTestCa {
  return (shared ??= createAcpTestCa());
}
