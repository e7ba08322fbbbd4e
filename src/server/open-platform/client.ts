/**
 * `createOpenPlatform`: one typed client for the open platform's backend
 * interfaces (spec §4.3, §5.2–§5.8). One generic call runs every row of the
 * interface table: check the caller's fields, add the appId and the
 * backendToken (from the signer's shared cache), sign with the partner key
 * where the spec asks, encrypt the secret fields, POST, turn refusals into
 * typed errors, replace a rejected backendToken once (a10), decrypt and
 * shape the answer. The typed methods are thin names over that call.
 */
import type { KeyObject } from 'node:crypto';
import { fail, validated } from '../../shared/validate.js';
import { createNonce, unixTimestamp } from '../../shared/signature.js';
import { LoginError, OpenApiError, invalidArgument, type OpenApiName } from '../login/errors.js';
import { decrypt3des, encrypt3des, parseSymmetricKey } from '../login/triple-des.js';
import type {
  MethodName,
  OpenPlatformApis,
  OpenPlatformCallOptions,
  OpenPlatformMethods,
} from './api-types.js';
import { TOKEN_REJECTED } from './codes.js';
import { beijingTime } from './fields.js';
import { INTERFACES, SENSITIVE_FIELDS, type InterfaceSpec } from './interfaces.js';
import { parsePartnerKey, partnerSignature } from './partner-key.js';
import { DEFAULT_MAX_REPLY_BYTES } from '../shared/transport.js';
import { callOpenApi, OPEN_PLATFORM_ORIGIN, type OpenApiTransport, type ReplyParams } from './transport.js';

/**
 * Where backendTokens come from: cached, shared between instances and
 * refreshed once when reported bad. `createSigner(...)` satisfies it as is.
 */
export interface BackendTokenSource {
  /** The appId the tokens belong to. */
  readonly appId: string;
  /** The current backendToken and an id to report it by. */
  backendToken(): Promise<{ readonly token: string; readonly tokenId: string }>;
  /** The platform rejected the token with this id (`a10`): the next `backendToken()` should be a fresh one. */
  invalidate(tokenId: string, kind: 'backendToken'): Promise<unknown>;
}

/** One finished platform call, for logs and metrics: names and codes only, never field values. */
export interface OpenPlatformEvent {
  readonly type: 'open_api_call';
  readonly api: OpenApiName;
  /** 1, or 2 when a rejected backendToken was replaced. */
  readonly attempt: number;
  /** `00`, the platform's refusal code, or one of ours (`upstream_timeout`, …). */
  readonly code: string;
  readonly durationMs: number;
}

/** Options of {@link createOpenPlatform}. */
export interface OpenPlatformOptions {
  /** Source of backendTokens: the signer (`createSigner`) shares its cache. */
  readonly tokens: BackendTokenSource;
  /** The hex 3DES key UnionPay issued; needed by interfaces with encrypted fields. */
  readonly symmetricKey?: string | undefined;
  /**
   * Your RSA private key (PEM, base64 PKCS#8 or a KeyObject) whose public half
   * UnionPay holds; needed by `verifyPwdSeqId`, `red.packet.give`, `qual.send`, `qual.reduce`.
   */
  readonly partnerKey?: string | KeyObject | undefined;
  /** Default the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** Origin of the open platform. Default `https://open.95516.com`. */
  readonly baseUrl?: string | undefined;
  /** Milliseconds per platform request, reading the reply included, 100…120000. Default 10000. */
  readonly timeout?: number | undefined;
  /** Largest reply accepted, in bytes; a larger one is `upstream_too_large`. Default 1 MiB. */
  readonly maxReplyBytes?: number | undefined;
  /**
   * Attempts of a query (an interface that only reads: `user.mobile`, `contract.status`, …) when the
   * failure may pass (timeout, connection, 5xx). Calls that move money or state are sent once. Default 2.
   */
  readonly queryAttempts?: number | undefined;
  /** Milliseconds since the epoch, for timestamps and default dates. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /** Receives one {@link OpenPlatformEvent} per platform request. */
  readonly log?: ((event: OpenPlatformEvent) => void) | undefined;
}

/** See {@link createOpenPlatform}. */
export type OpenPlatform = OpenPlatformMethods & {
  /** The appId every call is made for. */
  readonly appId: string;
  /** Call interface `api` by name; the typed methods are this. */
  call<K extends OpenApiName>(
    api: K,
    input: OpenPlatformApis[K]['input'],
    options?: OpenPlatformCallOptions,
  ): Promise<OpenPlatformApis[K]['output']>;
};

