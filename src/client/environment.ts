/**
 * What the user agent says about the host app (see BRIDGE-FACTS "Environment").
 */

/** Facts read from a user agent string. */
export interface HostEnvironment {
  /** Inside the UnionPay app, where upsdk.js can reach native code. */
  readonly inApp: boolean;
  /** `(updebug N)`: 0 production, 2 test; undefined when absent. */
  readonly debugLevel: number | undefined;
  /** `(version N)` of the app; undefined when absent. */
  readonly appVersion: number | undefined;
  /** Which native bridge the app exposes. */
  readonly bridge: 'cordova' | 'securitywebcache' | undefined;
}

/** Oldest app version whose upsdk is supported. */
export const MIN_APP_VERSION = 422;

/** The app's marker in its user agent (either case): inside it, upsdk.js can reach native code. */
export const IN_APP = /com\.unionpay\.(chsp|mobilepay)/i;

/** `(version N)` in a user agent: the app's version, in group 1. */
export const APP_VERSION = /\(version (\d+)\)/i;

/** Group 1 of `pattern` in `ua` as a number; undefined when it does not match. */
const numberIn = (pattern: RegExp, ua: string): number | undefined => {
  const match = pattern.exec(ua);
  return match ? Number(match[1]) : undefined;
};

/**
 * Read the host app's markers from a user agent (in any case). The client's
 * start-up reads "in the app" and the version with the same patterns
 * ({@link IN_APP}, {@link APP_VERSION}): outside the app every call rejects
 * with `unavailable`, below {@link MIN_APP_VERSION} with `c102`.
 *
 * @example
 * ```ts
 * detectEnvironment(navigator.userAgent).inApp; // true inside the UnionPay app
 * ```
 */
export function detectEnvironment(userAgent: string): HostEnvironment {
  return {
    inApp: IN_APP.test(userAgent),
    debugLevel: numberIn(/\(updebug (\d+)\)/i, userAgent),
    appVersion: numberIn(APP_VERSION, userAgent),
    bridge: /\(cordova [^)]+\)/i.test(userAgent)
      ? 'cordova'
      : /\(securitywebcache [^)]+\)/i.test(userAgent)
        ? 'securitywebcache'
        : undefined,
  };
}
