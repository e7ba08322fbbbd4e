/**
 * A fake UnionPay open platform for the token endpoints (spec §5.1.1,
 * §5.1.2) as a web-standard `(Request) => Promise<Response>` handler, so it
 * runs in-process (`platform.fetch`) or behind any HTTP server.
 */
import { createNonce, tokenRequestSignature } from '../shared/signature.js';
import {
  createUserEndpoints,
  type FakeUserPlatform,
  type FakeUserPlatformOptions,
} from './open-platform-user.js';
import {
  createServiceEndpoints,
  type FakeServiceOptions,
  type FakeServicePlatform,
} from './open-platform-services.js';
import { delay } from './open-platform-wire.js';

/** appId and secret of the app the fake platform knows by default. */
export const SIMULATED_APP_ID = 'a5949221470c4059b9b0b45a90c81527';
export const SIMULATED_SECRET = 'simulated-secret-never-sent';
/**
 * The frontToken `installSimulator()` checks `config` signatures against unless told otherwise;
 * a fake platform created with `{ frontToken: SIMULATED_FRONT_TOKEN }` issues it.
 */
export const SIMULATED_FRONT_TOKEN = 'SIMULATED-FRONT-TOKEN==';

/** Token kinds the platform issues. */
export type TokenKind = 'frontToken' | 'backendToken';

/** A fault the next token request meets instead of a normal answer. */
export type UpstreamFault =
  | { readonly status: number }
  | { readonly garbage: true }
  | { readonly resp: string; readonly msg?: string }
  | { readonly delay: number };

/** Options of {@link createFakeOpenPlatform}. */
export interface FakeOpenPlatformOptions extends FakeUserPlatformOptions, FakeServiceOptions {
  /** Known apps, appId → secret. Default one app: {@link SIMULATED_APP_ID}. */
  readonly apps?: Readonly<Record<string, string>> | undefined;
  /** Token lifetime in seconds. Default 7200, as the real platform. */
  readonly lifetime?: number | undefined;
  /** Answer `expiresIn` as a string ("7200") instead of a number. Default false. */
  readonly expiresInAsString?: boolean | undefined;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /**
   * Issue this frontToken every time instead of a fresh random one. With
   * {@link SIMULATED_FRONT_TOKEN}, a signer fetching its tokens here signs what
   * `installSimulator()` accepts by default (`upsdk-kit serve --simulate`).
   */
  readonly frontToken?: string | undefined;
}

/** A running fake platform. */
export interface FakeOpenPlatform extends FakeUserPlatform, FakeServicePlatform {
  /** Handle one HTTP request (POST /open/access/1.0/frontToken or /backendToken). */
  handle(request: Request): Promise<Response>;
  /** A `fetch` that answers from this platform whatever the host, for in-process use. */
  readonly fetch: typeof fetch;
  /** How many tokens of each kind were issued. */
  readonly issued: Readonly<Record<TokenKind, number>>;
  /** How many token requests of each kind arrived, faulted and rejected ones included. */
  readonly requests: Readonly<Record<TokenKind, number>>;
  /** The currently valid token of `kind` for `appId`, if any. */
  currentToken(kind: TokenKind, appId?: string): string | undefined;
  /** Whether `token` is the valid, unexpired token of its kind. */
  isValid(kind: TokenKind, token: string, appId?: string): boolean;
  /** Revoke the current token (as when another system sharing the appId fetched one). */
  revoke(kind: TokenKind, appId?: string): void;
  /** Make the next `times` token requests meet `fault`. */
  fault(fault: UpstreamFault, times?: number): void;
  /** Drop the faults not yet met. */
  clearFaults(): void;
}

interface Issued {
  readonly token: string;
  readonly expiresAt: number;
}

const reply = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const PATHS: Readonly<Record<string, TokenKind>> = {
  '/open/access/1.0/frontToken': 'frontToken',
  '/open/access/1.0/backendToken': 'backendToken',
};

/**
 * Create a fake open platform.
 *
 * @example
 * ```ts
 * const platform = createFakeOpenPlatform({ lifetime: 60 });
 * const signer = createSigner({ appId, secret, fetch: platform.fetch, allowedOrigins: ['localhost'] });
 * ```
 */
