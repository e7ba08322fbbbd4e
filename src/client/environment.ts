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

/** `(name N)` with a whole number N in a lower-cased user agent. */
const numberToken = (ua: string, name: string): number | undefined => {
  const match = new RegExp(`\\(${name} (\\d+)\\)`).exec(ua);
  return match ? Number(match[1]) : undefined;
};

/**
 * Read the host app's markers from a user agent.
 *
 * @example
 * ```ts
 * detectEnvironment(navigator.userAgent).inApp; // true inside the UnionPay app
 * ```
 */
export function detectEnvironment(userAgent: string): HostEnvironment {
  const ua = userAgent.toLowerCase();
  return {
    inApp: /com\.unionpay\.(chsp|mobilepay)/.test(ua),
    debugLevel: numberToken(ua, 'updebug'),
    appVersion: numberToken(ua, 'version'),
    bridge: /\(cordova [^)]+\)/.test(ua)
      ? 'cordova'
      : /\(securitywebcache [^)]+\)/.test(ua)
        ? 'securitywebcache'
        : undefined,
  };
}
