/**
 * One outcome vocabulary for every wallet. Resolving means the wallet says
 * paid (confirm on the server); anything else is an `UpsdkError` whose
 * `code` is one of {@link WalletFailureCode}, the wallet's own answer kept
 * in `raw` and its text in `msg`.
 */
import { UpsdkError } from '../client/errors.js';
import { textOf } from '../shared/text-of.js';

/**
 * Why a wallet payment did not end paid:
 * - `cancel`: the user closed the cashier;
 * - `failed`: the wallet refused or the payment failed;
 * - `pending`: the result is unknown (Alipay 8000 / 6004) — query the order on the server;
 * - `network`: the wallet could not reach its server (Alipay 6002);
 * - `unavailable`: no wallet here, or none of the given inputs is for this wallet.
 * Besides these: `invalid_param` (bad input, before any bridge), `timeout`, and the abort reason.
 */
export type WalletFailureCode = 'cancel' | 'failed' | 'pending' | 'network' | 'unavailable';

/** An error of the wallet vocabulary. */
export function walletError(
  code: WalletFailureCode,
  plugin: string,
  msg: string,
  raw?: unknown,
  cause?: unknown,
): UpsdkError {
  return new UpsdkError({ code, msg, plugin, raw, cause });
}

/**
 * `failed`: the wallet's `call` threw or reported failure before the user saw
 * anything; `error` kept as `raw` and `cause`, its text in `msg`.
 */
export const callFailed = (plugin: string, call: string, error: unknown): UpsdkError =>
  walletError(
    'failed',
    plugin,
    `${call} failed: ${error instanceof Error ? error.message : textOf(error)}`,
    error,
    error,
  );
