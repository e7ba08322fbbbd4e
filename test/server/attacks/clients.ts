/**
 * Every server family's client aimed at a hostile upstream, with distinctive
 * secrets so that a test can look for them in whatever comes back.
 */
import { createSigner, type Signer } from '../../../src/server/index.js';
import {
  createLoginService,
  createOpenPlatform,
  type BackendTokenSource,
  type OpenApiName,
  type OpenPlatform,
} from '../../../src/server/open-platform/index.js';
import { createPreOrderClient, type PreOrderClient } from '../../../src/server/preorder/index.js';
import { SIMULATED_SYMMETRIC_KEY } from '../../../src/simulator/index.js';
import { PARTNER_KEY, SAMPLE, SAMPLE_CARD, SAMPLE_GRANT } from '../open-platform/helpers.js';

/** The app secret the signer hashes into token requests (never sent). */
export const APP_SECRET = 'AppSecret0123456789abcdefSECRET';
/** The backendToken the open-platform client sends. */
export const BACKEND_TOKEN = 'BackendTokenSECRET0123456789xyz';
/** A user's accessToken and login code, credentials the platform echoes. */
export const ACCESS_TOKEN = 'AccessTokenSECRET0123456789abc';
export const LOGIN_CODE = 'LoginCodeSECRET0123456789def';
/** The pre-order merchant key (never sent). */
export const MERCHANT_KEY = 'MerchantKeySECRET0123456789ghi';

/** Everything no answer, log line or error may contain. */
export const SECRETS: readonly string[] = [
  APP_SECRET,
  BACKEND_TOKEN,
  ACCESS_TOKEN,
  LOGIN_CODE,
  MERCHANT_KEY,
  SIMULATED_SYMMETRIC_KEY,
];

/**
 * The secrets each family's upstream knows without being sent them, and may
 * echo besides the request itself: the signer's app secret, the 3DES key the
 * platform issued, the provider's merchant key.
 */
export function secretsKnownTo(call: string): readonly string[] {
  if (call.startsWith('pre-order')) return [MERCHANT_KEY];
  if (call.startsWith('signer')) return [APP_SECRET];
  return [SIMULATED_SYMMETRIC_KEY];
}

/** The calls of {@link familyCalls}. */
export const CALLS = [
  'signer frontToken',
  'open platform qual.send',
  'login exchangeCode',
  'pre-order wechatPreOrder',
  'pre-order queryOrder',
] as const;

/** Short timeouts so that stalls end quickly; one attempt so that counts stay exact. */
export const TIMEOUT = 1_000;

/** A backendToken source that always hands out {@link BACKEND_TOKEN}. */
export const fixedTokens: BackendTokenSource = {
  appId: 'a5949221470c4059b9b0b45a90c81527',
  backendToken: async () => ({ token: BACKEND_TOKEN, tokenId: 't1' }),
  invalidate: async () => 'invalidated',
};

/** A signer fetching tokens from `baseUrl`. */
export function signerAt(baseUrl: string, log: (event: unknown) => void = () => undefined): Signer {
  return createSigner({
    appId: 'a5949221470c4059b9b0b45a90c81527',
    secret: APP_SECRET,
    allowedOrigins: ['m.example.com'],
    baseUrl,
    upstreamTimeout: TIMEOUT,
    upstreamAttempts: 1,
    failureCooldown: 0,
    log,
  });
}

/** The open-platform client of `baseUrl`, its backendToken fixed. */
export function platformAt(baseUrl: string, log: (event: unknown) => void = () => undefined): OpenPlatform {
  return createOpenPlatform({
    tokens: fixedTokens,
    baseUrl,
    symmetricKey: SIMULATED_SYMMETRIC_KEY,
    partnerKey: PARTNER_KEY,
    timeout: TIMEOUT,
    queryAttempts: 1,
    log,
  });
}

