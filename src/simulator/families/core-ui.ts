/**
 * Simulated payment and page plugins (spec §6.3, §6.5, §6.6, §6.8–§6.10,
 * §6.12, §6.14), and the assembly of every non-Bluetooth family with its
 * shared `sim.ui` state.
 */
import { ok, silent, type Outcome, type PluginBehaviours } from '../family.js';
import { listensTo, type ListenerRegistry } from '../listeners.js';
import { appletBehaviours } from './applet.js';
import { deviceBehaviours } from './device.js';
import { locationBehaviours } from './location.js';
import { param, UI_DOCUMENT_EVENTS, UiState, type SimulatedUi } from './ui-state.js';
import { textOf } from '../../shared/text-of.js';

/** upsdk.js turns every pay failure into `{msg}`; a user cancel is a failure too. */
const PAY_FAILURES: Readonly<Record<'fail' | 'cancel', Outcome>> = {
  fail: { fail: { msg: '支付失败 (simulated payment failure)' } },
  cancel: { fail: { msg: '用户取消支付 (the user cancelled)' } },
};

function paymentBehaviours(state: UiState): PluginBehaviours {
  return {
    pay: async (options) => {
      const tn = param(options, 'tn');
      if (!tn) return { fail: { msg: 'TN号不合法 (invalid tn)' } };
      const outcome = state.payOutcome;
      try {
        await state.onPay?.(tn, outcome);
      } catch (error) {
        return { fail: { msg: `支付失败 (simulated back end: ${(error as Error).message})` } };
      }
      return outcome === 'success' ? ok() : PAY_FAILURES[outcome];
    },
    verifyPayPwd: (options) =>
      param(options, 'transNo') ? ok() : { fail: { code: '00', msg: 'transNo is required' } },
    addBankCard: () => ok(), // upsdk.js fills in the default scene '10007'
  };
}

function pageBehaviours(state: UiState, listeners: ListenerRegistry): PluginBehaviours {
  return {
    setNavigationBarTitle: (options) => {
      state.title = textOf(options.title ?? '');
      return silent;
    },
    showFlashInfo: (options) => {
      const msg = param(options, 'msg');
      if (msg) state.toasts.push(msg);
      return silent;
    },
    closeWebApp: () => {
      state.closed = true;
      return silent;
    },
    // upsdk.js hangs `handler` on the click event (a new one replaces the old, none keeps it).
    setNavigationBarRightButton: listensTo(
      (options) => {
        const title = param(options, 'title');
        const image = param(options, 'image');
        state.rightButton = title ? { title } : image ? { image } : {};
        listeners.register(UI_DOCUMENT_EVENTS.rightButton);
        return ok();
      },
      UI_DOCUMENT_EVENTS.rightButton,
      'handler',
    ),
    // Native sees the defaults upsdk.js wrote onto the caller's object.
    showSharePopup: (options) => {
      state.shares.push(
        Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value !== 'function')),
      );
      return silent;
    },
  };
}

/** The non-Bluetooth families and their controller. */
export interface UiFamily {
  readonly behaviours: PluginBehaviours;
  readonly ui: SimulatedUi;
}

/**
 * Behaviours of every plugin of spec §6 but Bluetooth, HCE and chunked
 * files, plus the mini-program extras, sharing one {@link SimulatedUi}.
 *
 * @example
 * ```ts
 * const family = createUiFamily(listeners);
 * new FakeNative({ ...family.behaviours }, faults, settings, context);
 * ```
 */
export function createUiFamily(listeners: ListenerRegistry): UiFamily {
  const state = new UiState(listeners);
  return {
    behaviours: {
      ...paymentBehaviours(state),
      ...pageBehaviours(state, listeners),
      ...deviceBehaviours(state, listeners),
      ...locationBehaviours(state),
      ...appletBehaviours(state, listeners),
    },
    ui: state,
  };
}
