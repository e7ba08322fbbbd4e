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

const APP_MARKERS = ['com.unionpay.chsp', 'com.unionpay.mobilepay'];

const token = (ua: string, name: string): string | undefined =>
  new RegExp(`\\(${name} ([^)]+)\\)`).exec(ua)?.[1];

const numberToken = (ua: string, name: string): number | undefined => {
  const value = token(ua, name);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
};

/** Read the host app's markers from a user agent. */
export function detectEnvironment(userAgent: string): HostEnvironment {
  const ua = userAgent.toLowerCase();
  return {
    inApp: APP_MARKERS.some((marker) => ua.includes(marker)),
    debugLevel: numberToken(ua, 'updebug'),
    appVersion: numberToken(ua, 'version'),
    bridge: token(ua, 'cordova') ? 'cordova' : token(ua, 'securitywebcache') ? 'securitywebcache' : undefined,
  };
}
