/**
 * Attack: the upstream sends its headers and then stalls, drips the body one
 * byte at a time, or resets the connection in mid-body. Every client ends the
 * exchange within its deadline with its own error class and a code — never a
 * raw DOMException/TypeError, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { CALLS, familyCalls, TIMEOUT } from './clients.js';
import { rejection } from './family-errors.js';
import { hostileUpstream, type Behaviour } from './hostile-upstream.js';

describe.each([
  ['headers then a stalled body', { kind: 'stall' }, 'upstream_timeout'],
  ['a body dripping one byte every 50 ms', { kind: 'drip', everyMs: 50 }, 'upstream_timeout'],
  ['a connection reset in mid-body', { kind: 'reset' }, 'upstream_interrupted'],
] as [string, Behaviour, string][])('%s', (_name, behaviour, code) => {
  it.each(CALLS)(`%s fails with ${code} within the deadline`, async (call) => {
    const upstream = await hostileUpstream();
    upstream.behave(behaviour);
    const started = performance.now();
    const error = await rejection(call, familyCalls(upstream.url)[call]());
    expect(error.code).toBe(code);
    expect(performance.now() - started).toBeLessThan(TIMEOUT + 1_500);
  });
});
