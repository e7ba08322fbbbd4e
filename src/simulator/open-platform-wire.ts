/**
 * What every backend interface of the fake open platform shares: the
 * `{resp, msg, params}` reply (spec §2.3), required fields answered with the
 * §7.7 "… is empty" codes, and the appId / backendToken check.
 */

/** What the interface modules need from the platform around them. */
export interface PlatformState {
  readonly apps: Readonly<Record<string, string>>;
  readonly defaultApp: string;
  readonly clock: () => number;
  /** Whether `token` is the valid backendToken of `appId`. */
  isBackendToken(token: string, appId: string): boolean;
  /** Whether `token` is a valid user accessToken (§4.3) of `appId` for `openId`. */
  isUserAccessToken(token: string, appId: string, openId: string): boolean;
}

/** Which token a field takes: the app's backendToken, or the user's accessToken from the login (§4.3). */
export type TokenKindAccepted = 'backendToken' | 'userAccessToken';

/** A JSON reply; `params` left out when undefined. */
export const reply = (resp: string, msg: string, params?: Readonly<Record<string, unknown>>): Response =>
  new Response(JSON.stringify(params ? { resp, msg, params } : { resp, msg }), {
    headers: { 'content-type': 'application/json' },
  });

/** A success in the `{"result": {resp, msg, params}}` wrapper three of the spec's samples show (§5.4.5, §5.5.1, §5.6.1). */
export const wrapped = (params: Readonly<Record<string, unknown>>): Response =>
  new Response(JSON.stringify({ result: { resp: '00', msg: '成功', params } }), {
    headers: { 'content-type': 'application/json' },
  });

/** Required fields §7.7 has no "… is empty" code for: the fake's own code `simulated_missing_field` names them. */
export const undocumented = <K extends string>(...names: readonly K[]): Readonly<Record<K, string>> =>
  Object.fromEntries(names.map((name) => [name, 'simulated_missing_field'])) as Record<K, string>;

/** The request fields `names` (name → reply code when empty, §7.7 N621xx), or the reply naming the first one missing. */
export function required<K extends string>(
  body: Record<string, unknown>,
  names: Readonly<Record<K, string>>,
): Response | Readonly<Record<K, string>> {
  for (const [name, resp] of Object.entries<string>(names)) {
    if (typeof body[name] !== 'string' || body[name] === '')
      return reply(resp, `${name}不能为空 (${name} is required)`);
  }
  return body as Record<K, string>;
}

/**
 * What every backend interface checks first: its fields, a known appId, a
 * valid backendToken (§7.7) — sent as `tokenField` (§5.3.1 calls it
 * `accessToken`), or with `accepts: 'userAccessToken'` the user's own
 * accessToken for the request's `openId`.
 */
export function authenticate<K extends string>(
  platform: PlatformState,
  body: Record<string, unknown>,
  names: Readonly<Record<K, string>>,
  tokenField: 'backendToken' | 'accessToken' = 'backendToken',
  accepts: TokenKindAccepted = 'backendToken',
): Response | Readonly<Record<K | 'appId', string>> {
  const tokenCode = tokenField === 'backendToken' ? 'N62101' : 'N62109';
  const fields = required(body, { appId: 'N62100', [tokenField]: tokenCode, ...names } as Record<
    K | 'appId' | typeof tokenField,
    string
  >);
  if (fields instanceof Response) return fields;
  if (platform.apps[fields.appId] === undefined) return reply('N62126', '缓存中不包含此商户appId');
  const token = fields[tokenField];
  if (accepts === 'userAccessToken') {
    const openId = typeof body.openId === 'string' ? body.openId : '';
    // The spec documents no code for a bad user token here; the fake's own code says so.
    if (!platform.isUserAccessToken(token, fields.appId, openId)) {
      return reply('simulated_invalid_access_token', "accessToken is not this openId's valid user token");
    }
  } else if (!platform.isBackendToken(token, fields.appId)) {
    return reply('a10', '不合法的backend_token，或已过期');
  }
  return fields;
}

/** `yyyyMMddHHmmss` (and `yyyy-MM-dd HH:mm:ss`) in Beijing time, as the platform writes times. */
export function beijingStamp(ms: number, dashed = false): string {
  const iso = new Date(ms + 8 * 3600_000).toISOString();
  return dashed ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.replace(/\D/g, '').slice(0, 14);
}

/** Wait `ms`, or less if the caller gave up (so an in-process fetch that timed out leaves no timer behind). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
