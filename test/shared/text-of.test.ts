import { describe, expect, it } from 'vitest';
import { textOf } from '../../src/shared/text-of.js';

describe('textOf', () => {
  it('keeps a string as it is', () => {
    expect(textOf('c02')).toBe('c02');
  });

  it('writes an object as JSON rather than [object Object]', () => {
    expect(textOf({ detail: { reason: 'x' } })).toBe('{"detail":{"reason":"x"}}');
  });

  it('writes an array as JSON', () => {
    expect(textOf(['a', 1])).toBe('["a",1]');
  });

  it('writes numbers, booleans, null and undefined by String()', () => {
    expect([textOf(42), textOf(false), textOf(null), textOf(undefined)]).toEqual([
      '42',
      'false',
      'null',
      'undefined',
    ]);
  });

  it('names the type of an object JSON cannot write instead of throwing', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(textOf(cyclic)).toBe('[object Object]');
    expect(textOf({ big: 1n })).toBe('[object Object]');
  });
});