export function createFakeOpenPlatform(options: FakeOpenPlatformOptions = {}): FakeOpenPlatform {
  const apps = options.apps ?? { [SIMULATED_APP_ID]: SIMULATED_SECRET };
  const lifetime = options.lifetime ?? 7200;
  const clock = options.clock ?? Date.now;
  const tokens = new Map<string, Issued>();
  const issued: Record<TokenKind, number> = { frontToken: 0, backendToken: 0 };
  const requests: Record<TokenKind, number> = { frontToken: 0, backendToken: 0 };
  const faults: UpstreamFault[] = [];
  const defaultApp = Object.keys(apps)[0] ?? SIMULATED_APP_ID;
  const key = (kind: TokenKind, appId: string): string => `${kind}:${appId}`;

  const current = (kind: TokenKind, appId: string): Issued | undefined => {
    const entry = tokens.get(key(kind, appId));
    return entry && entry.expiresAt > clock() ? entry : undefined;
  };

  // User login (authorize pages, token, user.mobile, user.auth) lives in its own module.
  const state = {
    apps,
    defaultApp,
    clock,
    isBackendToken: (token: string, appId: string) => current('backendToken', appId)?.token === token,
  };
  const user = createUserEndpoints(options, state);
  // The business interfaces (§5.3–§5.8) and the notifications live in their own modules.
  const services = createServiceEndpoints(options, state);

  async function handle(request: Request): Promise<Response> {
    if (user.handles(request)) return user.handle(request);
    if (services.handles(request)) return services.handle(request);
    const kind = PATHS[new URL(request.url).pathname];
    if (!kind) return reply({ resp: '404', msg: 'no such endpoint' }, 404);
    if (request.method !== 'POST') return reply({ resp: '405', msg: 'POST only' }, 405);
    requests[kind] += 1;
    const fault = faults.shift();
    if (fault && 'delay' in fault) await delay(fault.delay, request.signal);
    if (fault && 'status' in fault)
      return reply({ resp: 'ERR', msg: 'simulated upstream error' }, fault.status);
    if (fault && 'garbage' in fault) return new Response('<html>502 Bad Gateway', { status: 200 });
    if (fault && 'resp' in fault)
      return reply({ resp: fault.resp, msg: fault.msg ?? 'simulated reply code' });

    const body = (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const fields = ['appId', 'nonceStr', 'timestamp', 'signature'] as const;
    for (const field of fields) {
      if (typeof body?.[field] !== 'string' || body[field] === '') {
        return reply({ resp: 'N62100', msg: `${field} is required` });
      }
    }
    const { appId, nonceStr, timestamp, signature } = body as Record<(typeof fields)[number], string>;
    const secret = apps[appId];
    if (secret === undefined) return reply({ resp: 'N62131', msg: 'unknown appId' });
    if ('secret' in body!) return reply({ resp: 'BC0024', msg: 'illegal request: never send the secret' });
    if (Math.abs(clock() / 1000 - Number(timestamp)) > 300)
      return reply({ resp: 'BC0024', msg: 'timestamp out of range' });
    if (tokenRequestSignature({ appId, nonceStr, timestamp, secret }) !== signature) {
      return reply({ resp: 'BC0025', msg: 'signature check failed' });
    }
    // A new token replaces the previous one, as the real platform does.
    const token =
      kind === 'frontToken' && options.frontToken !== undefined
        ? options.frontToken
        : `${kind === 'frontToken' ? 'F' : 'B'}${createNonce(22)}==`;
    tokens.set(key(kind, appId), { token, expiresAt: clock() + lifetime * 1000 });
    issued[kind] += 1;
    const expiresIn = options.expiresInAsString ? String(lifetime) : lifetime;
    return reply({ resp: '00', msg: '', params: { [kind]: token, expiresIn } });
  }

  return {
    handle,
    ...user.controls,
    ...services.controls,
    fetch: (input, init) => handle(new Request(input, init)),
    issued,
    requests,
    currentToken: (kind, appId = defaultApp) => current(kind, appId)?.token,
    isValid: (kind, token, appId = defaultApp) => current(kind, appId)?.token === token,
    revoke: (kind, appId = defaultApp) => void tokens.delete(key(kind, appId)),
    fault: (fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    clearFaults: () => void faults.splice(0),
  };
}
