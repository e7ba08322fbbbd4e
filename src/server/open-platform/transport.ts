/**
 * One POST to an open-platform backend interface (spec §2.2–§2.3): JSON in,
 * `{resp, msg, params}` out, anything but `resp: '00'` an {@link OpenApiError}.
 */
import { InvalidCodeError, OpenApiError, type OpenApiName } from '../login/errors.js';
import { describeCode } from './codes.js';

/** The production open platform. */
export const OPEN_PLATFORM_ORIGIN = 'https://open.95516.com';

/** How to reach the platform. */
export interface OpenApiTransport {
  readonly fetch: typeof fetch;
  /** Origin (and optional path prefix) of the platform. */
  readonly baseUrl: string;
  /** Milliseconds per request. */
  readonly timeout: number;
}

/** The reply's fields, by name. */
export type ReplyParams = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The reply's fields. §2.2 says every reply is `{resp, msg, params}`, but the
 * §4.3 sample of `token` is flat (read as flat when there is no `resp`), and
 * the samples of §5.4.5, §5.5.1 and §5.6.1 wrap it in `{"result": …}`.
 */
function readReply(api: OpenApiName, body: unknown): ReplyParams {
  if (!isRecord(body)) {
    throw new OpenApiError({
      code: 'upstream_bad_reply',
      msg: 'the reply is not a JSON object',
      api,
      raw: body,
    });
  }
  const record = !('resp' in body) && isRecord(body.result) ? body.result : body;
  if (!('resp' in record)) return record;
  const resp = text(record.resp)?.trim() ?? '';
  const msg = text(record.msg) || describeCode(resp) || `the platform answered resp ${JSON.stringify(resp)}`;
  if (resp === 'a31') throw new InvalidCodeError(msg, body);
  if (resp !== '00') throw new OpenApiError({ code: resp || 'upstream_bad_reply', msg, api, raw: body });
  return isRecord(record.params) ? record.params : {};
}

/**
 * POST `body` to `path` (interface `api`) and answer its `params`.
 *
 * @throws {@link OpenApiError} for a refusal (`resp` code), HTTP error, timeout, network failure or garbage;
 *   {@link InvalidCodeError} for `a31`; the signal's reason when `signal` aborts.
 */
export async function callOpenApi(
  transport: OpenApiTransport,
  api: OpenApiName,
  path: string,
  body: Readonly<Record<string, string>>,
  signal?: AbortSignal,
): Promise<ReplyParams> {
  const timeout = AbortSignal.timeout(transport.timeout);
  let status: number;
  let raw: string;
  try {
    const response = await transport.fetch(new URL(path, transport.baseUrl).href, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    status = response.status;
    raw = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const timedOut = timeout.aborted;
    throw new OpenApiError({
      code: timedOut ? 'upstream_timeout' : 'upstream_unreachable',
      msg: timedOut ? `no answer within ${transport.timeout} ms` : 'the platform could not be reached',
      api,
      cause: error,
    });
  }
  if (status < 200 || status > 299) {
    throw new OpenApiError({ code: `upstream_http_${status}`, msg: `HTTP ${status}`, api });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new OpenApiError({ code: 'upstream_bad_reply', msg: 'the reply is not JSON', api });
  }
  return readReply(api, parsed);
}