/** The login service of `baseUrl`. */
export const loginAt = (baseUrl: string): ReturnType<typeof createLoginService> =>
  createLoginService({
    tokens: fixedTokens,
    baseUrl,
    symmetricKey: SIMULATED_SYMMETRIC_KEY,
    timeout: TIMEOUT,
  });

/** The pre-order client of `baseUrl`. */
export const preOrderAt = (baseUrl: string): PreOrderClient =>
  createPreOrderClient({
    baseUrl,
    agentId: '130000000000000000',
    mchId: '00000001',
    key: MERCHANT_KEY,
    timeout: TIMEOUT,
    queryAttempts: 1,
  });

const user = { openId: SAMPLE.openId, accessToken: ACCESS_TOKEN };

/** A valid input of every open-platform interface. */
export const INPUTS: Readonly<Record<OpenApiName, unknown>> = {
  token: { code: LOGIN_CODE, grantType: 'authorization_code' },
  'user.mobile': user,
  'user.auth': user,
  verifyPwdSeqId: {
    openId: SAMPLE.openId,
    bizOrderId: '711076926887122',
    bizType: '4h',
    merchantId: '474919534200503',
    notifyUrl: 'https://notify.example.com/n',
  },
  'contract.apply': { ...user, planId: SAMPLE.planId, contractCode: '684916616616' },
  'contract.relieve': {
    openId: SAMPLE.openId,
    contractId: '62184000000000000001',
    planId: SAMPLE.planId,
    contractCode: '684916616616',
  },
  'contract.status': { openId: SAMPLE.openId },
  'contract.info': { openId: SAMPLE.openId, planId: SAMPLE.planId },
  'new.msg.push': { openId: SAMPLE.openId, content: 'hello', url: 'https://m.example.com/' },
  'return.tax': { refundNo: '1232144356436' },
  putIndustryCard: SAMPLE_CARD,
  'red.packet.give': {
    insAcctId: SAMPLE.insAcctId,
    transNumber: '20191029163610128532046164531',
    openId: SAMPLE.openId,
    pointAt: 100,
  },
  'red.packet.select': {
    insAcctId: SAMPLE.insAcctId,
    transNumber: '1320190910000368',
    transDt: '20191021',
    transTm: '20191021142022',
  },
  'qual.select': { qualNum: SAMPLE.qualNum, qualType: 'mobile', qualValue: SAMPLE.mobile },
  'qual.send': { ...SAMPLE_GRANT, startDate: '20191029', endDate: '20191031' },
  'qual.reduce': {
    activityNumber: '1320190910000374',
    qualNum: SAMPLE.qualNum,
    qualType: 'mobile',
    qualValue: SAMPLE.mobile,
    transNumber: '9865785412639875641235874156728',
  },
};

/** Call interface `api` with its sample input. */
export const callApi = (platform: OpenPlatform, api: OpenApiName): Promise<unknown> =>
  platform.call(api, INPUTS[api] as never);

/** One upstream call of each family, by name. */
export function familyCalls(
  baseUrl: string,
): Readonly<Record<(typeof CALLS)[number], () => Promise<unknown>>> {
  const platform = platformAt(baseUrl);
  const preOrder = preOrderAt(baseUrl);
  return {
    'signer frontToken': () => signerAt(baseUrl).frontToken(),
    'open platform qual.send': () => callApi(platform, 'qual.send'),
    'login exchangeCode': () => loginAt(baseUrl).exchangeCode(LOGIN_CODE),
    'pre-order wechatPreOrder': () =>
      preOrder.wechatPreOrder({
        outTradeNo: 'W000000001',
        body: 'Coffee',
        totalFee: 1200,
        subAppId: 'wxaee08d155d9de0c5',
        openId: 'oRA5quGvJc1wwwjMW-tnpLLqD-FM',
      }),
    'pre-order queryOrder': () => preOrder.queryOrder({ wallet: 'wechat', outTradeNo: 'W000000001' }),
  };
}
