/** The fake ACP gateway and a merchant's notification endpoint on loopback, and a client over real HTTP. */
import { createAcpClient, createAcpNotificationHandler } from '../../../src/server/acp/index.js';
import type {
  AcpClient,
  AcpClientOptions,
  AcpNotification,
  AcpNotificationOptions,
} from '../../../src/server/acp/index.js';
import {
  createFakeAcpGateway,
  type FakeAcpGateway,
  type FakeAcpGatewayOptions,
} from '../../../src/simulator/acp/index.js';
import { later, served } from '../helpers/cleanup.js';

export { later, served };

export interface AcpRig {
  readonly gateway: FakeAcpGateway;
  readonly acp: AcpClient;
  readonly origin: string;
  /** The merchant's notification endpoint. */
  readonly backUrl: string;
  /** Events handed to `onNotification`, in order. */
  readonly events: AcpNotification[];
  readonly clientOptions: AcpClientOptions;
}

/** Gateway, notification endpoint and client, every one closed after the test. */
export async function rig(
  clientOptions: Partial<AcpClientOptions> = {},
  gatewayOptions: FakeAcpGatewayOptions = {},
  handlerOptions: Partial<AcpNotificationOptions> = {},
): Promise<AcpRig> {
  const gateway = createFakeAcpGateway({ notifySchedule: [0, 50, 50], ...gatewayOptions });
  later(() => gateway.close());
  const { url: origin } = await served(gateway.handle);
  const events: AcpNotification[] = [];
  const notify = createAcpNotificationHandler({
    merId: gateway.merId,
    rootCert: gateway.ca.rootPem,
    middleCert: gateway.ca.middlePem,
    onNotification: (event) => void events.push(event),
    ...handlerOptions,
  });
  const { url: merchant } = await served(notify);
  const options: AcpClientOptions = {
    merId: gateway.merId,
    signing: { pfx: gateway.ca.merchant.pfx, password: gateway.ca.merchant.password },
    gateway: `${origin}/gateway/api/`,
    rootCert: gateway.ca.rootPem,
    middleCert: gateway.ca.middlePem,
    backUrl: `${merchant}/acp/notify`,
    ...clientOptions,
  };
  return {
    gateway,
    acp: await createAcpClient(options),
    origin,
    backUrl: `${merchant}/acp/notify`,
    events,
    clientOptions: options,
  };
}

let serial = 0;
/** A fresh order id (8–40 letters/digits). */
export const newOrderId = (prefix = 'T'): string =>
  `${prefix}${Date.now()}${String(++serial).padStart(4, '0')}`;

/** Narrow an ok-or-unknown result to ok, failing loudly otherwise. */
export function ok<T extends { outcome: string }>(result: T): Extract<T, { outcome: 'ok' }> {
  if (result.outcome !== 'ok') throw new Error(`expected outcome ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { outcome: 'ok' }>;
}
