import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { orderOnLine } from '../../../test/support/orders.ts';
import { setUpTestPlant } from '../../../test/support/plant.ts';
import { lotRepository } from '../../store/repositories/lots.ts';
import { runRepository } from '../../store/repositories/runs.ts';
import { ingestLineEvents } from './ingest.ts';
import { receiveComponents } from './components.ts';

// Any sequence of valid acts (deliveries of components, batches of line counts, resent
// batches) conserves quantity: every run has processed = good + defective, the runs hold
// exactly the rounds the line counters grew by, lots hold only good rounds and never more than
// were made, and component stock never goes negative: what left it is what the lots consumed.

type Act =
  | { kind: 'receive'; component: 'case' | 'primer' | 'bullet'; quantity: number }
  | { kind: 'counts'; line: 'L1'; steps: { good: number; defective: number }[] }
  | { kind: 'resend' };

const act: fc.Arbitrary<Act> = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    component: fc.constantFrom('case' as const, 'primer' as const, 'bullet' as const),
    quantity: fc.integer({ min: 1, max: 4000 }),
  }),
  fc.record({
    kind: fc.constant('counts' as const),
    line: fc.constant('L1' as const),
    steps: fc.array(
      fc.record({ good: fc.integer({ min: 0, max: 700 }), defective: fc.integer({ min: 0, max: 20 }) }),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
  }),
  fc.constant({ kind: 'resend' as const }),
);

const suppliers = { case: 'Supplier A', primer: 'Supplier B', bullet: 'Supplier A' } as const;

describe('conservation of quantity', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it('holds for any sequence of valid acts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(act, { minLength: 1, maxLength: 8 }), async (acts) => {
        await t.reset();
        const { app, admin } = await setUpTestPlant(t.store);
        app.clock.advance(24 * 60 * 60_000);
        await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 6000 });
        await orderOnLine(app, admin, { lineId: 'L1', productId: 'ball-ps', quantity: 1_000_000 });
        let processed = 0;
        let defective = 0;
        let seq = 0;
        let lastBatch: unknown[] = [];
        let receipts = 0;
        for (const a of acts) {
          if (a.kind === 'receive') {
            receipts += 1;
            await receiveComponents(app, admin, {
              componentId: a.component,
              supplier: suppliers[a.component],
              supplierLot: `S-${receipts}`,
              quantity: a.quantity,
            });
          } else if (a.kind === 'counts') {
            lastBatch = a.steps.map((s) => {
              processed += s.good + s.defective;
              defective += s.defective;
              seq += 1;
              return {
                eventId: `c${seq}`,
                kind: 'count',
                lineId: a.line,
                at: new Date(Date.UTC(2027, 0, 4, 3, 0, seq)).toISOString(),
                processed,
                defective,
              };
            });
            const r = await ingestLineEvents(app, admin, lastBatch);
            expect(r.refused).toBe(0);
          } else {
            const r = await ingestLineEvents(app, admin, lastBatch);
            expect(r.accepted).toBe(0);
          }
        }
        const runs = await runRepository(t.store).list();
        for (const run of runs) {
          expect(run.processed).toBe(run.good + run.defective);
          expect(run.lotted).toBeLessThanOrEqual(run.good);
        }
        expect(runs.reduce((s, r) => s + r.processed, 0)).toBe(processed);
        expect(runs.reduce((s, r) => s + r.defective, 0)).toBe(defective);
        const lots = lotRepository(t.store);
        const allLots = await lots.list();
        for (const run of runs) {
          const inLots = allLots.filter((l) => l.runId === run.id).reduce((s, l) => s + l.quantity, 0);
          expect(inLots).toBe(run.lotted);
        }
        const componentLots = await lots.componentLots();
        for (const c of componentLots) expect(c.remaining).toBeGreaterThanOrEqual(0);
        // Each round takes one case, one primer and one bullet: consumed + shortfall = rounds lotted.
        for (const component of ['case', 'primer', 'bullet']) {
          let consumed = 0;
          for (const l of allLots) {
            consumed += (await lots.lotComponents(l.id))
              .filter((c) => c.componentId === component)
              .reduce((s, c) => s + c.quantity, 0);
          }
          const left = componentLots.filter((c) => c.componentId === component);
          expect(left.reduce((s, c) => s + c.received - c.remaining, 0)).toBe(consumed);
          const short = allLots.reduce((s, l) => s + (l.componentShortfall[component] ?? 0), 0);
          expect(consumed + short).toBe(allLots.reduce((s, l) => s + l.quantity, 0));
        }
      }),
      { numRuns: t.dialect === 'sqlite' ? 25 : 6, seed: 20261122 },
    );
  });
});
