/**
 * The playground page. Inside the UnionPay app it uses the real bridge and
 * the dev server's signer; elsewhere it installs the simulator, says so in a
 * banner, and still signs through the dev server (which embeds a fake open
 * platform) so the whole chain runs.
 */
import { createClient, detectEnvironment } from '../../src/index.js';
import type { PlaygroundContext, Section } from './context.js';
import { button, h } from './dom.js';
import { watchBridgeEvents } from './report.js';
import { appletSection } from './sections/applet.js';
import { bluetoothSection } from './sections/bluetooth.js';
import { deviceSection } from './sections/device.js';
import { filesSection } from './sections/files.js';
import { hceSection } from './sections/hce.js';
import { locationSection } from './sections/location.js';
import { loginSection } from './sections/login.js';
import { moneyLoopSection } from './sections/money-loop.js';
import { pageSection } from './sections/page.js';
import { paymentSection } from './sections/payment.js';
import { payPasswordSection } from './sections/pay-password.js';
import { reportSection } from './sections/report.js';
import { simulatorSection } from './sections/simulator-controls.js';
import { startSimulation, vendorScriptFromUrl, type VendorScript } from './simulation.js';
import { walletsSection } from './sections/wallets.js';

const SECTIONS: readonly Section[] = [
  paymentSection,
  moneyLoopSection,
  walletsSection,
  payPasswordSection,
  pageSection,
  deviceSection,
  locationSection,
  filesSection,
  bluetoothSection,
  hceSection,
  loginSection,
  appletSection,
  simulatorSection,
  reportSection,
];

/** Chips that jump to each section: the page is long on a phone. */
function navigation(sections: readonly HTMLElement[]): HTMLElement {
  const links = sections
    .filter((element) => element.id && !element.hidden)
    .map((element) =>
      h('a', { href: `#${element.id}` }, element.querySelector('h2')?.textContent ?? element.id),
    );
  return h('nav', { class: 'chips' }, ...links, h('a', { href: '#log-section' }, 'Log'));
}

/** The banner's switch: which upsdk.js runs over the simulated native layer. */
function vendorSwitch(current: VendorScript): HTMLElement {
  const link = (value: VendorScript, label: string): HTMLElement =>
    value === current
      ? h('strong', {}, label)
      : h('a', { id: `vendor-${value}`, href: value === 'real' ? '?vendor=real' : '?' }, label);
  return h(
    'span',
    { class: 'vendor-switch' },
    ' Vendor script: ',
    link('simulated', 'simulated'),
    ' / ',
    link('real', "real (loaded from the vendor's host)"),
  );
}

/** What the banner says in simulator mode, by vendor script. */
const SIMULATOR_LINE: Readonly<Record<VendorScript, string>> = {
  simulated: 'Simulator mode: not inside the UnionPay app — every plugin answers from the simulator.',
  real: "Simulator mode: not inside the UnionPay app — the vendor's real upsdk.js runs over the simulated native layer.",
};

type Host = Parameters<PlaygroundContext['hostChanged']>[0];
const HOST_NAMES: Readonly<Record<Host, string>> = {
  unionpay: 'UnionPay',
  wechat: 'WeChat',
  alipay: 'Alipay',
};

/** Sections that work without `upsdk` (in any host wallet). */
const WITHOUT_UPSDK = new Set(['wallets', 'simulator']);

/** Header, simulator banner, the sections' container and the sticky status line. */
function renderShell(
  simulated: boolean,
  vendorScript: VendorScript,
): { main: HTMLElement; banner: HTMLElement; bannerText: HTMLElement } {
  const main = h('main', { id: 'sections' });
  const bannerText = h('span', { id: 'banner-text' }, SIMULATOR_LINE[vendorScript]);
  const banner = h(
    'div',
    { id: 'banner', class: 'banner', hidden: !simulated },
    bannerText,
    vendorSwitch(vendorScript),
  );
  document.body.append(
    h(
      'header',
      { class: 'top' },
      h('h1', {}, 'upsdk-kit playground'),
      h('p', {}, 'Try every plugin; results and typed errors go to the log.'),
    ),
    banner,
    main,
    h('div', { id: 'latest', class: 'latest', role: 'status', 'aria-live': 'polite', hidden: true }),
  );
  return { main, banner, bannerText };
}

/**
 * Keep the banner and the upsdk sections truthful about the simulated host: in WeChat or Alipay
 * there is no upsdk, so those sections answer `unavailable` (as they would there) and say so first.
 */
function hostTracker(
  banner: HTMLElement,
  bannerText: HTMLElement,
  vendorScript: VendorScript,
): { hostChanged(host: Host): void; mark(sections: readonly HTMLElement[]): void } {
  const notes: HTMLElement[] = [];
  let host: Host = 'unionpay';
  const noteText = (): string =>
    `Unavailable in the simulated ${HOST_NAMES[host]} host: there is no upsdk outside the UnionPay app, so these plugins answer “unavailable”. Switch the host back to unionpay under Any wallet.`;
  return {
    hostChanged(next) {
      host = next;
      const away = host !== 'unionpay';
      bannerText.textContent = away
        ? `Simulated host: ${HOST_NAMES[host]}. Only Any wallet pays here; the upsdk plugins (Payment, Pay-password, Page, Device, Location, Files, Bluetooth, HCE, Login, …) answer “unavailable”, as in the real ${HOST_NAMES[host]}.`
        : SIMULATOR_LINE[vendorScript];
      banner.classList.toggle('away', away);
      for (const note of notes) {
        note.textContent = noteText();
        note.hidden = !away;
      }
    },
    mark(sections) {
      for (const element of sections) {
        if (!element.id || element.hidden || WITHOUT_UPSDK.has(element.id)) continue;
        const note = h('p', { class: 'host-note', role: 'note', hidden: true });
        notes.push(note);
        element.querySelector('h2')?.after(note);
      }
    },
  };
}

function boot(): void {
  const browserUserAgent = navigator.userAgent;
  const inApp = detectEnvironment(browserUserAgent).inApp;
  const vendorScript = vendorScriptFromUrl();
  const sim = inApp ? undefined : startSimulation(vendorScript);
  const { main, banner, bannerText } = renderShell(sim !== undefined, vendorScript);
  const host = hostTracker(banner, bannerText, vendorScript);
  const context: PlaygroundContext = {
    client: createClient({ signer: '/upsdk/signature' }),
    sim,
    mode: inApp ? 'app' : 'simulator',
    browserUserAgent,
    hostChanged: host.hostChanged,
  };
  watchBridgeEvents();
  const rendered = SECTIONS.map((render) => render(context));
  host.mark(rendered);
  const log = h('ol', { id: 'log', class: 'log' });
  const logSection = h(
    'section',
    { id: 'log-section' },
    h('h2', {}, 'Log'),
    h(
      'p',
      { class: 'note' },
      'Newest first: each call with its result or typed error (code: message) and its duration.',
    ),
    button('log-clear', 'clear', () => log.replaceChildren()),
    log,
  );
  main.append(navigation(rendered), ...rendered, logSection);
  if (new URLSearchParams(location.search).get('debug') === '1') {
    // The on-device console is loaded only on request, never in the default path.
    void import('eruda').then(({ default: eruda }) => eruda.init());
  }
}

/** `?debug=1` needs debug.html (index.html served with a CSP that admits the console's inline styles). */
function needsDebugPage(): boolean {
  const wanted = new URLSearchParams(location.search).get('debug') === '1';
  if (!wanted || location.pathname.endsWith('/debug.html')) return false;
  location.replace(`./debug.html${location.search}${location.hash}`);
  return true;
}

if (!needsDebugPage()) boot();
