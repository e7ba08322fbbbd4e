/**
 * One signed request to the provider: common fields and the signature
 * added, form-encoded POST over the shared upstream transport, the JSON
 * answer read as strings and its `sign` verified when present. Failures
 * become {@link PreOrderError}s, with the merchant key redacted from them.
 */
import { signedFields, type AggregatorParams } from '../../shared/aggregator-signature.js';
import { createNonce } from '../../shared/signature.js';
import { PreOrderError, providerRefusal } from './errors.js';
import { signPreOrderParams, verifyPreOrderParams, type PreOrderSignAlgorithm } from './signature.js';
import { textOf } from '../../shared/text-of.js';
import type { Redactor } from '../shared/redact.js';
import { upstreamRequest } from '../shared/transport.js';
import { TransportError } from '../shared/transport-error.js';

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
  /** Milliseconds per request, reading the answer included. */
  readonly timeout: number;
  /** Largest answer accepted, in bytes. */
  readonly maxReplyBytes: number;
}

/** `answer` with the call's secrets redacted, for errors. */
const redactAnswer = (answer: ProviderAnswer, redact: Redactor): ProviderAnswer =>
  Object.fromEntries(Object.entries(answer).map(([name, value]) => [name, redact(value)]));

/** The answer's fields as strings; a body that is no JSON object is a bad reply (its start shown redacted). */
function read(operation: string, text: string, redact: Redactor): ProviderAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PreOrderError({
      code: 'upstream_bad_reply',
      msg: `not a JSON object: ${redact(text.slice(0, 80))}`,
      plugin: operation,
      retryable: true,
    });
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
  const reply = await upstreamRequest({
    operation,
    url: new URL(path, settings.baseUrl),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    timeoutMs: settings.timeout,
    maxReplyBytes: settings.maxReplyBytes,
    signal,
    secrets: [settings.key],
    fetch: settings.fetch,
  }).catch((error: unknown) => {
    if (!(error instanceof TransportError)) throw error;
    throw new PreOrderError({
      code: error.code,
      msg: error.detail,
      plugin: operation,
      retryable: error.retryable,
      cause: error,
    });
  });
  const answer = read(operation, reply.body, reply.redact);
  if (answer.sign !== undefined && !verifyPreOrderParams(answer, settings.key, settings.algorithm)) {
    throw new PreOrderError({
      code: 'bad_signature',
      msg: "the answer's sign does not verify with the merchant key",
      plugin: operation,
      raw: redactAnswer(answer, reply.redact),
    });
  }
  if (answer.state !== 'SUCCESS' || /^[23]/.test(answer.code ?? '')) {
    throw providerRefusal(operation, redactAnswer(answer, reply.redact));
  }
  return answer;
}
