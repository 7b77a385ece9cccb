import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { Simulation } from './simulation.ts';

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
});
