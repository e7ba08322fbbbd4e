/** Request bodies that misbehave, for handlers called as fetch handlers, and a bound on waiting for them. */

/** A body that sends one byte every `everyMs` until cancelled; `cancelled()` tells whether it was. */
export function tricklingBody(everyMs = 100): {
  readonly stream: ReadableStream<Uint8Array>;
  cancelled(): boolean;
} {
  let timer: ReturnType<typeof setInterval> | undefined;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setInterval(() => controller.enqueue(new Uint8Array([0x61])), everyMs);
    },
    cancel() {
      cancelled = true;
      clearInterval(timer);
    },
  });
  return { stream, cancelled: () => cancelled };
}

/** A POST of `body` (a stream) to `url` with `headers`. */
export const streamedRequest = (
  url: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string>,
): Request => new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** The answer within `ms`, or `'no answer'`. */
export const within = <T>(answer: Promise<T>, ms: number): Promise<T | 'no answer'> =>
  Promise.race([
    answer,
    new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), ms).unref()),
  ]);
