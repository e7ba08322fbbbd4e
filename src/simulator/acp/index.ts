/**
 * `upsdk-kit/simulator/acp` (Node only): a fake UnionPay ACP gateway and the
 * TEST CA it signs with. TEST keys only, made at run time; never real ones.
 */
export { createFakeAcpGateway, SIMULATED_ACP_MER_ID } from './gateway.js';
export type {
  FakeAcpClientOptions,
  FakeAcpFault,
  FakeAcpGateway,
  FakeAcpGatewayOptions,
  FakeAcpPayOutcome,
  FakeAcpState,
  FakeAcpTransaction,
} from './gateway.js';
export { createAcpTestCa, sharedAcpTestCa, TEST_PFX_PASSWORD, UNIONPAY_OWNER } from './test-ca.js';
export type { AcpTestCa, AcpTestCertVariant, AcpTestIdentity, AcpTestMerchant } from './test-ca.js';
export type {
  Delivery as FakeAcpDelivery,
  NotificationAttempt as FakeAcpNotificationAttempt,
} from '../gateway-notifier.js';
