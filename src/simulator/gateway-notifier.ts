/**
 * The fake gateway's notifier: POSTs a signed form to `notify_url` and, until
 * the answer is the plain text `success`, again after each pause of the
 * schedule (the seed's 0/15/15/30/180/1800/1800/1800/1800/3600 s by
 * default), waiting at most `answerTimeout` for each answer (the seed's 3 s).
 */

/** One delivery attempt. */
export interface NotificationAttempt {
  readonly outTradeNo: string;
  readonly url: string;
  /** The form fields sent, `sign` included. */
  readonly fields: Readonly<Record<string, string>>;
  /** HTTP status, when an answer came. */
  readonly status: number | undefined;
  /** The answer's body, trimmed; `undefined` when none came in time. */
  readonly answer: string | undefined;
}

/** How a notification ended. */
export interface Delivery {
  /** The merchant answered `success`. */
  readonly delivered: boolean;
  readonly attempts: number;
}

/** The seed's notification schedule, in milliseconds. */
export const NOTIFY_SCHEDULE_MS: readonly number[] = [0, 15, 15, 30, 180, 1800, 1800, 1800, 1800, 3600].map(
  (seconds) => seconds * 1000,
);

/** Sends notifications; `close` cancels every pending pause. */
export class Notifier {
  readonly attempts: NotificationAttempt[] = [];
  private readonly pauses = new Map<ReturnType<typeof setTimeout>, () => void>();
  private closed = false;

  constructor(
    private readonly fetch: typeof globalThis.fetch,
    private readonly schedule: readonly number[],
    private readonly answerTimeout: number,
  ) {}

  /** Send once. */
  async send(
    outTradeNo: string,
    url: string,
    fields: Readonly<Record<string, string>>,
  ): Promise<NotificationAttempt> {
    let status: number | undefined;
    let answer: string | undefined;
    try {
      const response = await this.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
        signal: AbortSignal.timeout(this.answerTimeout),
      });
      status = response.status;
      answer = (await response.text()).trim();
    } catch {
      answer = undefined; // unreachable or too slow: counts as a failure, like the provider
    }
    const attempt = { outTradeNo, url, fields, status, answer };
    this.attempts.push(attempt);
    return attempt;
  }

  /** Send on the schedule until `success` or the schedule ends. */
  async deliver(
    outTradeNo: string,
    url: string,
    fields: Readonly<Record<string, string>>,
  ): Promise<Delivery> {
    let attempts = 0;
    for (const pause of this.schedule) {
      await this.pause(pause);
      if (this.closed) break;
      attempts += 1;
      if ((await this.send(outTradeNo, url, fields)).answer === 'success')
        return { delivered: true, attempts };
    }
    return { delivered: false, attempts };
  }

  /** Stop: pending pauses end at once and no further attempt is made. */
  close(): void {
    this.closed = true;
    for (const [timer, wake] of this.pauses) {
      clearTimeout(timer);
      wake();
    }
    this.pauses.clear();
  }

  private pause(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pauses.delete(timer);
        resolve();
      }, ms);
      this.pauses.set(timer, resolve);
    });
  }
}
