/** The one error type of the pre-order client and notification handler. */
import { UpsdkError, type UpsdkErrorInit } from '../../shared/error.js';

/** Fields of a {@link PreOrderError}. */
export interface PreOrderErrorInit extends UpsdkErrorInit {
  /** The provider's `state` (`SUCCESS`, `FAIL`, `VER`), when it answered. */
  readonly state?: string | undefined;
  /** The provider's `code` (`20002`, `20007`, …), when it answered one. */
  readonly providerCode?: string | undefined;
  /** The provider's `trade_state`, when it answered one. */
  readonly tradeState?: string | undefined;
  /** Whether trying again may succeed (timeouts, 5xx, unparseable answers, the provider's network error). */
  readonly retryable?: boolean | undefined;
}

/**
 * A pre-order, order query or notification failed. `code` is one of:
 * `invalid_param` (our checks, before any request), `signature_rejected`
 * (provider 20002), `provider_invalid_param` (20004), `merchant_error`
 * (20005, 20013), `agent_error` (20012), `not_found` (20007),
 * `refund_refused` (20008), `provider_error` (20006 and other codes), `provider_network` (30001),
 * `version_too_old` (state `VER`), `trade_failed` (a pre-order whose
 * `trade_state` is not SUCCESS), `bad_signature` (the answer's `sign` does
 * not verify), or one of the upstream transport's codes: `upstream_timeout`
 * (headers, a stalled or dripping body), `upstream_unreachable`,
 * `upstream_interrupted` (a reset in mid-body), `upstream_redirected`,
 * `upstream_too_large`, `upstream_http_<status>`, `upstream_bad_reply`. The
 * merchant key is redacted from `msg` and `raw` whatever the provider echoes.
 *
 * @example
 * ```ts
 * try {
 *   await provider.wechatPreOrder({ outTradeNo, body: 'Coffee', totalFee: 1200, subAppId, openId });
 * } catch (error) {
 *   if (error instanceof PreOrderError && error.retryable) retryLater();
 * }
 * ```
 */
export class PreOrderError extends UpsdkError {
  override name = 'PreOrderError';
  readonly state: string | undefined;
  readonly providerCode: string | undefined;
  readonly tradeState: string | undefined;
  readonly retryable: boolean;

  constructor(init: PreOrderErrorInit) {
    super(init);
    this.state = init.state;
    this.providerCode = init.providerCode;
    this.tradeState = init.tradeState;
    this.retryable = init.retryable ?? false;
  }
}

/** Our code for a provider `code` that means failure. */
const PROVIDER_CODES: Readonly<Record<string, string>> = {
  '20002': 'signature_rejected',
  '20003': 'bad_signature',
  '20004': 'provider_invalid_param',
  '20005': 'merchant_error',
  '20006': 'provider_error',
  '20007': 'not_found',
  '20008': 'refund_refused',
  '20012': 'agent_error',
  '20013': 'merchant_error',
  '30001': 'provider_network',
};

/** The error for a provider answer that refused the request (`state` not SUCCESS, or a 2xxxx/3xxxx code). */
export function providerRefusal(operation: string, answer: Readonly<Record<string, string>>): PreOrderError {
  const { state, code: providerCode, trade_state: tradeState } = answer;
  const code = state === 'VER' ? 'version_too_old' : (PROVIDER_CODES[providerCode ?? ''] ?? 'provider_error');
  return new PreOrderError({
    code,
    msg: answer.msg || `the provider answered state ${state ?? '?'}, code ${providerCode ?? '?'}`,
    plugin: operation,
    raw: answer,
    state,
    providerCode,
    tradeState,
    retryable: code === 'provider_network' || code === 'provider_error',
  });
}
