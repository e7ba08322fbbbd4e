/**
 * One mechanism for both wallets' JS bridges: wait until the bridge global
 * exists (at once if it does, else on its ready event, bounded by
 * `bridgeTimeout`), hand it the request, and settle once with what its
 * callback answers — or a timeout, or the abort. Every listener and timer
 * is removed whichever way it ends.
 */
import type { UpsdkError } from '../client/errors.js';
import { callFailed, walletError } from './outcome.js';
import { walletWait, type WalletWaitControl } from './wallet-wait.js';

/** A wallet bridge's calling convention: `bridge[method](api, params, callback)`. */
type BridgeMethod = (api: string, params: object, callback: (answer: unknown) => void) => void;

/** How one wallet's bridge is reached and how its answer reads. */
export interface WalletBridge {
  /** The wallet's pay API (`getBrandWCPayRequest`, `tradePay`), also the `plugin` of its errors. */
  readonly api: string;
  /** The global the wallet injects (`WeixinJSBridge`); `${global}Ready` fires on the document once it is there. */
  readonly global: string;
  /** The global's method that takes `(api, params, callback)`: `invoke` (WeChat), `call` (Alipay). */
  readonly method: string;
  /** `undefined` when the payload means paid, else the error to reject with. */
  readonly judge: (payload: unknown) => UpsdkError | undefined;
}

/** Where and how long. */
export interface WalletBridgeControl extends WalletWaitControl {
  /** Milliseconds to wait for the bridge to appear. */
  readonly bridgeTimeout: number;
}

/**
 * Call `bridge` in `win` with a copy of `params` (a bridge may write onto
 * what it is given); resolves with its raw answer when it means paid.
 */
export function callWalletBridge(
  bridge: WalletBridge,
  params: object,
  win: Window,
  control: WalletBridgeControl,
): Promise<unknown> {
  const { api, global, method, judge } = bridge;
  const ready = `${global}Ready`;
  return walletWait(api, control, (resolve, reject) => {
    const stop = (): void => {
      clearTimeout(timer);
      win.document.removeEventListener(ready, send);
    };
    // Sends once the global has the method (a stray ready event without it keeps the wait going).
    const send = (): void => {
      const target = (win as unknown as Record<string, Record<string, BridgeMethod> | undefined>)[global];
      if (typeof target?.[method] !== 'function') return;
      stop();
      try {
        target[method](api, { ...params }, (payload) => {
          const error = judge(payload);
          if (error) reject(error);
          else resolve(payload);
        });
      } catch (thrown) {
        // Thrown here, it would escape into the ready-event listener (or reject untyped) and the
        // payment would wait for its whole timeout; the wallet took nothing, so it failed.
        reject(callFailed(api, `${global}.${method}`, thrown));
      }
    };
    const timer = setTimeout(
      () =>
        reject(
          walletError(
            'unavailable',
            api,
            `${global} did not become ready within ${control.bridgeTimeout} ms`,
          ),
        ),
      control.bridgeTimeout,
    );
    win.document.addEventListener(ready, send);
    send();
    return stop;
  });
}
