/**
 * The fake open platform's business interfaces (spec §5.3–§5.8) and its
 * notifications (§5.2.3, §5.3.2, §5.4.3). Each interface checks its fields
 * (§7.7 codes), the backendToken or the partner's RSA signature, decrypts
 * what partners send encrypted, and answers in the shape of the spec's own
 * sample — including the `{"result": …}` wrapper three samples show. Red
 * packets and qualifications (§5.8) live in `open-platform-marketing.ts`.
 */
import { createContracts, type SimulatedContract } from './open-platform-contracts.js';
import { createMarketing, type FakeMarketing, type MarketingOptions } from './open-platform-marketing.js';
import {
  authenticate,
  wrapped,
  delay,
  reply,
  undocumented,
  type PlatformState,
  type TokenKindAccepted,
} from './open-platform-wire.js';
import { createNotifier, type Delivery, type DeliveryOptions } from './notifier.js';
import { encrypt3des } from './triple-des.js';
import { SIMULATED_SYMMETRIC_KEY } from './open-platform-user.js';
import { partnerChecks, type Body, type ServiceContext } from './open-platform-partner.js';

/** The business interfaces of the fake platform, by name. */
export type ServiceApi = (typeof API_NAMES)[number];

/** Options for the business part of `createFakeOpenPlatform`. */
export interface FakeServiceOptions extends MarketingOptions {
  /** Key encrypted fields use. Default the simulated symmetricKey. */
  readonly symmetricKey?: string | undefined;
  /** The partner's RSA public key (base64 X.509) that signed requests are verified with. */
  readonly partnerPublicKey?: string | undefined;
  /** How notifications are delivered. Default the global `fetch`. */
  readonly notifyFetch?: typeof fetch | undefined;
  /**
   * Which token §5.3.1 `verifyPwdSeqId` takes in its `accessToken` field. The
   * field table says the backendToken ("通过”获取backendToken”接口获取"); the
   * sample value has the shape of a user's OAuth accessToken, and the one
   * public SDK sends that. Default `backendToken` (the table); see WIRE-FACTS.md.
   */
  readonly verifyPwdToken?: TokenKindAccepted | undefined;
}

/** A §5.3.1 sequence number the platform issued. */
export interface PayPasswordVerification {
  readonly transNo: string;
  readonly appId: string;
  readonly openId: string;
  readonly bizOrderId: string;
  readonly bizType: string;
  readonly merchantId: string;
  readonly notifyUrl: string;
}

export type { SimulatedContract } from './open-platform-contracts.js';

/** Controls of the business part, available on the fake platform. */
export interface FakeServicePlatform extends FakeMarketing {
  /** Make the next `times` calls of `api` answer `resp` (a refusal code, `a10`, …). */
  refuse(
    api: ServiceApi,
    resp: string,
    options?: { readonly msg?: string | undefined; readonly times?: number | undefined },
  ): void;
  /** Make the next call of `api` wait `ms` before answering (or until the caller gives up). */
  stall(api: ServiceApi, ms: number): void;
  /**
   * Make the next `times` §5.5.1 pushes answer `resp` `00` with `resultCd`
   * (§5.5.1: "00-成功，其他失败"): the platform took the request, the message was not sent.
   */
  failPush(resultCd: string, times?: number): void;
  /** How many requests each business interface received. */
  readonly serviceRequests: Readonly<Record<ServiceApi, number>>;
  /** The base64 X.509 key notifications are signed with (`upPublicKey`). */
  upPublicKey(): Promise<string>;
  /** Sign `fields` as the platform signs notifications (§7.5); base64. */
  sign(fields: Readonly<Record<string, string>>): Promise<string>;
  /** Sign `fields` (§7.5) and deliver them to `url` with retries. */
  sendNotification(
    url: string,
    fields: Readonly<Record<string, string>>,
    options?: DeliveryOptions,
  ): Promise<Delivery>;
  /** The user entered the pay password for `transNo`: send §5.3.2 to its `notifyUrl`. */
  completePayPasswordVerification(transNo: string, options?: DeliveryOptions): Promise<Delivery>;
  /** The user relieved contract `contractId` in the app: mark it and send §5.4.3 to `url` (GET). */
  relieveContractInApp(contractId: string, url: string, options?: DeliveryOptions): Promise<Delivery>;
  /** The user revoked the app's authorization: send §5.2.3 to `url` (GET). */
  revokeAuthorization(openId: string, url: string, options?: DeliveryOptions): Promise<Delivery>;
  /** Sequence numbers issued, oldest first. */
  readonly payPasswordVerifications: readonly PayPasswordVerification[];
  /** Contracts, by contractId. */
  readonly contracts: ReadonlyMap<string, SimulatedContract>;
  /** Messages pushed (§5.5.1), oldest first. */
  readonly pushedMessages: readonly {
    readonly openId: string;
    readonly content: string;
    readonly url: string;
  }[];
  /** Industry card operations (§5.7.1), decrypted, oldest first. */
  readonly industryCards: readonly Readonly<Record<string, string>>[];
}

