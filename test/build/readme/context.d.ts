/**
 * The reader's own code that README samples assume without showing: a
 * client made earlier, values from the reader's server, the reader's UI
 * functions and stores. Everything from upsdk-kit itself must be imported
 * by the sample (a missing import is an error), and a sample that declares
 * one of these names shadows it.
 */
import type { UpsdkClient } from 'upsdk-kit';
import type { AlbumFile } from 'upsdk-kit/media';
import type { createRedisStore } from 'upsdk-kit/server';
import type { OpenPlatform } from 'upsdk-kit/server/open-platform';
import type { Simulator } from 'upsdk-kit/simulator';
import type { AcpClient } from 'upsdk-kit/server/acp';

/** A store of the reader's app: every method takes some ids and settles. */
type AppStore = Readonly<Record<string, (...ids: readonly (string | number)[]) => Promise<void>>>;

declare global {
  // Made earlier in the page or the test.
  const client: UpsdkClient;
  const sim: Simulator;
  const signal: AbortSignal;
  const file: AlbumFile;
  // Values from the reader's server or configuration.
  const tn: string;
  const transNo: string;
  const appId: string;
  const secret: string;
  const allowedOrigins: readonly string[];
  const endpoint: string;
  const openId: string;
  const buyerOpenId: string;
  const accessToken: string;
  const planId: string;
  const transNumber: string;
  const draft: unknown;
  const order: { readonly id: string };
  // The reader's server side.
  const platform: OpenPlatform;
  // ACP (upsdk-kit/server/acp): the reader's client and configuration.
  const acp: AcpClient;
  const merId: string;
  const rootCert: string;
  const middleCert: string;
  const backUrl: string;
  const orderId: string;
  const txnTime: string;
  const origQryId: string;
  const gatewayUrl: string;
  const redis: Parameters<typeof createRedisStore>[0];
  const orders: AppStore;
  const contracts: AppStore;
  const users: AppStore;
  const app: { post(path: string, handler: (...args: never[]) => unknown): void };
  function respond(body: unknown): void;
  // The reader's UI.
  function render(value: unknown): void;
  function show(...values: unknown[]): void;
  function send(bytes: Uint8Array): Promise<void>;
  function openMenu(): void;
  function warnUser(): void;
  function showWhyWeAsk(): void;
  function showThanks(): void;
  function pollOrderStatus(): void;
  function showFailure(message: string): void;
  function respondTo(command: Uint8Array): Uint8Array;
}
