/**
 * The records the API benchmarks read: fresh SQLite records in a temporary directory with the seed
 * plant, and a plant some months in: 400 orders, and 300 lots made on L1 for three in four of them.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserActor } from '../../src/app/actor.ts';
import type { AppContext } from '../../src/app/context.ts';
import { addOrder } from '../../src/app/orders.ts';
import { plantScenario, setUpPlant } from '../../src/app/plant-setup.ts';
import { commissionLot } from '../../src/app/production/lots.ts';
import { randomIds, systemClock } from '../../src/app/runtime.ts';
import { withTransaction } from '../../src/app/transaction.ts';
import { actorFor } from '../../src/app/users.ts';
import type { Scenario } from '../../src/domain/scenario/index.ts';
import type { Store } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { runRepository, type RunRecord } from '../../src/store/repositories/runs.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';

export interface BenchRecords {
  /** The temporary directory holding `headstamp.db`. */
  readonly dir: string;
  readonly store: Store;
  readonly app: AppContext;
  readonly admin: UserActor;
  readonly scenario: Scenario;
}

/**
 * Makes the benchmark's records (see the file's comment).
 *
 * @example
 * const { store, app, admin } = await benchRecords();
 */
export async function benchRecords(): Promise<BenchRecords> {
  const dir = mkdtempSync(join(tmpdir(), 'headstamp-bench-'));
  const store = openSqlite(join(dir, 'headstamp.db'));
  await migrateToLatest(store);
  const app: AppContext = { store, clock: systemClock, ids: randomIds };
  await setUpPlant(app, undefined, {
    source: readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8'),
  });
  const admin = await actorFor(app, 'admin');
  const scenario = await plantScenario(store);
  for (let i = 0; i < 400; i++) {
    const { productionOrder } = await addOrder(app, admin, {
      consigneeId: i % 2 === 0 ? 'army' : 'police',
      productId: 'ball-ps',
      quantity: 100_000 + i,
      dueDate: '2027-06-30',
    });
    if (i % 4 === 3) continue;
    const at = new Date().toISOString();
    await withTransaction(store, async (tx) => {
      const run: RunRecord = {
        ...{ id: randomIds.next('run'), productionOrderId: productionOrder.id, lineId: 'L1' },
        ...{ productId: 'ball-ps', startedAt: at, endedAt: at, actor: 'user:admin' },
        ...{ processed: 50_000, good: 50_000, defective: 0, lotted: 50_000 },
      };
      await runRepository(tx).insert(run);
      await commissionLot(tx, app, scenario, admin, { run, quantity: 50_000, at });
    });
  }
  return { dir, store, app, admin, scenario };
}
