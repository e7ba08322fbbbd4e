/**
 * The money loop: the page asks the playground server for an order, the
 * server gets its `tn` from the ACP gateway (`consume`), the page pays it
 * with `pay(client, { tn })`, the gateway notifies the server, and the page
 * shows the server's verdict from `query` — with the order's timeline as the
 * server saw it. In simulator mode the fake gateway stands behind the
 * server and the simulated app's pay settles the order there.
 */
import { pay } from '../../../src/payment.js';
import type { PayOutcome } from '../../../src/simulator/index.js';
import type { Section } from '../context.js';
import { facts, form, h, section } from '../dom.js';
import { attempt, logNote } from '../log.js';

const OUTCOMES = ['success', 'cancel', 'fail'] as const;
const NOTIFICATION = ['delivered', 'lost'] as const;

interface TimelineEntry {
  readonly step: string;
  readonly at: number;
  readonly detail: string;
}

async function request<T>(url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const answer = (await response.json()) as T & { error?: string; msg?: string };
  if (!response.ok) throw new Error(`${url}: ${answer.error ?? response.status} ${answer.msg ?? ''}`);
  return answer;
}

const timelineOf = (orderId: string): Promise<TimelineEntry[]> =>
  request<TimelineEntry[]>(`/acp/timeline?orderId=${encodeURIComponent(orderId)}`);

/** Wait (bounded) for the server to record the notification; a lost one simply never shows. */
async function notificationSeen(orderId: string, waitMs: number): Promise<boolean> {
  const until = Date.now() + waitMs;
  for (let i = 0; i < 40 && Date.now() < until; i++) {
    if ((await timelineOf(orderId)).some((entry) => entry.step === 'notification')) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function renderTimeline(list: HTMLOListElement, entries: readonly TimelineEntry[]): void {
  const start = entries[0]?.at ?? 0;
  list.replaceChildren(
    ...entries.map((entry) =>
      h(
        'li',
        { 'data-step': entry.step },
        h('strong', {}, entry.step),
        ` +${entry.at - start} ms — ${entry.detail}`,
      ),
    ),
  );
}

export const moneyLoopSection: Section = ({ client, sim }) => {
  const state = facts('money-facts');
  const timeline = h('ol', { id: 'money-timeline', class: 'timeline' });

  const loop = async (txnAmt: number, outcome: PayOutcome, lose: boolean, trigger: HTMLButtonElement) => {
    state.set({});
    timeline.replaceChildren();
    const order = await request<{ orderId: string; txnTime: string; tn: string }>('/acp/order', { txnAmt });
    state.set({ order: order.orderId, tn: order.tn });
    if (sim) {
      sim.ui.payOutcome = outcome;
      // The simulated app's pay reaches the fake gateway, as a real payment reaches UnionPay.
      sim.ui.onPay = (tn, paid) =>
        request('/acp/simulated-pay', { tn, outcome: paid, lose }).then(() => undefined);
    }
    const paid = await attempt(
      'pay (money loop)',
      (signal) => pay(client, { tn: order.tn }, { signal }),
      trigger,
    );
    if (sim) sim.ui.onPay = undefined;
    const notified = await notificationSeen(order.orderId, paid.ok && !lose ? 4000 : 600);
    const verdict = await request<{ verdict: string; detail: string }>('/acp/query', {
      orderId: order.orderId,
      txnTime: order.txnTime,
    });
    state.set({
      order: order.orderId,
      tn: order.tn,
      pay: paid.ok ? 'ok' : (paid.msg ?? paid.code ?? 'failed'),
      notification: notified ? 'received' : 'none',
      verdict: verdict.verdict,
    });
    renderTimeline(timeline, await timelineOf(order.orderId));
  };

  return section(
    'money-loop',
    'Money loop (ACP)',
    'Server order → consume → tn → pay → UnionPay notification → the server’s verdict from query.',
    form(
      'money-form',
      'order and pay',
      [
        { name: 'txnAmt', label: 'amount (fen)', value: '1', type: 'number' },
        ...(sim
          ? [
              { name: 'outcome', label: 'the app’s payment', type: 'select' as const, options: OUTCOMES },
              { name: 'notification', type: 'select' as const, options: NOTIFICATION },
            ]
          : []),
      ],
      ({ txnAmt, outcome, notification }, submit) => {
        const amount = Math.max(1, Math.round(Number(txnAmt) || 1));
        void loop(amount, (outcome ?? 'success') as PayOutcome, notification === 'lost', submit).catch(
          (error: unknown) => logNote(`money loop: ${String(error)}`),
        );
      },
    ),
    state.element,
    timeline,
  );
};
