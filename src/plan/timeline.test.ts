import { describe, expect, it } from 'vitest';
import { merge, Timeline } from './timeline.ts';

const day = (d: number, from: number, to: number) => ({
  start: d * 1440 + from * 60,
  end: d * 1440 + to * 60,
});

describe('Timeline', () => {
  const windows = [day(0, 6, 22), day(1, 6, 22), day(2, 6, 22)];

  it('works inside windows and carries over the night', () => {
    const t = Timeline.of(windows);
    expect(t.advance(0, 60)).toEqual({ start: 360, end: 420 });
    // 2 h left on day 0, 1 h more on day 1.
    expect(t.advance(20 * 60, 180)).toEqual({ start: 1200, end: 1440 + 7 * 60 });
    expect(t.advance(23 * 60, 0)).toEqual({ start: 1440 + 360, end: 1440 + 360 });
  });

  it('skips blocked time and says when the calendar runs out', () => {
    const t = Timeline.of(windows, [{ start: 600, end: 1440 + 600 }]);
    expect(t.intervals()).toEqual([day(0, 6, 10), day(1, 10, 22), day(2, 6, 22)]);
    // 100 min until the stop, then 20 min after it.
    expect(t.advance(500, 120)).toEqual({ start: 500, end: 1440 + 620 });
    expect(t.advance(0, 3 * 16 * 60)).toBeUndefined();
  });

  it('starts no earlier than `from`', () => {
    expect(Timeline.of(windows, [], 1440 + 480).intervals()[0]).toEqual(day(1, 8, 22));
  });

  it('merges overlapping and touching intervals', () => {
    expect(merge([day(0, 14, 22), day(0, 6, 14), { start: 5, end: 5 }])).toEqual([day(0, 6, 22)]);
  });
});
