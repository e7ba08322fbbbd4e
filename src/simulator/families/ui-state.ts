/**
 * The simulated user and screen behind the non-Bluetooth plugins: what the
 * next scan, photo, position or payment will be, and what the page did
 * (title, toasts, shares, the right-hand button). Exposed as `sim.ui`.
 */
import type { ListenerRegistry } from '../listeners.js';

/** Document events the real upsdk.js hangs listener callbacks on. */
export const UI_DOCUMENT_EVENTS = { rightButton: 'rightbtnclick', screenshot: 'screenShotAction' } as const;

/** A non-empty string param of a plugin call, or undefined. */
export const param = (options: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const value = options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** A 1×1 PNG: the photo `chooseImage` returns unless told otherwise. */
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** How the next `pay` ends: paid, failed, or cancelled by the user (a failure too, as in the app). */
export type PayOutcome = 'success' | 'fail' | 'cancel';

/**
 * Script and observe the simulated user (`sim.ui`).
 *
 * @example
 * ```ts
 * sim.ui.scanResult = 'https://qr.95516.com/00010000/01234';
 * sim.ui.position = { latitude: 39.9, longitude: 116.4 };
 * sim.ui.payOutcome = 'cancel';
 * sim.ui.clickRightButton();
 * ```
 */
export interface SimulatedUi {
  /** What `scanQRCode` answers. */
  scanResult: string;
  /** What `getLocationGps` answers (GCJ-02); a JSON string on Android, an object on iOS. */
  position: { latitude: number; longitude: number };
  /** What `getLocationCity` answers: an administrative division code. Default `'310100'` (Shanghai). */
  city: string;
  /** What `chooseImage` answers. Default a 1×1 PNG. */
  image: { base64: string; type: string };
  /** The screen brightness, 0…1; `setScreenBrightness` changes it. */
  brightness: number;
  /** How the next `pay` calls end. Default `success`. */
  payOutcome: PayOutcome;
  /**
   * Told of every `pay` with a tn, before the page hears the outcome: plays UnionPay's back end
   * (e.g. settle the order on a fake ACP gateway, which then notifies the merchant). A rejection
   * makes that `pay` fail, as the app does when the payment cannot go through. Default none.
   */
  onPay: ((tn: string, outcome: PayOutcome) => void | Promise<void>) | undefined;
  /** What `getUserLogoutDate` answers, ms since the epoch; `undefined` answers no date. */
  userLogoutDate: number | undefined;
  /** The last `setNavigationBarTitle`. */
  readonly title: string | undefined;
  /** Every `showFlashInfo` message, in order. */
  readonly toasts: readonly string[];
  /** Every `showSharePopup`, with the defaults upsdk.js fills in. */
  readonly shares: readonly Readonly<Record<string, unknown>>[];
  /** The right-hand button as last set, if any. */
  readonly rightButton: Readonly<{ title?: string; image?: string }> | undefined;
  /** `setTitleStyle` settings, accumulated as the app does. */
  readonly titleStyle: Readonly<Record<string, unknown>>;
  /** Whether `closeWebApp` was called. */
  readonly closed: boolean;
  /** Whether `changeScreenShot` forbade screenshots. */
  readonly screenshotsForbidden: boolean;
  /** URLs opened with `createWebView`, appIds opened with `openApplet`. */
  readonly opened: readonly string[];
  /** The mini-program storage (`saveData`/`queryData`/…). */
  readonly storage: Map<string, string>;
  /** Tap the right-hand button; returns whether a handler was there to hear it. */
  clickRightButton(): boolean;
  /** Take a screenshot; returns whether monitoring was on to report it. */
  takeScreenshot(): boolean;
}

/** The state behind {@link SimulatedUi}, writable by the behaviours. */
export class UiState implements SimulatedUi {
  scanResult = 'https://qr.95516.com/00010000/simulated';
  position = { latitude: 31.23958, longitude: 121.499763 };
  city = '310100';
  image = { base64: ONE_PIXEL_PNG, type: 'png' };
  brightness = 0.5;
  payOutcome: PayOutcome = 'success';
  onPay: ((tn: string, outcome: PayOutcome) => void | Promise<void>) | undefined;
  userLogoutDate: number | undefined = 1611566646395;
  title: string | undefined;
  readonly toasts: string[] = [];
  readonly shares: Record<string, unknown>[] = [];
  rightButton: { title?: string; image?: string } | undefined;
  readonly titleStyle: Record<string, unknown> = {};
  closed = false;
  screenshotsForbidden = false;
  readonly opened: string[] = [];
  readonly storage = new Map<string, string>();

  constructor(private readonly listeners: ListenerRegistry) {}

  clickRightButton(): boolean {
    return this.rightButton !== undefined && this.listeners.fire(UI_DOCUMENT_EVENTS.rightButton, {});
  }

  takeScreenshot(): boolean {
    return this.listeners.fire(UI_DOCUMENT_EVENTS.screenshot, {});
  }
}
