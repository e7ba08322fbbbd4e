/**
 * One signed request to the provider: common fields and the signature
 * added, form-encoded POST, a timeout, the JSON answer read as strings and
 * its `sign` verified when present. Failures become {@link PreOrderError}s.
 */
import { signedFields, type AggregatorParams } from '../../shared/aggregator-signature.js';
import { createNonce } from '../../shared/signature.js';
import { PreOrderError, providerRefusal } from './errors.js';
import { signPreOrderParams, verifyPreOrderParams, type PreOrderSignAlgorithm } from './signature.js';
import { textOf } from '../../shared/text-of.js';

/** A provider answer, every value as a string. */
export type ProviderAnswer = Readonly<Record<string, string>>;

/** What every request needs. */
export interface TransportSettings {
  readonly baseUrl: string;
  readonly agentId: string;
  readonly mchId: string;
  readonly key: string;
  readonly pid: string;
  readonly version: string;
  readonly algorithm: PreOrderSignAlgorithm;
  readonly fetch: typeof fetch;
  readonly timeout: number;
}

const transportError = (operation: string, code: string, msg: string, retryable: boolean, cause?: unknown) =>
  new PreOrderError({ code, msg, plugin: operation, retryable, cause });

async function read(operation: string, response: Response): Promise<ProviderAnswer> {
  if (!response.ok) {
    await response.body?.cancel();
    const retryable = response.status >= 500 || response.status === 429;
    return Promise.reject(
      transportError(operation, `upstream_http_${response.status}`, `HTTP ${response.status}`, retryable),
    );
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw transportError(operation, 'upstream_bad_reply', `not a JSON object: ${text.slice(0, 80)}`, true);
  }
  const answer: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) if (value !== null) answer[name] = textOf(value);
  return answer;
}

/**
 * POST `fields` to `path`; resolves with the verified answer whose `state`
 * is SUCCESS and whose `code` is not an error (2xxxx/3xxxx).
 */
export async function providerRequest(
  settings: TransportSettings,
  operation: string,
  path: string,
  fields: AggregatorParams,
  signal?: AbortSignal,
): Promise<ProviderAnswer> {
  const params = signedFields({
    agent_id: settings.agentId,
    version: settings.version,
    pid: settings.pid,
    mch_id: settings.mchId,
    nonce_str: createNonce(32),
    ...fields,
  });
  // Spaces as %20, not `+`: a gateway that only percent-decodes (seed 002 names no rule) would
  // read `+` as a plus and refuse the signature; %20 reads the same under both rules.
  const body = new URLSearchParams({
    ...params,
    sign: signPreOrderParams(params, settings.key, settings.algorithm),
  })
    .toString()
    .replace(/\+/g, '%20');
  const timeout = AbortSignal.timeout(settings.timeout);
  let response: Response;
  try {
    response = await settings.fetch(new URL(path, settings.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) {
      throw transportError(
        operation,
        'upstream_timeout',
        `no answer within ${settings.timeout} ms`,
        true,
        error,
      );
    }
    throw transportError(operation, 'upstream_unreachable', 'the provider could not be reached', true, error);
  }
  const answer = await read(operation, response);
  if (answer.sign !== undefined && !verifyPreOrderParams(answer, settings.key, settings.algorithm)) {
    throw new PreOrderError({
      code: 'bad_signature',
      msg: "the answer's sign does not verify with the merchant key",
      plugin: operation,
      raw: answer,
    });
  }
  if (answer.state !== 'SUCCESS' || /^[23]/.test(answer.code ?? '')) throw providerRefusal(operation, answer);
  return answer;
}