/** Describe a rejected value: sensitive ones by type and length only. */
function describe(field: string, value: unknown): string {
  if (value === undefined || value === null) return value === null ? 'null' : 'nothing';
  if (SENSITIVE_FIELDS.has(field)) {
    return typeof value === 'string' ? `a string of ${value.length} characters` : `a ${typeof value}`;
  }
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** The caller's fields checked and turned into wire strings (plaintext), in table order. */
function checkFields(
  api: OpenApiName,
  spec: InterfaceSpec,
  input: unknown,
  now: number,
): Record<string, string> {
  const given = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  // A credential check reports a description of the value's shape rather than the value itself.
  const reject = (field: string, expected: string, got: unknown): never => {
    const described = typeof got === 'string' && got !== given[field] && SENSITIVE_FIELDS.has(field);
    throw invalidArgument(api, field, expected, described ? got : describe(field, got));
  };
  validated(
    api,
    () => {
      for (const [name, field] of Object.entries(spec.request)) {
        let value = given[name];
        if ((value === undefined || value === '') && field.now) value = beijingTime(now)[field.now];
        if (value === undefined || value === '') {
          if (field.required) fail(name, 'given (the spec requires it)', value);
          continue;
        }
        fields[name] = field.check(name, value);
      }
      spec.rule?.(fields);
    },
    undefined,
    reject,
  );
  return fields;
}

const valueText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/**
 * Create the open-platform client.
 *
 * @example
 * ```ts
 * import { createSigner } from 'upsdk-kit/server';
 * import { createOpenPlatform } from 'upsdk-kit/server/open-platform';
 *
 * const signer = createSigner({ appId, secret, allowedOrigins: ['m.example.com'] });
 * const platform = createOpenPlatform({ tokens: signer, symmetricKey, partnerKey });
 * const { transNo } = await platform.verifyPwdSeqId({
 *   openId, bizOrderId: '711076926887122', bizType: '4h', merchantId: '474919534200503',
 *   notifyUrl: 'https://notify.example.com/upsdk/notifications',
 * });
 * ```
 */
export function createOpenPlatform(options: OpenPlatformOptions): OpenPlatform {
  const { tokens, log } = options;
  const key = options.symmetricKey === undefined ? undefined : parseSymmetricKey(options.symmetricKey);
  const partnerKey = options.partnerKey === undefined ? undefined : parsePartnerKey(options.partnerKey);
  const clock = options.clock ?? Date.now;
  const timeout = options.timeout ?? 10_000;
  if (!Number.isInteger(timeout) || timeout < 100 || timeout > 120_000) {
    throw invalidArgument('createOpenPlatform', 'timeout', 'an integer in 100…120000', String(timeout), 500);
  }
  const transport: OpenApiTransport = {
    fetch: options.fetch ?? globalThis.fetch,
    baseUrl: options.baseUrl ?? OPEN_PLATFORM_ORIGIN,
    timeout,
    maxReplyBytes: options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES,
    retry: { attempts: options.queryAttempts ?? 2, baseDelayMs: 100, maxDelayMs: 1_000, random: Math.random },
  };
  // Configured keys never show in an error, whatever the platform echoes.
  const keySecrets = [
    options.symmetricKey,
    typeof options.partnerKey === 'string' ? options.partnerKey : undefined,
  ];

  const missingOption = (api: OpenApiName, option: string, why: string): LoginError =>
    new LoginError({
      code: 'invalid_param',
      msg: `the \`${option}\` option is needed ${why}`,
      plugin: api,
      status: 500,
    });

  /** The body of one attempt: token, signature over plaintext, then encryption. */
  function body(
    spec: InterfaceSpec,
    fields: Record<string, string>,
    token: string | undefined,
  ): Record<string, string> {
    const plain: Record<string, string> = { appId: tokens.appId, ...fields };
    if (token !== undefined && spec.token !== 'none') plain[spec.token] = token;
    // `call` checked that the keys a spec needs are configured.
    if (spec.signed) {
      plain.nonceStr = createNonce();
      plain.timestamp = unixTimestamp(clock());
      plain.signature = partnerSignature(plain, partnerKey!);
    }
    for (const [name, field] of Object.entries(spec.request)) {
      if (field.encrypted && plain[name] !== undefined) plain[name] = encrypt3des(plain[name], key!);
    }
    return plain;
  }

  async function attempt(
    api: OpenApiName,
    spec: InterfaceSpec,
    fields: Record<string, string>,
    token: string | undefined,
    n: number,
    signal: AbortSignal | undefined,
  ): Promise<ReplyParams> {
    const started = clock();
    let code = '00';
    const sent = body(spec, fields, token);
    // The token, and every credential of the caller both as given and as sent (encrypted).
    const secrets = [token, ...keySecrets];
    for (const name of Object.keys(sent)) {
      if (SENSITIVE_FIELDS.has(name) || spec.request[name]?.encrypted) secrets.push(sent[name], fields[name]);
    }
    try {
      return await callOpenApi(transport, {
        api,
        path: spec.path,
        body: sent,
        flatReply: spec.flatReply === true,
        idempotent: spec.idempotent === true,
        secrets,
        signal,
      });
    } catch (error) {
      code = error instanceof OpenApiError ? error.code : 'aborted';
      throw error;
    } finally {
      log?.({ type: 'open_api_call', api, attempt: n, code, durationMs: clock() - started });
    }
  }

  /** Send with the current backendToken; on a rejected token, replace it and try once more. */
  async function send(
    api: OpenApiName,
    spec: InterfaceSpec,
    fields: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<ReplyParams> {
    // The caller's own token in the token field (§5.3.1's user accessToken): sent as is, never replaced.
    if (spec.token === 'none' || fields[spec.token] !== undefined) {
      return attempt(api, spec, fields, undefined, 1, signal);
    }
    const first = await tokens.backendToken();
    try {
      return await attempt(api, spec, fields, first.token, 1, signal);
    } catch (error) {
      if (!(error instanceof OpenApiError && TOKEN_REJECTED.has(error.code))) throw error;
      await tokens.invalidate(first.tokenId, 'backendToken');
      const second = await tokens.backendToken();
      return attempt(api, spec, fields, second.token, 2, signal);
    }
  }

  function answer(api: OpenApiName, spec: InterfaceSpec, params: ReplyParams): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(spec.reply)) {
      const raw = [name, ...(field.aliases ?? [])].map((alias) => params[alias]).find((v) => v !== undefined);
      const value = field.kind === 'object' ? raw : valueText(raw)?.trim();
      const bad = (why: string): OpenApiError =>
        new OpenApiError({ code: 'upstream_bad_reply', msg: `the reply's \`${name}\` ${why}`, api });
      if (field.required && (value === undefined || value === '')) throw bad('is missing');
      if (field.success !== undefined && value !== field.success) {
        const msg = `${name} ${valueText(raw) ?? ''}: the platform did not do it (only ${field.success} means done)`;
        throw new OpenApiError({ code: 'result_failed', msg, api, raw: params });
      }
      if (field.kind === 'object') {
        out[name] = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
      } else if (field.kind === 'encrypted') {
        out[name] = decrypt3des(typeof value === 'string' ? value : '', key!, name);
      } else if (field.kind === 'count') {
        if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) throw bad('is not a whole number');
        out[name] = Number(value);
      } else {
        out[name] = value ?? '';
      }
    }
    return out;
  }

  async function call(
    api: OpenApiName,
    input: unknown,
    callOptions: OpenPlatformCallOptions = {},
  ): Promise<Record<string, unknown>> {
    const spec = INTERFACES[api];
    const fields = checkFields(api, spec, input, clock());
    const needsKey =
      Object.values(spec.request).some((field) => field.encrypted) ||
      Object.values(spec.reply).some((field) => field.kind === 'encrypted');
    if (needsKey && !key)
      throw missingOption(api, 'symmetricKey', `to encrypt and decrypt \`${api}\` fields`);
    if (spec.signed && !partnerKey) throw missingOption(api, 'partnerKey', `to sign \`${api}\` requests`);
    return answer(api, spec, await send(api, spec, fields, callOptions.signal));
  }

  const methods: Record<string, unknown> = {};
  for (const api of Object.keys(INTERFACES) as OpenApiName[]) {
    const name = api.replace(/\.(\w)/g, (_, letter: string) => letter.toUpperCase()) as MethodName<
      typeof api
    >;
    methods[name] = (input: unknown, callOptions?: OpenPlatformCallOptions) => call(api, input, callOptions);
  }
  return { ...methods, appId: tokens.appId, call } as unknown as OpenPlatform;
}
