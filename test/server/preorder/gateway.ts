/** The fake provider gateway served on loopback, and a pre-order client talking to it over real HTTP. */
import { expect } from 'vitest';
import {
  PreOrderError,
  createPreOrderClient,
  type PreOrderClient,
  type PreOrderClientOptions,
  type WeChatPreOrderInput,
  type AlipayPreOrderInput,
} from '../../../src/server/preorder/index.js';
import {
  createFakePreOrderGateway,
  SIMULATED_AGENT_ID,
  SIMULATED_MCH_ID,
  SIMULATED_MCH_KEY,
  type FakePreOrderGateway,
  type FakePreOrderGatewayOptions,
} from '../../../src/simulator/index.js';
import { later, served } from '../helpers/cleanup.js';

export { later, served };

export interface GatewayRig {
  readonly gateway: FakePreOrderGateway;
  readonly provider: PreOrderClient;
  readonly url: string;
}

/** A fake gateway on a loopback port and a client signing with the simulated merchant key. */
export async function rig(
  clientOptions: Partial<PreOrderClientOptions> = {},
  gatewayOptions: FakePreOrderGatewayOptions = {},
): Promise<GatewayRig> {
  const gateway = createFakePreOrderGateway(gatewayOptions);
  later(() => gateway.close());
  const { url } = await served(gateway.handle);
  const provider = createPreOrderClient({
    baseUrl: url,
    agentId: SIMULATED_AGENT_ID,
    mchId: SIMULATED_MCH_ID,
    key: SIMULATED_MCH_KEY,
    ...clientOptions,
  });
  return { gateway, provider, url };
}

let orderCount = 0;

/** A fresh WeChat JSPAY order. */
export const wechatOrder = (extra: Partial<WeChatPreOrderInput> = {}): WeChatPreOrderInput => ({
  outTradeNo: `T${Date.now()}${++orderCount}`,
  body: 'Coffee',
  totalFee: 1200,
  subAppId: 'wxaee08d155d9de0c5',
  openId: 'oRA5quGvJc1wwwjMW-tnpLLqD-FM',
  ...extra,
});

/** A fresh Alipay JSPAY order. */
export const alipayOrder = (extra: Partial<AlipayPreOrderInput> = {}): AlipayPreOrderInput => ({
  outTradeNo: `A${Date.now()}${++orderCount}`,
  body: 'Tea',
  totalFee: 800,
  productId: 'tea-001',
  buyerId: '2088822494428872',
  ...extra,
});

/** The {@link PreOrderError} `promise` rejects with (fails the test if it resolves or rejects otherwise). */
export async function failure(promise: Promise<unknown>): Promise<PreOrderError> {
  const reason: unknown = await promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(PreOrderError);
  return reason as PreOrderError;
}
