/**
 * The pay-password story end to end: the dev server asks the open platform
 * for a verifyPwdSeqId (createOpenPlatform), the page hands its `transNo` to
 * verifyPayPwd, and the platform's signed result notification reaches the
 * server (createNotificationHandler). In simulator mode the dev server's
 * fake platform plays the user's password entry and sends the notification.
 */
import { verifyPayPwd } from '../../../src/payment.js';
import { facts, form, section } from '../dom.js';
import { run } from '../log.js';
import { postJson } from '../server-api.js';
import type { Section } from '../context.js';

interface Issued {
  readonly transNo: string;
  readonly bizOrderId: string;
}

/** The notification the server received for `transNo`; polled a bounded number of times. */
async function notificationFor(
  transNo: string,
  signal: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  for (let attempt = 0; attempt < 20 && !signal.aborted; attempt++) {
    const received = (await (await fetch('/__dev/notifications', { signal })).json()) as Record<
      string,
      unknown
    >[];
    const found = received.find((event) => event.transNo === transNo);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return undefined;
}

export const payPasswordSection: Section = ({ client, sim }) => {
  const outcome = facts('pay-password-story');
  const story = (openId: string | undefined, trigger: HTMLButtonElement) =>
    run(
      'pay-password story',
      async (signal) => {
        const { transNo, bizOrderId } = await postJson<Issued>(
          '/upsdk/pay-password',
          openId ? { openId } : {},
          signal,
        );
        outcome.set({ transNo, bizOrderId, notification: 'waiting…' });
        await verifyPayPwd(client, { transNo }, { signal });
        // Simulator mode: the fake platform plays the user's password entry and notifies the server.
        if (sim) await postJson('/__dev/pay-password/complete', { transNo }, signal);
        const notification = await notificationFor(transNo, signal);
        outcome.set({ transNo, bizOrderId, notification: notification?.kind ?? 'none arrived' });
        return notification;
      },
      trigger,
    );
  return section(
    'pay-password',
    'Pay-password story',
    'Server: verifyPwdSeqId → page: verifyPayPwd(transNo) → server: the platform’s result notification.',
    form(
      'pay-password-form',
      'run',
      [{ name: 'openId', label: 'openId (optional)', value: '' }],
      ({ openId }, submit) => void story(openId || undefined, submit),
    ),
    outcome.element,
  );
};
