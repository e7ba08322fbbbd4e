/**
 * One POST to an open-platform backend interface (spec §2.2–§2.3) over the
 * shared upstream transport: JSON in, `{resp, msg, params}` out, anything but
 * `resp: '00'` an {@link OpenApiError}. A reply without `resp` is a bad reply,
 * except for the interfaces the table names as flat (§4.3 `token`).
 */
import { InvalidCodeError, OpenApiError, type OpenApiName } from '../login/errors.js';
import { redactValue, type Redactor } from '../shared/redact.js';
import type { RetryPolicy } from '../shared/retry.js';
import { upstreamRequest } from '../shared/transport.js';
import { TransportError } from '../shared/transport-error.js';
import { describeCode } from './codes.js';

/** The production open platform. */
export const OPEN_PLATFORM_ORIGIN = 'https://open.95516.com';

/** How to reach the platform. */
export interface OpenApiTransport {
  readonly fetch: typeof fetch;
  /** Origin (and optional path prefix) of the platform. */
  readonly baseUrl: string;
  /** Milliseconds per request, reading the reply included. */
  readonly timeout: number;
  /** Largest reply accepted, in bytes. */
  readonly maxReplyBytes: number;
  /** Attempts and backoff of the interfaces that only read (queries). */
  readonly retry: RetryPolicy;
}

/** What one call sends and how its reply is read. */
export interface OpenApiCall {
  readonly api: OpenApiName;
  readonly path: string;
  readonly body: Readonly<Record<string, string>>;
  /** The reply may be flat, without `resp` (§4.3 `token`'s sample); every other reply must carry `resp`. */
  readonly flatReply: boolean;
  /** Sending twice is harmless (a query): transient failures are retried. */
  readonly idempotent: boolean;
  /** Values no error may show: tokens, keys, user credentials of this call. */
  readonly secrets: readonly (string | undefined)[];
  readonly signal?: AbortSignal | undefined;
}

/** The reply's fields, by name. */
export type ReplyParams = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The reply's fields. §2.2 says every reply is `{resp, msg, params}`; the
 * samples of §5.4.5, §5.5.1 and §5.6.1 wrap it in `{"result": …}`, and only
 * the interfaces marked flat may answer their fields without `resp`.
 */
function readReply(call: OpenApiCall, body: unknown, redact: Redactor): ReplyParams {
  const { api } = call;
  // Built only for an error: the body as received, echoed secrets redacted.
  const raw = (): unknown => redactValue(body, redact);
  const bad = (msg: string): OpenApiError =>
    new OpenApiError({ code: 'upstream_bad_reply', msg, api, raw: raw() });
  if (!isRecord(body)) throw bad('the reply is not a JSON object');
  const record = !('resp' in body) && isRecord(body.result) ? body.result : body;
  if (!('resp' in record)) {
    if (call.flatReply) return record;
    throw bad('the reply has no `resp` (§2.2: every reply carries resp, msg and params)');
  }
  const resp = redact(text(record.resp)?.trim() ?? '');
  const echoed = text(record.msg);
  const msg =
    (echoed && redact(echoed)) || describeCode(resp) || `the platform answered resp ${JSON.stringify(resp)}`;
  if (resp === 'a31') throw new InvalidCodeError(msg, raw());
  if (resp !== '00') throw new OpenApiError({ code: resp || 'upstream_bad_reply', msg, api, raw: raw() });
  return isRecord(record.params) ? record.params : {};
}

/**
 * POST the call's body to its path and answer the reply's `params`.
 *
 * @throws {@link OpenApiError} for a refusal (`resp` code), HTTP error, redirect, timeout, network
 *   failure, oversize or garbage; {@link InvalidCodeError} for `a31`; the signal's reason when it aborts.
 */
export async function callOpenApi(transport: OpenApiTransport, call: OpenApiCall): Promise<ReplyParams> {
  const { api } = call;
  const reply = await upstreamRequest({
    operation: api,
    url: new URL(call.path, transport.baseUrl),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(call.body),
    timeoutMs: transport.timeout,
    maxReplyBytes: transport.maxReplyBytes,
    signal: call.signal,
    secrets: call.secrets,
    idempotent: call.idempotent,
    retry: transport.retry,
    fetch: transport.fetch,
  }).catch((error: unknown) => {
    if (!(error instanceof TransportError)) throw error;
    throw new OpenApiError({ code: error.code, msg: error.detail, api, cause: error });
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.body);
  } catch {
    throw new OpenApiError({ code: 'upstream_bad_reply', msg: 'the reply is not JSON', api });
  }
  return readReply(call, parsed, reply.redact);
}
