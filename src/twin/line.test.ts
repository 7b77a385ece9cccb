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

const BALL = model.products.findIndex((p) => p.id === 'ball');
const BLANK = model.products.findIndex((p) => p.id === 'blank');

/** Runs line `lineIndex` of the example plant; `work[i]` is the product of step i (cycled). */
function run(
  seed: number,
  steps: readonly number[],
  work: readonly (number | undefined)[],
  lineIndex = 0,
  heartbeat = Infinity,
): TwinLineEvent[] {
  const lineModel = model.lines[lineIndex];
  if (lineModel === undefined) throw new RangeError(`the example plant has no line ${lineIndex}`);
  const line = new TwinLine(lineModel, streamFor(seed, 'line'), toIso, 10, 'L', heartbeat);
  const events: TwinLineEvent[] = [];
  let t = 0;
  steps.forEach((minutes, i) => {
    events.push(...line.step(t, t + minutes, work[i % work.length]));
    t += minutes;
  });
  return events;
}

const minuteOf = (iso: string): number => (Date.parse(iso) - Date.UTC(2027, 0, 4)) / 60_000;

describe('TwinLine', () => {
  it('says only what the ingest accepts: reachable states, growing counters, time in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.constantFrom(undefined, BALL, BLANK), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0, 1),
        fc.constantFrom(Infinity, 3),
        (seed, steps, work, lineIndex, heartbeat) => {
          let cursor: LineCursor = {};
          const ids = new Set<string>();
          let lastId = '';
          const events = run(
            seed,
            steps,
            lineIndex === 0 ? work.map((w) => (w === undefined ? w : BALL)) : work,
            lineIndex,
            heartbeat,
          );
          for (const event of events) {
            expect(ids.has(event.eventId)).toBe(false);
            ids.add(event.eventId);
            // Ids sort in the order said: the records read same-instant events by id.
            expect(event.eventId > lastId).toBe(true);
            lastId = event.eventId;
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
    const idle = run(1, [7 * 1440], [undefined]);
    expect(idle.filter((e) => e.kind === 'count')).toEqual([]);
    const week = run(
      1,
      Array.from({ length: 7 * 24 }, () => 60),
      [BALL],
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

  it('changes over when its work moves to another product: Stopped for set-up, for the matrix time in window time', () => {
    const lineModel = model.lines[1];
    if (lineModel === undefined) throw new RangeError('the example plant has no second line');
    // Two days of ball, then blank: the changeover ball -> blank takes 60 window minutes.
    const days = 4;
    const work = Array.from({ length: days * 24 }, (_, h) => (h < 2 * 24 ? BALL : BLANK));
    const events = run(
      5,
      Array.from({ length: days * 24 }, () => 60),
      work,
      1,
    );
    const changeoverStops = events.filter((e) => e.kind === 'stop' && e.reason === 'changeover');
    expect(changeoverStops).toHaveLength(1);
    const stop = changeoverStops[0];
    if (stop?.kind !== 'stop' || stop.endedAt === undefined) throw new Error('no finished changeover');
    const [from, until] = [minuteOf(stop.at), minuteOf(stop.endedAt)];
    expect(lineModel.calendar.operatingBetween(from, until)).toBeCloseTo(
      lineModel.changeover(BALL, BLANK),
      9,
    );
    // The states: Stopped with the set-up reason when it begins, Idle and Execute when it ends.
    const states = events.filter((e) => e.kind === 'state');
    const begin = states.findIndex((e) => e.state === 'Stopped' && e.reason === 'changeover');
    expect(minuteOf(states[begin]?.at ?? '')).toBe(from);
    expect(states.slice(begin + 1, begin + 3).map((e) => [e.state, minuteOf(e.at)])).toEqual([
      ['Idle', until],
      ['Execute', until],
    ]);
    // Nothing made while setting up.
    const counts = events.filter((e) => e.kind === 'count');
    expect(counts.some((c) => minuteOf(c.at) > from && minuteOf(c.at) < until)).toBe(false);
    expect(counts.some((c) => minuteOf(c.at) > until)).toBe(true);
  });

  it('needs no changeover for the product it is set up for, nor for its first work', () => {
    const events = run(
      5,
      Array.from({ length: 4 * 24 }, () => 60),
      [BLANK],
      1,
    );
    expect(events.some((e) => e.kind === 'state' && e.reason === 'changeover')).toBe(false);
  });

  it('repeats its state after a silence when given a heartbeat, so that a stopped line is not taken for a lost one', () => {
    const lineModel = model.lines[1];
    if (lineModel === undefined) throw new RangeError('the example plant has no second line');
    const line = new TwinLine(lineModel, streamFor(2, 'line'), toIso, 10, 'L', 3);
    const events: TwinLineEvent[] = [];
    for (let h = 0; h < 48; h += 1)
      events.push(...line.step(h * 60, (h + 1) * 60, h < 24 ? undefined : BALL));
    const said = events.filter((e) => e.kind !== 'stop').map((e) => minuteOf(e.at));
    expect(said[0]).toBe(0);
    for (let i = 1; i < said.length; i += 1)
      expect((said[i] ?? 0) - (said[i - 1] ?? 0)).toBeLessThanOrEqual(3);
    expect(said.at(-1)).toBeGreaterThanOrEqual(48 * 60 - 3);
    // While it has no work it only says Stopped again.
    const firstDay = events.filter((e) => minuteOf(e.at) < 24 * 60);
    expect(new Set(firstDay.map((e) => (e.kind === 'state' ? e.state : e.kind)))).toEqual(
      new Set(['Stopped']),
    );
  });
});
