/**
 * What the app would show for the page plugins, in simulator mode: its
 * title bar (title and right-hand button), the newest toast, the share
 * sheet and whether the web view was closed. Drawn from the simulator's
 * `sim.ui` state, so it shows what the bridge received, not what the page
 * meant to send.
 */
import type { SimulatedUi } from '../../../src/simulator/index.js';
import { button, h } from '../dom.js';

/** How long a toast stays up, as in the app (its exact duration is not public). */
const TOAST_MS = 4_000;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The simulated app chrome and a `refresh` that redraws it from `ui`. */
export function appScreen(ui: SimulatedUi): { element: HTMLElement; refresh(): void } {
  const title = h('span', { id: 'app-title', class: 'app-title' });
  const right = h('span', { id: 'app-right-button', class: 'app-right-button' });
  const toast = h('div', { id: 'app-toast', class: 'app-toast', role: 'status', hidden: true });
  const sheet = h('div', { id: 'app-share-sheet', class: 'app-share-sheet', hidden: true });
  const closed = h('p', { id: 'app-closed', class: 'app-closed', hidden: true }, 'web view closed');
  let toastsShown = ui.toasts.length;
  let sharesShown = ui.shares.length;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;

  const showToast = (message: string): void => {
    toast.textContent = message;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (toast.hidden = true), TOAST_MS);
  };

  const showSheet = (share: Readonly<Record<string, unknown>>): void => {
    sheet.replaceChildren(
      h('strong', { 'data-key': 'title' }, text(share.title)),
      h('p', { 'data-key': 'desc' }, text(share.desc)),
      h('p', { 'data-key': 'shareUrl', class: 'app-share-url' }, text(share.shareUrl)),
      button('app-share-close', 'close', () => (sheet.hidden = true)),
    );
    sheet.hidden = false;
  };

  const refresh = (): void => {
    title.textContent = ui.title ?? '(page title)';
    right.textContent = ui.rightButton?.title ?? (ui.rightButton?.image ? '[image]' : '');
    right.hidden = ui.rightButton === undefined;
    if (ui.toasts.length > toastsShown) showToast(ui.toasts.at(-1) ?? '');
    toastsShown = ui.toasts.length;
    const share = ui.shares.at(-1);
    if (ui.shares.length > sharesShown && share) showSheet(share);
    sharesShown = ui.shares.length;
    closed.hidden = !ui.closed;
  };
  refresh();
  return {
    element: h(
      'div',
      { id: 'app-screen', class: 'app-screen', 'aria-label': 'what the app shows (simulated)' },
      h('div', { class: 'app-title-bar' }, h('span', { class: 'app-back' }, '‹'), title, right),
      toast,
      sheet,
      closed,
    ),
    refresh,
  };
}