const PATH_PREFIX = '/open/access/1.0/';
const API_NAMES = [
  'verifyPwdSeqId',
  'contract.apply',
  'contract.relieve',
  'contract.status',
  'contract.info',
  'new.msg.push',
  'return.tax',
  'putIndustryCard',
  'red.packet.give',
  'red.packet.select',
  'qual.select',
  'qual.send',
  'qual.reduce',
] as const;
/** The card a simulated tax refund goes to. */
export const SIMULATED_REFUND_CARD = '6214830000000001';

/** The business endpoints of a fake platform. */
export function createServiceEndpoints(options: FakeServiceOptions, platform: PlatformState) {
  const key = options.symmetricKey ?? SIMULATED_SYMMETRIC_KEY;
  const notifier = createNotifier(platform.clock, () => options.notifyFetch ?? globalThis.fetch);
  const context: ServiceContext = { platform, key, partnerPublicKey: options.partnerPublicKey };
  const partner = partnerChecks(context);
  const marketing = createMarketing(options, context);
  const serviceRequests = Object.fromEntries(API_NAMES.map((api) => [api, 0])) as Record<ServiceApi, number>;
  const refusals: { api: ServiceApi; resp?: string; msg: string; delayMs?: number }[] = [];
  const verifications: PayPasswordVerification[] = [];
  const contractEndpoints = createContracts(platform);
  const { contracts } = contractEndpoints;
  const pushedMessages: { openId: string; content: string; url: string }[] = [];
  const industryCards: Record<string, string>[] = [];
  const pushResults: string[] = [];

  const handlers: Readonly<Record<ServiceApi, (body: Body) => Response | Promise<Response>>> = {
    async verifyPwdSeqId(body) {
      const fields = authenticate(
        platform,
        body,
        {
          openId: 'N62110',
          bizOrderId: 'N62122',
          bizType: 'N62123',
          merchantId: 'N62124',
          notifyUrl: 'N62125',
        },
        'accessToken',
        options.verifyPwdToken,
      );
      if (fields instanceof Response) return fields;
      const refused = await partner.verifySignature(body, []);
      if (refused) return refused;
      const transNo = Array.from(
        { length: 32 },
        () => '0123456789ABCDEF'[Math.floor(Math.random() * 16)],
      ).join('');
      const { appId, openId, bizOrderId, bizType, merchantId, notifyUrl } = fields;
      verifications.push({ transNo, appId, openId, bizOrderId, bizType, merchantId, notifyUrl });
      return reply('00', '', { transNo });
    },
    'contract.apply': (body) => contractEndpoints.apply(body),
    'contract.relieve': (body) => contractEndpoints.relieve(body),
    'contract.status': (body) => contractEndpoints.status(body),
    'contract.info': (body) => contractEndpoints.info(body),
    'new.msg.push'(body) {
      const fields = authenticate(platform, body, { openId: 'N62110', content: 'N62116', url: 'N62111' });
      if (fields instanceof Response) return fields;
      const resultCd = pushResults.shift() ?? '00';
      if (resultCd === '00')
        pushedMessages.push({ openId: fields.openId, content: fields.content, url: fields.url });
      return wrapped({ appId: fields.appId, openId: fields.openId, resultCd });
    },
    'return.tax'(body) {
      const fields = authenticate(platform, body, { refundNo: 'N62134' });
      if (fields instanceof Response) return fields;
      return wrapped({ cardNo: encrypt3des(SIMULATED_REFUND_CARD, key), cardType: '1', resp: '' });
    },
    putIndustryCard(body) {
      const fields = authenticate(platform, body, {
        ...undocumented('cardModuleId', 'bussCardNo', 'cardSubTp', 'transTp'),
        openId: 'N62110',
      });
      if (fields instanceof Response) return fields;
      const plain = partner.decrypted(body, ['name', 'certId', 'mobileNo']);
      if (plain instanceof Response) return plain;
      industryCards.push(plain);
      return reply('00', '', { resp: '' });
    },
    'red.packet.give': (body) => marketing.give(body),
    'red.packet.select': (body) => marketing.select(body),
    'qual.select': (body) => marketing.qualSelect(body),
    'qual.send': (body) => marketing.qualSend(body),
    'qual.reduce': (body) => marketing.qualReduce(body),
  };

  const apiOf = (request: Request): ServiceApi | undefined => {
    const { pathname } = new URL(request.url);
    const name = pathname.startsWith(PATH_PREFIX) ? pathname.slice(PATH_PREFIX.length) : '';
    return (API_NAMES as readonly string[]).includes(name) ? (name as ServiceApi) : undefined;
  };

  const send = (url: string, fields: Record<string, string>, delivery?: DeliveryOptions) =>
    notifier.send(url, fields, delivery);

  const controls: FakeServicePlatform = {
    ...marketing.controls,
    refuse(api, resp, { msg = 'simulated refusal', times = 1 } = {}) {
      for (let i = 0; i < times; i++) refusals.push({ api, resp, msg });
    },
    stall: (api, delayMs) => void refusals.push({ api, msg: '', delayMs }),
    failPush(resultCd, times = 1) {
      for (let i = 0; i < times; i++) pushResults.push(resultCd);
    },
    serviceRequests,
    upPublicKey: () => notifier.upPublicKey(),
    sign: (fields) => notifier.sign(fields),
    sendNotification: send,
    async completePayPasswordVerification(transNo, delivery) {
      const found = verifications.find((v) => v.transNo === transNo);
      if (!found) throw new RangeError(`no verifyPwdSeqId issued with transNo ${transNo}`);
      const { notifyUrl, ...fields } = found;
      return send(notifyUrl, fields, delivery);
    },
    relieveContractInApp: (contractId, url, delivery) =>
      send(url, contractEndpoints.relieveInApp(contractId), { method: 'GET', ...delivery }),
    revokeAuthorization: (openId, url, delivery) =>
      send(url, { appId: platform.defaultApp, openId }, { method: 'GET', ...delivery }),
    payPasswordVerifications: verifications,
    contracts,
    pushedMessages,
    industryCards,
  };

  return {
    /** Whether `request` is for this part. */
    handles: (request: Request): boolean => apiOf(request) !== undefined,
    async handle(request: Request): Promise<Response> {
      const api = apiOf(request)!;
      if (request.method !== 'POST') return reply('405', 'POST only');
      serviceRequests[api] += 1;
      const refusal = refusals.findIndex((r) => r.api === api);
      const fault = refusal === -1 ? undefined : refusals.splice(refusal, 1)[0]!;
      if (fault?.delayMs !== undefined) await delay(fault.delayMs, request.signal);
      if (fault?.resp !== undefined) return reply(fault.resp, fault.msg);
      const body = (await request.json().catch(() => ({}))) as Body | null;
      return handlers[api](body ?? {});
    },
    controls,
  };
}
