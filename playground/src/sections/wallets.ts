/**
 * "Any wallet": one checkout for UnionPay, WeChat and Alipay. The server
 * pre-orders against the fake aggregated-payment gateway, the page pays with
 * `payInWallet` in whichever wallet hosts it, and the order is confirmed by
 * the provider's notification and the order query. In simulator mode the
 * host can be switched between the simulated wallets.
 */
import { detectWallet, payInWallet, type WalletPayment } from '../../../src/wallets.js';
import {
  installAlipayBridge,
  installWeChatBridge,
  type AlipayOutcome,
  type PayOutcome,
  type SimulatedWallet,
  type Simulator,
  type WeChatOutcome,
} from '../../../src/simulator/index.js';
import { facts, form, h, optionalNumber, section } from '../dom.js';
import { attempt, logNote, run } from '../log.js';
import { postJson } from '../server-api.js';
import type { Section } from '../context.js';

const HOSTS = ['unionpay', 'wechat', 'alipay'] as const;
type Host = (typeof HOSTS)[number];
const OUTCOMES = ['paid', 'cancel', 'fail', 'pending', 'network'] as const;
type Outcome = (typeof OUTCOMES)[number];

/** Each wallet's own answer for an outcome (WeChat and UnionPay have no pending or network answer). */
const WECHAT: Readonly<Record<Outcome, WeChatOutcome>> = {
  paid: 'ok',
  cancel: 'cancel',
  fail: 'fail',
  pending: 'fail',
  network: 'fail',
};
const ALIPAY: Readonly<Record<Outcome, AlipayOutcome>> = {
  paid: '9000',
  cancel: '6001',
  fail: '4000',
  pending: '8000',
  network: '6002',
};
const UNIONPAY: Readonly<Record<Outcome, PayOutcome>> = {
  paid: 'success',
  cancel: 'cancel',
  fail: 'fail',
  pending: 'fail',
  network: 'fail',
};

/** Switches the simulated host: the wallet bridge simulators over the upsdk simulator. */
function hostSwitcher(sim: Simulator): (host: Host, ready: string, outcome: Outcome) => void {
  let current: SimulatedWallet<WeChatOutcome> | SimulatedWallet<AlipayOutcome> | undefined;
  return (host, ready, outcome) => {
    current?.uninstall();
    current = undefined;
    const readiness = ready === 'after' ? 'after' : 'before';
    if (host === 'wechat') {
      current = installWeChatBridge({
        ready: readiness,
        readyDelay: 300,
        latency: 150,
        outcome: WECHAT[outcome],
      });
    } else if (host === 'alipay') {
      current = installAlipayBridge({
        ready: readiness,
        readyDelay: 300,
        latency: 150,
        outcome: ALIPAY[outcome],
      });
    } else {
      sim.ui.payOutcome = UNIONPAY[outcome];
    }
  };
}

export const walletsSection: Section = ({ client, sim, hostChanged }) => {
  const state = facts('wallet-facts');
  const show = (entries: Record<string, unknown>): void =>
    state.set({ host: detectWallet().wallet, ...entries });
  show({});
  const switcher = sim ? hostSwitcher(sim) : undefined;
  const refused = h('p', { id: 'wallet-pay-error', class: 'form-error', role: 'alert', hidden: true });

  /** The amount goes to the server as typed: it alone decides what a valid amount is, and says why not. */
  const pay = async (totalFee: number | undefined, trigger: HTMLButtonElement): Promise<void> => {
    const wallet = detectWallet().wallet;
    refused.hidden = true;
    const ordered = await attempt(
      'pre-order',
      (signal) =>
        postJson<{ outTradeNo: string; payment: WalletPayment }>(
          '/wallets/preorder',
          { wallet, totalFee },
          signal,
        ),
      trigger,
    );
    const order = ordered.result;
    if (!ordered.ok || !order) {
      refused.textContent = `pre-order refused · ${ordered.code ?? 'error'}: ${ordered.msg ?? ''}`;
      refused.hidden = false;
      return show({ 'pre-order': ordered.code ?? 'error' });
    }
    const paid = await attempt(
      'payInWallet',
      (signal) => payInWallet(order.payment, { client, signal }),
      trigger,
    );
    if (!paid.ok) return show({ order: order.outTradeNo, pay: paid.code ?? 'error' });
    if (sim && wallet !== 'unionpay') {
      await run('settle (fake gateway notifies)', () =>
        postJson('/__dev/wallets/settle', { outTradeNo: order.outTradeNo }),
      );
    }
    const query = await run('order query', () =>
      postJson<{ status: string; notifications: number }>('/wallets/query', {
        wallet,
        outTradeNo: order.outTradeNo,
      }),
    );
    show({ order: order.outTradeNo, pay: 'paid', query: query?.status, notifications: query?.notifications });
  };

  return section(
    'wallets',
    'Any wallet',
    'Server pre-order → payInWallet in the host wallet → notification → order query. In simulator mode, pick the host.',
    switcher &&
      form(
        'wallet-host-form',
        'switch host',
        [
          { name: 'host', type: 'select', options: HOSTS, value: 'unionpay' },
          { name: 'ready', label: 'bridge ready', type: 'select', options: ['before', 'after'] },
          { name: 'outcome', label: 'wallet answers', type: 'select', options: OUTCOMES },
        ],
        ({ host, ready, outcome }) => {
          const chosen = (host ?? 'unionpay') as Host;
          switcher(chosen, ready ?? 'before', (outcome ?? 'paid') as Outcome);
          logNote(`simulated host: ${chosen} (bridge ${ready}, answers ${outcome})`);
          hostChanged(chosen);
          show({});
        },
      ),
    form(
      'wallet-pay-form',
      'pay',
      [{ name: 'totalFee', label: 'amount (fen, a whole number ≥ 1)', value: '1', type: 'number' }],
      ({ totalFee }, submit) => void pay(optionalNumber(totalFee), submit),
    ),
    refused,
    state.element,
  );
};
