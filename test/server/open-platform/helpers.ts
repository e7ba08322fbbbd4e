/**
 * The open-platform client against the fake platform on loopback HTTP, with
 * a partner key pair (the fake holds the public half, as UnionPay would).
 */
import { generateKeyPairSync } from 'node:crypto';
import {
  createOpenPlatform,
  type OpenPlatformEvent,
  type OpenPlatformOptions,
} from '../../../src/server/open-platform/index.js';
import {
  createFakeOpenPlatform,
  SIMULATED_SYMMETRIC_KEY,
  type FakeOpenPlatform,
  type FakeOpenPlatformOptions,
} from '../../../src/simulator/index.js';
import { platformTokens, serve, type PlatformTokens } from '../login/helpers.js';

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
/** The partner's private key as `openssl` prints it: PEM (PKCS#8). */
export const PARTNER_KEY = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
/** Its public half as the platform holds it: base64 X.509. */
export const PARTNER_PUBLIC_KEY = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

/** Sample values from the spec (§5.3.1–§5.8.5). */
export const SAMPLE = {
  openId: '42q4vi0Ae+8oe0R0dx0SMSYF2HCjVHWSp5qN5DukLHxhc9uRqTOD4swVOlhc86M4',
  accessToken:
    'APwY8AIr7USrbA1PWZPu3W9CDn7BCDgPEezSAQxoleTm9/d3JKRf/OXC6Nx8Rot290gcCakHerS1YWc4OYe6F5Us58HxUGIcKeD56ptOUws=',
  planId: '11495f99471f4c1cbcdecdd2bee79491',
  insAcctId: 'T00T00000000888527',
  qualNum: '681ee844-40de-0376-1257-3ace7bc3a7c2',
  mobile: '13800138000',
} as const;

/** The §5.7.1 sample industry card, in plaintext. */
export const SAMPLE_CARD = {
  cardModuleId: '213454765435423',
  bussCardNo: '12321325347654',
  cardSubTp: '1',
  transTp: '01',
  openId: SAMPLE.openId,
  region: '200120',
  channelNo: '12343534654756',
  name: '张三',
  certId: '11010119900307123X',
  mobileNo: SAMPLE.mobile,
} as const;

/** A §5.8.4 grant of draws without its dates. */
export const SAMPLE_GRANT = {
  qualNum: SAMPLE.qualNum,
  qualType: 'mobile',
  qualValue: SAMPLE.mobile,
  count: 1,
  transNumber: '12321334453254334',
} as const;

/** Everything a test needs. */
export interface PlatformStack {
  readonly fake: FakeOpenPlatform;
  readonly url: string;
  readonly tokens: PlatformTokens;
  readonly client: ReturnType<typeof createOpenPlatform>;
  readonly events: OpenPlatformEvent[];
}

/** The fake platform on loopback and a client for it. */
export async function platformStack(
  options: {
    readonly fake?: FakeOpenPlatformOptions;
    readonly client?: Partial<OpenPlatformOptions>;
    readonly gated?: boolean | undefined;
  } = {},
): Promise<PlatformStack> {
  const fake = createFakeOpenPlatform({ partnerPublicKey: PARTNER_PUBLIC_KEY, ...options.fake });
  const url = await serve(fake.handle);
  const tokens = platformTokens(url, { gated: options.gated });
  const events: OpenPlatformEvent[] = [];
  const client = createOpenPlatform({
    tokens,
    baseUrl: url,
    symmetricKey: SIMULATED_SYMMETRIC_KEY,
    partnerKey: PARTNER_KEY,
    log: (event) => events.push(event),
    ...options.client,
  });
  return { fake, url, tokens, client, events };
}
