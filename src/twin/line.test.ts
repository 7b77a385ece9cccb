import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReach, validateLineEvent, type LineCursor, advanceCursor } from '../domain/line/index.ts';
import { exampleScenario } from '../domain/scenario/example.ts';
import { compilePlant } from '../sim/plant/model.ts';
import { streamFor } from '../sim/random.ts';
import { TwinLine, type TwinLineEvent } from './line.ts';

const scenario = exampleScenario();
const model = compilePlant(scenario, { horizon: 60 * 1440 });
const toIso = (m: number): string => new Date(Date.UTC(2027, 0, 4) + m * 60_000).toISOString();

function run(seed: number, steps: readonly number[], work: readonly boolean[]): TwinLineEvent[] {
  const lineModel = model.lines[0];
  if (lineModel === undefined) throw new RangeError('the example plant has no assembly line');
  const line = new TwinLine(lineModel, streamFor(seed, 'line'), toIso, 10, 'L');
  const events: TwinLineEvent[] = [];
  let t = 0;
  steps.forEach((minutes, i) => {
    events.push(...line.step(t, t + minutes, work[i % work.length] ?? true));
    t += minutes;
  });
  return events;
}

describe('TwinLine', () => {
  it('says only what the ingest accepts: reachable states, growing counters, time in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        (seed, steps, work) => {
          let cursor: LineCursor = {};
          const ids = new Set<string>();
          for (const event of run(seed, steps, work)) {
            expect(ids.has(event.eventId)).toBe(false);
            ids.add(event.eventId);
            if (event.kind === 'stop') {
              expect(Date.parse(event.endedAt ?? event.at)).toBeGreaterThan(Date.parse(event.at));
              continue;
            }
            const result = validateLineEvent(event, cursor);
            expect(result).toMatchObject({ ok: true });
            if (event.kind === 'state' && cursor.state !== undefined)
              expect(canReach(cursor.state, event.state)).toBe(true);
            if (result.ok) cursor = advanceCursor(cursor, result.event);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('runs only in shift windows and when it has work', () => {
    const idle = run(1, [7 * 1440], [false]);
    expect(idle.filter((e) => e.kind === 'count')).toEqual([]);
    const week = run(
      1,
      Array.from({ length: 7 * 24 }, () => 60),
      [true],
    );
    const counts = week.filter((e) => e.kind === 'count');
    expect(counts.length).toBeGreaterThan(0);
    const lineModel = model.lines[0];
    for (const c of counts) {
      const minute = (Date.parse(c.at) - Date.UTC(2027, 0, 4)) / 60_000;
      // A count closes running time: the minute before it lies in a window.
      expect(lineModel?.calendar.isOpen(minute - 1e-6)).toBe(true);
    }
  });
});
