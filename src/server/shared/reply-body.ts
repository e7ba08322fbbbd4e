/**
 * Reading an upstream reply's body under the transport's two bounds: a size
 * cap counted while streaming (a 100 MB reply is cut at the cap, never held
 * whole) and the exchange's deadline on every read (a stalled or dripping
 * body ends in time, whatever the `fetch` implementation does with signals).
 */

/** Runs one step of the exchange under its deadline. */
export type Guard = <T>(step: Promise<T>) => Promise<T>;

/** Raised when the body grows past the cap. */
export class OverCap extends Error {
  override name = 'OverCap';
}

const ignore = (): void => undefined;

/** The whole body as bytes, at most `cap` of them; throws {@link OverCap} past it. */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  cap: number,
  guard: Guard,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await guard(reader.read());
      if (done) break;
      size += value.byteLength;
      if (size > cap) throw new OverCap();
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(ignore);
    throw error;
  }
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/**
 * The body as a stream for the caller to read, under the same cap and
 * deadline; `mapError` turns a failure into the error the reader sees and
 * `done` runs once whichever way the stream ends (the deadline's timer).
 */
export function cappedStream(
  body: ReadableStream<Uint8Array> | null,
  cap: number,
  guard: Guard,
  mapError: (error: unknown) => unknown,
  done: () => void,
): ReadableStream<Uint8Array> {
  if (!body) {
    done();
    return new ReadableStream({ start: (controller) => controller.close() });
  }
  const reader = body.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: finished, value } = await guard(reader.read());
        if (finished) {
          done();
          return controller.close();
        }
        size += value.byteLength;
        if (size > cap) throw new OverCap();
        controller.enqueue(value);
      } catch (error) {
        done();
        reader.cancel().catch(ignore);
        controller.error(mapError(error));
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason).catch(ignore);
    },
  });
}
