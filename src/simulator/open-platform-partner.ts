/**
 * Checks the fake platform makes on what partners send: fields they
 * encrypted with the symmetricKey (spec §5.7.1, §5.8) and requests they
 * signed with their RSA key (§5.3.1, §5.8.1, §5.8.4, §5.8.5) — signed over
 * the plaintext, so encrypted fields are decrypted before the check.
 */
import { specSigningString } from './spec-signing.js';
import { verifyPartnerSignature } from './notifier.js';
import { reply, required, type PlatformState } from './open-platform-wire.js';
import { decrypt3des } from './triple-des.js';

/** A request body as parsed. */
export type Body = Record<string, unknown>;

/** What the business interfaces share. */
export interface ServiceContext {
  readonly platform: PlatformState;
  /** The symmetricKey, hex. */
  readonly key: string;
  /** The partner's base64 X.509 RSA public key, when configured. */
  readonly partnerPublicKey: string | undefined;
}

/** Requests older (or newer) than this many seconds are refused, as FAQ 3 says. */
const TIMESTAMP_WINDOW = 300;

/** The partner checks over `context`. */
export function partnerChecks(context: ServiceContext) {
  /** Every string field of `body`, with `names` (where present) decrypted; or the refusal. */
  function decrypted(body: Body, names: readonly string[]): Record<string, string> | Response {
    const plain: Record<string, string> = {};
    for (const [name, value] of Object.entries(body)) if (typeof value === 'string') plain[name] = value;
    for (const name of names) {
      if (plain[name] === undefined || plain[name] === '') continue;
      const text = decrypt3des(plain[name], context.key);
      // The spec documents no code for a field that does not decrypt; the fake's own code says so.
      if (text === undefined)
        return reply('simulated_decrypt_failed', `${name} does not decrypt with the symmetricKey`);
      plain[name] = text;
    }
    return plain;
  }

  /** Check `nonceStr`, `timestamp` and the RSA `signature` over the plaintext; undefined when good. */
  async function verifySignature(body: Body, encrypted: readonly string[]): Promise<Response | undefined> {
    const stamps = required(body, { nonceStr: 'N62107', timestamp: 'N62108', signature: 'N62104' });
    if (stamps instanceof Response) return stamps;
    if (Math.abs(context.platform.clock() / 1000 - Number(stamps.timestamp)) > TIMESTAMP_WINDOW) {
      return reply('BC0024', 'timestamp out of range');
    }
    if (!context.partnerPublicKey) {
      return reply('simulated_no_partner_key', 'the fake platform was given no partnerPublicKey');
    }
    const plain = decrypted(body, encrypted);
    if (plain instanceof Response) return plain;
    const { signature, ...signed } = plain;
    const valid = await verifyPartnerSignature(
      context.partnerPublicKey,
      specSigningString(signed),
      signature!,
    );
    return valid ? undefined : reply('BC0025', 'signature check failed');
  }

  /**
   * What a signed-only interface (no backendToken) checks: its fields, a
   * known appId, the signature. Answers the plaintext fields or the refusal.
   */
  async function authenticateSigned(
    body: Body,
    names: Readonly<Record<string, string>>,
    encrypted: readonly string[],
  ): Promise<Record<string, string> | Response> {
    const fields = required(body, { appId: 'N62100', ...names });
    if (fields instanceof Response) return fields;
    if (context.platform.apps[fields.appId] === undefined) return reply('N62126', '缓存中不包含此商户appId');
    const refused = await verifySignature(body, encrypted);
    return refused ?? decrypted(body, encrypted);
  }

  return { decrypted, verifySignature, authenticateSigned };
}
