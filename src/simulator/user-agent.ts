/** User agents of the app as the simulator reports them (shapes from real devices). */
import type { SimulatedPlatform } from './family.js';

const SUFFIX =
  '(com.unionpay.chsp) (cordova 4.5.4) (updebug 0) (version 938) (UnionPay/1.0 CloudPay) (clientVersion 198) (language zh_CN) (upHtml) (walletMode 00)';

/** An in-app user agent for `platform`, so the client's detection passes. */
export function simulatedUserAgent(platform: SimulatedPlatform): string {
  return platform === 'ios'
    ? `Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148/sa-sdk-ios ${SUFFIX}`
    : `Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 ${SUFFIX}`;
}

/**
 * Make `win.navigator.userAgent` report `userAgent`; returns a function that
 * undoes it, bringing back an override made before (so simulated hosts can be stacked and switched).
 */
export function overrideUserAgent(win: Window, userAgent: string): () => void {
  const navigator = win.navigator;
  const previous = Object.getOwnPropertyDescriptor(navigator, 'userAgent');
  Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => userAgent });
  return () => {
    if (previous) Object.defineProperty(navigator, 'userAgent', previous);
    else delete (navigator as { userAgent?: string }).userAgent;
  };
}
