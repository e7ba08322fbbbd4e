/**
 * Notification work is paced across event-loop turns: node accepts one new
 * connection per turn, so a turn that handles a whole burst leaves every
 * connection not yet accepted waiting behind it.
 */
import { describe, expect, it } from 'vitest';
import { createPreOrderNotificationHandler } from '../../../src/server/preorder/index.js';
import { NOTIFICATIONS_PER_TURN } from '../../../src/server/shared/receiver/receiver.js';
import { createTurnGate } from '../../../src/server/shared/receiver/turns.js';
import { formOf, MCH_KEY, paid } from '../attacks/helpers.js';

/** A count of event-loop turns, read by `now()`; runs for `turns` turns, then stops on its own. */
function turnCounter(turns: number): { now(): number } {
  let turn = 0;
  const tick = (): void => {
    turn += 1;
    if (turn < turns) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turn };
}

/** How many of `turnsSeen` fell in each turn, in turn order. */
const perTurn = (turnsSeen: readonly number[]): number[] => {
  const counts = new Map<number, number>();
  for (const turn of turnsSeen) counts.set(turn, (counts.get(turn) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => a - b).map((turn) => counts.get(turn)!);
};

describe('the turn gate', () => {
  it('lets at most perTurn waiters through per turn, first come first served', async () => {
    const turns = turnCounter(50);
    const gate = createTurnGate(2);
    const passed: { index: number; turn: number }[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, index) => gate().then(() => passed.push({ index, turn: turns.now() }))),
    );
    expect(passed.map(({ index }) => index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(perTurn(passed.map(({ turn }) => turn))).toEqual([2, 2, 2, 1]);
    const firstOfEach = [passed[0]!.turn, passed[2]!.turn, passed[4]!.turn, passed[6]!.turn];
    expect(firstOfEach.map((turn) => turn - firstOfEach[0]!)).toEqual([0, 1, 2, 3]);
  });
});

describe('a burst of notifications', () => {
  it(`is handled at most ${NOTIFICATIONS_PER_TURN} per event-loop turn`, async () => {
    const turns = turnCounter(200);
    const seen: number[] = [];
    const handler = createPreOrderNotificationHandler({
      key: MCH_KEY,
      onNotification: () => void seen.push(turns.now()),
    });
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        handler(
          new Request('http://127.0.0.1/notify', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: formOf(paid({ out_trade_no: `N${i}`, transaction_id: `TX${i}` })),
          }),
        ).then((reply) => reply.status),
      ),
    );
    expect(replies).toEqual(Array(12).fill(200));
    expect(seen).toHaveLength(12);
    expect(Math.max(...perTurn(seen))).toBeLessThanOrEqual(NOTIFICATIONS_PER_TURN);
  });
});
