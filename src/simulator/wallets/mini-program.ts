/**
 * The WeChat JS-SDK's `wx.miniProgram` in a mini-program `<web-view>`, with
 * the mini-program side simulated: `navigateTo` opens a page of the
 * mini-program (the web-view is hidden), that page pays with
 * `wx.requestPayment` using the query it was opened with, then navigates
 * back (the web-view is shown again). Sources (WIRE-FACTS.md): WeChat's
 * web-view and JS-SDK documents (`wx.miniProgram.navigateTo / navigateBack /
 * getEnv`, pages cannot pay inside the web-view) and `wx.requestPayment`
 * (`errMsg` `requestPayment:ok` / `requestPayment:fail cancel` /
 * `requestPayment:fail …`). Guess: the `navigateTo:fail` text.
 */
import type { WalletFault } from './wallet-bridge.js';

/** How the simulated mini-program payment ended, as `wx.requestPayment` said it. */
export interface MiniProgramPayment {
  /** The page opened, without its query. */
  readonly page: string;
  /** Its query, decoded: what the page would pass to `wx.requestPayment`. */
  readonly params: Readonly<Record<string, string>>;
  readonly errMsg: string;
}

/** What the simulated mini-program needs from the wallet simulator around it. */
export interface MiniProgramHost {
  readonly window: Window;
  /** Pages the mini-program has. */
  readonly pages: readonly string[];
  /** The next payment's outcome (`ok`, `cancel`, `fail`). */
  readonly outcome: () => 'ok' | 'cancel' | 'fail';
  readonly fault: () => WalletFault | undefined;
  /** Milliseconds the user spends in the mini-program page. */
  readonly latency: number;
}

const PAY_FIELDS = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'];

/** Install `wx.miniProgram` and the document's visibility on `host.window`; returns the payments log and an uninstaller. */
export function installMiniProgram(host: MiniProgramHost): {
  readonly payments: readonly MiniProgramPayment[];
  uninstall(): void;
} {
  const win = host.window;
  const doc = win.document;
  const payments: MiniProgramPayment[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let visibility: DocumentVisibilityState = 'visible';
  Object.defineProperty(doc, 'visibilityState', { configurable: true, get: () => visibility });
  Object.defineProperty(doc, 'hidden', { configurable: true, get: () => visibility === 'hidden' });
  const EventOfWindow = (win as unknown as { Event: typeof Event }).Event;
  const show = (state: DocumentVisibilityState): void => {
    visibility = state;
    doc.dispatchEvent(new EventOfWindow('visibilitychange'));
  };

  function requestPayment(params: Readonly<Record<string, string>>): string {
    const missing = PAY_FIELDS.find((field) => !params[field]);
    if (missing) return `requestPayment:fail missing ${missing}`;
    const outcome = host.outcome();
    return outcome === 'ok'
      ? 'requestPayment:ok'
      : outcome === 'cancel'
        ? 'requestPayment:fail cancel'
        : 'requestPayment:fail';
  }

  const miniProgram = {
    getEnv: (callback: (env: { miniprogram: boolean }) => void) => callback({ miniprogram: true }),
    navigateBack: () => undefined,
    navigateTo(options: { url?: unknown; success?: () => void; fail?: (error: unknown) => void }): void {
      const url = typeof options.url === 'string' ? options.url : '';
      const [page = '', query = ''] = url.split('?', 2);
      if (host.fault() === 'throw') throw new Error('wx.miniProgram.navigateTo: simulated failure');
      if (host.fault() === 'drop') return;
      if (!host.pages.includes(page)) {
        options.fail?.({ errMsg: `navigateTo:fail page "${page.replace(/^\//, '')}" is not found` });
        return;
      }
      options.success?.();
      show('hidden');
      const params = Object.fromEntries(
        query
          .split('&')
          .filter(Boolean)
          .map((pair) => {
            const at = pair.indexOf('=');
            return [pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))];
          }),
      );
      const timer = setTimeout(() => {
        timers.delete(timer);
        payments.push({ page, params, errMsg: requestPayment(params) });
        show('visible'); // the page called wx.navigateBack()
      }, host.latency);
      timers.add(timer);
    },
  };
  const globals = win as unknown as Record<string, unknown>;
  globals.wx = { miniProgram };
  globals.__wxjs_environment = 'miniprogram';
  return {
    payments,
    uninstall() {
      for (const timer of timers) clearTimeout(timer);
      delete globals.wx;
      delete globals.__wxjs_environment;
      delete (doc as unknown as Record<string, unknown>).visibilityState;
      delete (doc as unknown as Record<string, unknown>).hidden;
    },
  };
}
