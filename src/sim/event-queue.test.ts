import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, SMALL_LIST_LIMIT } from './event-queue.ts';
import { Simulation, type EventModel } from './simulation.ts';

function drain(queue: EventQueue): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (queue.pop()) out.push([queue.time, queue.kind, queue.entity]);
  return out;
}

describe('EventQueue', () => {
  it('orders by time, then priority, then insertion', () => {
    const queue = new EventQueue(2);
    queue.push(5, 1, 0);
    queue.push(5, 2, 0, -1);
    queue.push(3, 3, 0, 10);
    queue.push(5, 4, 0);
    queue.push(5, 5, 0, -1);
    queue.push(1, 6, 0);
    expect(drain(queue).map(([, kind]) => kind)).toEqual([6, 3, 2, 5, 1, 4]);
  });

  it('matches a stable sort on (time, priority) for any schedule, with interleaved pops', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -3, max: 3 }), fc.boolean()), {
          maxLength: 200,
        }),
        (ops) => {
          const queue = new EventQueue(4);
          const pending: { time: number; priority: number; id: number }[] = [];
          const popped: number[] = [];
          const expected: number[] = [];
          const take = (): void => {
            pending.sort((a, b) => a.time - b.time || a.priority - b.priority || a.id - b.id);
            const next = pending.shift();
            expect(queue.pop()).toBe(next !== undefined);
            if (next === undefined) return;
            expected.push(next.id);
            popped.push(queue.entity);
          };
          ops.forEach(([time, priority, popAfter], id) => {
            queue.push(time, 0, id, priority);
            pending.push({ time, priority, id });
            if (popAfter) take();
          });
          expect(queue.size).toBe(pending.length);
          while (pending.length > 0) take();
          expect(popped).toEqual(expected);
        },
      ),
    );
  });

  it('keeps (time, priority, insertion) order across the switch to the heap and back', () => {
    const queue = new EventQueue(4);
    // Ties on time and priority spread over the sorted run, then more than it holds.
    const n = SMALL_LIST_LIMIT * 3;
    for (let id = 0; id < n; id += 1) queue.push(id % 5, 0, id, id % 3 === 0 ? -1 : 0);
    expect(queue.isHeap).toBe(true);
    const expected = Array.from({ length: n }, (_, id) => id).sort(
      (a, b) => (a % 5) - (b % 5) || (a % 3 === 0 ? -1 : 0) - (b % 3 === 0 ? -1 : 0) || a - b,
    );
    const seen: number[] = [];
    while (queue.size > 2) {
      expect(queue.pop()).toBe(true);
      seen.push(queue.entity);
    }
    expect(queue.isHeap).toBe(false); // back to a sorted run once 4 or fewer wait
    // Events pushed after the switch back still come out after equal ones already waiting.
    queue.push(4, 0, 1000, -1);
    queue.push(4, 0, 1001);
    seen.push(...drain(queue).map(([, , entity]) => entity));
    expect(seen).toEqual([...expected.slice(0, n - 2), 1000, ...expected.slice(n - 2), 1001]);
  });

  it('keeps order while the sorted run drifts through its array (many more events than slots)', () => {
    const queue = new EventQueue(4);
    const cycle = [0.2, 0.25, 0.3, 1 / 3];
    let last = -Infinity;
    cycle.forEach((c, line) => queue.push(c, 0, line));
    for (let i = 0; i < 10_000; i += 1) {
      expect(queue.pop()).toBe(true);
      expect(queue.time).toBeGreaterThanOrEqual(last);
      last = queue.time;
      queue.push(queue.time + cycle[queue.entity]!, 0, queue.entity);
    }
    expect(queue.size).toBe(4);
    expect(queue.isHeap).toBe(false);
  });

  it('matches a naive sorted list when the list grows past the sorted run and shrinks again', () => {
    // Bursts of pushes (up to 3x the run's limit) and of pops, with many ties in time and
    // priority, so that the list changes layout many times within one schedule.
    const op = fc.oneof(
      fc.record({
        push: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -2, max: 2 })), {
          minLength: 1,
          maxLength: SMALL_LIST_LIMIT * 3,
        }),
      }),
      fc.record({ pop: fc.integer({ min: 1, max: SMALL_LIST_LIMIT * 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const queue = new EventQueue(4);
        let pending: { time: number; priority: number; id: number }[] = [];
        let now = 0;
        let id = 0;
        for (const o of ops) {
          if ('push' in o) {
            for (const [dt, priority] of o.push) {
              queue.push(now + dt, 0, id, priority);
              pending.push({ time: now + dt, priority, id });
              id += 1;
            }
          } else {
            pending.sort((a, b) => a.time - b.time || a.priority - b.priority || a.id - b.id);
            const taken = pending.slice(0, o.pop);
            pending = pending.slice(o.pop);
            for (const e of taken) {
              expect(queue.pop()).toBe(true);
              expect([queue.time, queue.entity]).toEqual([e.time, e.id]);
              now = e.time;
            }
            if (pending.length === 0) expect(queue.pop()).toBe(false);
          }
          expect(queue.size).toBe(pending.length);
          expect(queue.peekTime()).toBe(Math.min(Infinity, ...pending.map((e) => e.time)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the horizon without taking the later event, and clears', () => {
    const queue = new EventQueue();
    queue.push(3, 7, 1);
    expect(queue.popUntil(2)).toBe(false);
    expect(queue.size).toBe(1);
    expect(queue.popUntil(3)).toBe(true);
    expect([queue.time, queue.kind, queue.entity]).toEqual([3, 7, 1]);
    for (let i = 0; i < 40; i += 1) queue.push(i, 0, i);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.isHeap).toBe(false);
    expect(queue.pop()).toBe(false);
  });

  it('refuses a priority outside the packed range', () => {
    expect(() => new EventQueue().push(0, 0, 0, 40_000)).toThrow(/priority/);
    expect(() => new EventQueue().push(0, 0, 0, 0.5)).toThrow(/priority/);
  });
});

describe('Simulation', () => {
  it('runs events in order up to the horizon and leaves later ones waiting', () => {
    const sim = new Simulation();
    const seen: [number, number][] = [];
    sim.at(10, 1, 0);
    sim.at(2, 2, 0);
    sim.at(30, 3, 0);
    const handled = sim.run(20, (kind) => {
      seen.push([sim.now, kind]);
      if (kind === 2) sim.after(1, 4, 0);
    });
    expect(seen).toEqual([
      [2, 2],
      [3, 4],
      [10, 1],
    ]);
    expect(handled).toBe(3);
    expect(sim.now).toBe(20);
    expect(sim.queue.size).toBe(1);
  });

  it('refuses an event in the past and stops on request', () => {
    const sim = new Simulation();
    sim.at(5, 0, 0);
    sim.at(6, 0, 1);
    sim.run(100, () => sim.stop());
    expect(sim.now).toBe(5);
    expect(() => sim.at(4, 0, 0)).toThrow(/time/);
  });

  it('gives the same sequence on every run (ties resolved by priority, then insertion)', () => {
    const trace = (): string => {
      const sim = new Simulation();
      const log: string[] = [];
      for (let e = 0; e < 5; e += 1) sim.at(1, e % 2, e, e % 3);
      sim.run(10, (kind, entity) => log.push(`${sim.now}:${kind}:${entity}`));
      return log.join(',');
    };
    expect(trace()).toBe('1:0:0,1:1:3,1:1:1,1:0:4,1:0:2');
    expect(trace()).toBe(trace());
  });

  it('runs a model object as it runs a handler, stop included', () => {
    // The example of `runModel`: a line making a box every 0.2 min for an hour.
    class Line implements EventModel {
      boxes = 0;
      constructor(readonly sim: Simulation) {}
      handle(kind: number, line: number): void {
        this.boxes += 1;
        if (this.boxes === 250) this.sim.stop();
        else this.sim.after(0.2, kind, line);
      }
    }
    const sim = new Simulation();
    const model = new Line(sim);
    sim.after(0.2, 0, 0);
    expect(sim.runModel(60, model)).toBe(250);
    expect(sim.now).toBeCloseTo(50, 9);
    // Again without the stop: the same events as a handler function gets.
    const byModel = new Simulation();
    const byHandler = new Simulation();
    const logs: string[][] = [[], []];
    for (const s of [byModel, byHandler]) {
      for (let e = 0; e < 5; e += 1) s.at(1 + (e % 2), e % 3, e, e % 2);
    }
    byModel.runModel(10, { handle: (kind, entity) => logs[0]!.push(`${byModel.now}:${kind}:${entity}`) });
    byHandler.run(10, (kind, entity) => logs[1]!.push(`${byHandler.now}:${kind}:${entity}`));
    expect(logs[0]).toEqual(logs[1]);
    expect(logs[0]).toHaveLength(5);
    expect(byModel.events).toBe(5);
  });
});
