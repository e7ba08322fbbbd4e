/**
 * `upsdk-kit/server/acp`: UnionPay online payments (全渠道 ACP 5.1.0) for a
 * Node merchant server — the client that gets the `tn` behind `pay`, and the
 * notification handler.
 */
export { createAcpClient } from './client.js';
export { createAcpNotificationHandler } from './notification.js';
export type { AcpNotification, AcpNotificationOptions } from './notification.js';
export { AcpError } from './errors.js';
export { acpSettingsFromEnv, createAcpDemoEndpoint } from './demo.js';
export type { AcpDemoEndpoint, AcpDemoOptions, AcpTimelineEntry, AcpVerdict } from './demo.js';
export type { AcpEventType } from './fields.js';
export type { AcpFields } from './wire.js';
export type {
  AcpCallOptions,
  AcpClient,
  AcpClientOptions,
  AcpFile,
  AcpOrder,
  AcpOrderInput,
  AcpOriginalInput,
  AcpQueryResult,
  AcpSigningInput,
  AcpTransaction,
  AcpUnknown,
} from './types.js';
