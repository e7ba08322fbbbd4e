/**
 * Pacing of notification work across event-loop turns. Node accepts one new
 * connection per turn (libuv ≥ 1.45), and a turn lasts as long as the work of
 * every request that became readable in it: under a burst, a connection not
 * yet accepted waits behind hundreds of requests on connections that were.
 * Letting a few notifications through per turn keeps turns short, so new
 * connections are accepted and store replies read while a burst is served,
 * and serves notifications in the order they arrived.
 */

/** Resolves in a later turn, once at most `perTurn` earlier waiters went through in that turn. */
export type TurnGate = () => Promise<void>;

/**
 * Create a gate that lets at most `perTurn` waiters through per event-loop turn, first come first served.
 *
 * @example
 * ```ts
 * const gate = createTurnGate(4);
 * await gate(); // then verify and handle one notification
 * ```
 */
export function createTurnGate(perTurn: number): TurnGate {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const pump = (): void => {
    scheduled = false;
    for (let i = 0; i < perTurn && waiting.length > 0; i++) waiting.shift()!();
    if (waiting.length > 0) schedule();
  };
  const schedule = (): void => {
    scheduled = true;
    setImmediate(pump);
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!scheduled) schedule();
    });
}
