/**
 * The reader's names the package's TSDoc examples assume without showing, beyond the README's
 * (../readme/context.d.ts): objects made earlier with the package, values from the reader's
 * request or configuration, and the reader's own functions. Names from upsdk-kit itself are
 * imported by the test (helpers/tsdoc-examples.ts).
 */
import type * as NodeHttp from 'node:http';
import type { AudioRecording, ChunkSource } from 'upsdk-kit/media';
import type { Signer } from 'upsdk-kit/server';
import type { LoginService } from 'upsdk-kit/server/open-platform';
import type { PreOrderClient, RefundInput } from 'upsdk-kit/server/preorder';

declare global {
  // Made earlier with the package.
  const signer: Signer;
  const login: LoginService;
  const provider: PreOrderClient;
  const recording: AudioRecording;
  const source: ChunkSource;
  // Values from the request, the session or the configuration.
  const code: string;
  const url: string;
  const deviceId: string;
  const tokenId: string;
  const timestamp: string;
  const nonceStr: string;
  const signature: string;
  const symmetricKey: string;
  const partnerKey: string;
  const upPublicKey: string;
  const key: string;
  const subAppId: string;
  const outTradeNo: string;
  const outRefundNo: string;
  /** The refund asked before, sent again under the same outRefundNo. */
  const sameRefundAgain: RefundInput;
  /** From the mini-program's wx.login(). */
  const jsCode: string;
  const bizOrderId: string;
  const merchantId: string;
  const notifyUrl: string;
  const buyerId: string;
  const tradeNO: string;
  /** The pre-order's pay_info for WeixinJSBridge, as the server answered it. */
  const payInfo: string;
  const agent_id: string;
  const mch_id: string;
  const HEART_RATE: string;
  const request: Request;
  const form: URLSearchParams;
  const platformReply: { readonly resp: string };
  const user: { readonly openId: string; readonly accessToken: string };
  const ref: { readonly deviceId: string; readonly serviceId: string; readonly characteristicId: string };
  const img: HTMLImageElement;
  const hash: { update(bytes: Uint8Array): void };
  const sessions: { create(openId: string): Promise<string> };
  const http: typeof NodeHttp;
  // The reader's own functions.
  function upload(bytes: Uint8Array): Promise<void>;
  function answer(command: Uint8Array): Uint8Array;
  function reply(command: Uint8Array): Uint8Array;
  function retryLater(): void;
  function finishLogin(): void;
  function alertOps(message: string): void;
  function showNoPermission(): void;
  function showNotInAppBanner(error: unknown): void;
  function redirectToAuthorize(): Response;
  function forgetUser(openId: string): Promise<void>;
  function pollOrder(): Promise<void>;
}
