import { describe, expect, it } from 'vitest';
import { mergeScenario } from './merge.ts';
import { closest, formatPath } from './path.ts';

describe('mergeScenario', () => {
  it('merges maps key by key and id-lists by id, appending new ids', () => {
    const base = {
      plant: { id: 'p', name: 'A' },
      lines: [
        { id: 'L1', rate: 1, kind: 'x' },
        { id: 'L2', rate: 2 },
      ],
    };
    const over = {
      extends: 'base.yaml',
      plant: { name: 'B' },
      lines: [
        { id: 'L2', rate: 5 },
        { id: 'C1', rate: 9 },
      ],
    };
    expect(mergeScenario(base, over)).toEqual({
      plant: { id: 'p', name: 'B' },
      lines: [
        { id: 'L1', rate: 1, kind: 'x' },
        { id: 'L2', rate: 5 },
        { id: 'C1', rate: 9 },
      ],
    });
    // Inputs are left as they were.
    expect(base.lines).toHaveLength(2);
  });

  it('replaces lists without ids whole and removes keys set to null', () => {
    expect(mergeScenario({ a: [1, 2, 3], b: 1, c: { d: 1 } }, { a: [4], b: null, c: { d: null } })).toEqual({
      a: [4],
      c: {},
    });
  });
});

describe('paths', () => {
  it('formats indexes and odd keys', () => {
    expect(formatPath(['lines', 2, 'changeovers', 'tracer-t', 'blank'])).toBe(
      'lines[2].changeovers.tracer-t.blank',
    );
    expect(formatPath(['products', 0, 'bill', '7.62'])).toBe('products[0].bill["7.62"]');
    expect(formatPath([])).toBe('(root)');
  });

  it('suggests only close words', () => {
    expect(closest('ratedRat', ['ratedRate', 'rejectRate'])).toBe('ratedRate');
    expect(closest('calender', ['calendar', 'changeovers'])).toBe('calendar');
    expect(closest('dya', ['day'])).toBe('day');
    expect(closest('colour', ['id', 'name', 'country'])).toBeUndefined();
  });
});
