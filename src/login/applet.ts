/**
 * Mini-program login: `appletAuth` asks the app for a login code (no
 * redirect, no signature; the app checks access itself). The code is then
 * exchanged on the server exactly like a redirect's code.
 */
import type { UpsdkCore } from '../client/client.js';
import { UpsdkError } from '../client/errors.js';

/** Raw typing of the login plugins (the vendor's wire shapes). */
export interface LoginPluginMap {
  /** Mini-programs: a login code for the current user. */
  appletAuth: { params: Record<string, never>; result: { code: string } | string };
}

/** Options of `client.appletAuth`. */
export interface AppletAuthOptions {
  /** Milliseconds to wait; the app may ask the user to sign in first. Default 60000. */
  readonly timeout?: number;
  /** Aborts the wait; rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Login methods on the client. */
export interface LoginMethods {
  /**
   * Get a login code in a UnionPay mini-program (`upsdk.appletAuth`). Send it
   * to your server, which exchanges it like an authorize callback's code.
   *
   * @returns `{code}`, exactly as the app gave it (do not decode it).
   * @throws {@link UpsdkError} with the app's `errcode`, `invalid_result` for an answer without a code,
   *   or a timeout / abort.
   * @example
   * ```ts
   * const client = createClient({ mode: 'applet' });
   * const { code } = await client.appletAuth();
   * await fetch('/upsdk/login', { method: 'POST', body: JSON.stringify({ code }) });
   * ```
   */
  appletAuth(options?: AppletAuthOptions): Promise<{ readonly code: string }>;
}

/** Default wait for `appletAuth`. */
export const APPLET_AUTH_TIMEOUT = 60_000;

/** The code in an `appletAuth` answer: an object, a JSON string (Android style) or an Event carrying `code`. */
function readCode(raw: unknown): string | undefined {
  let payload = raw;
  if (typeof raw === 'string') {
    try {
      payload = JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  }
  const code =
    typeof payload === 'object' && payload !== null ? (payload as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/** The login methods for `core`. */
export function createLogin(core: UpsdkCore): LoginMethods {
  return {
    async appletAuth(options = {}) {
      const raw = await core.call(
        'appletAuth',
        {},
        {
          timeout: options.timeout ?? APPLET_AUTH_TIMEOUT,
          signal: options.signal,
        },
      );
      const code = readCode(raw);
      if (code === undefined) {
        throw new UpsdkError({
          code: 'invalid_result',
          msg: 'appletAuth answered without a code',
          plugin: 'appletAuth',
          raw,
        });
      }
      return { code };
    },
  };
}
