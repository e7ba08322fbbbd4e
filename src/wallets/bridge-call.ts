/**
 * One mechanism for both wallets' JS bridges: wait until the bridge global
 * exists (at once if it does, else on its ready event, bounded by
 * `bridgeTimeout`), hand it the request, and settle once with what its
 * callback answers — or a timeout, or the abort. Every listener and timer
 * is removed whichever way it ends.
 */
import { UpsdkError, UpsdkTimeoutError } from '../client/errors.js';
import { settleOnce } from '../shared/settle-once.js';

/** A wallet bridge's calling convention: `bridge[method](api, params, callback)`. */
type BridgeMethod = (api: string, params: object, callback: (answer: unknown) => void) => void;

/** How one wallet's bridge is reached and how its answer reads. */
export interface WalletBridgeSpec {
  /** The wallet's API name, used as `plugin` in errors (`getBrandWCPayRequest`, `tradePay`). */
  readonly plugin: string;
  /** The global the wallet injects (`WeixinJSBridge`). */
  readonly global: string;
  /** The document event fired once the global is there (`WeixinJSBridgeReady`). */
  readonly readyEvent: string;
  /** The global's method that takes `(api, params, callback)`: `invoke` (WeChat), `call` (Alipay). */
  readonly method: string;
  /** The request; a copy is sent, since a bridge may write onto what it is given. */
  readonly params: object;
  /** `undefined` when the payload means paid, else the error to reject with. */
  judge(payload: unknown): UpsdkError | undefined;
}

/** Where and how long. */
export interface WalletBridgeControl {
  readonly window: Window;
  /** Milliseconds for the whole payment. */
  readonly timeout: number;
  /** Milliseconds to wait for the bridge to appear. */
  readonly bridgeTimeout: number;
  readonly signal?: AbortSignal | undefined;
}

/** Call the wallet's bridge; resolves with its raw answer when it means paid. */
export function callWalletBridge(spec: WalletBridgeSpec, control: WalletBridgeControl): Promise<unknown> {
  const { window: win } = control;
  // The bridge's method, once the global has it; the bridge is its `this`.
  const lookup = (): BridgeMethod | undefined => {
    const bridge = (win as unknown as Record<string, Record<string, unknown> | undefined>)[spec.global];
    const method = bridge?.[spec.method];
    return typeof method === 'function' ? (method.bind(bridge) as BridgeMethod) : undefined;
  };
  let detach = (): void => undefined;
  const paid = settleOnce<unknown>(
    (resolve, reject, settled) => {
      const send = (method: BridgeMethod): void =>
        method(spec.plugin, { ...spec.params }, (payload) => {
          if (settled()) return;
          const error = spec.judge(payload);
          if (error) reject(error);
          else resolve(payload);
        });
      const present = lookup();
      if (present) return send(present);
      const onReady = (): void => {
        const method = lookup();
        if (!method) return; // a stray event: keep waiting
        detach();
        send(method);
      };
      const timer = setTimeout(
        () =>
          reject(
            new UpsdkError({
              code: 'unavailable',
              msg: `${spec.global} did not become ready within ${control.bridgeTimeout} ms`,
              plugin: spec.plugin,
            }),
          ),
        control.bridgeTimeout,
      );
      win.document.addEventListener(spec.readyEvent, onReady);
      detach = () => {
        clearTimeout(timer);
        win.document.removeEventListener(spec.readyEvent, onReady);
      };
    },
    control.timeout,
    () => new UpsdkTimeoutError(spec.plugin, control.timeout),
    control.signal,
  );
  const cleanup = (): void => detach();
  // A side branch that only cleans up; handled on both paths so it never rejects unobserved.
  paid.then(cleanup, cleanup);
  return paid;
}
