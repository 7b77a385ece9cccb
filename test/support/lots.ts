import { addOrder } from '../../src/app/orders.ts';
import { plantScenario } from '../../src/app/plant-setup.ts';
import { commissionLot } from '../../src/app/production/lots.ts';
import { withTransaction } from '../../src/app/transaction.ts';
import type { LotRecord } from '../../src/store/repositories/lots.ts';
import { runRepository, type RunRecord } from '../../src/store/repositories/runs.ts';
import type { TestPlant } from './plant.ts';

/**
 * Commissions a lot of `quantity` good rounds of `productId` on line L1 of the small plant, as
 * production would (an order, a run, the lot with its number and marking), for quality and
 * packing tests.
 *
 * @example
 * const lot = await commissionTestLot(plant, 1000);
 */
export async function commissionTestLot(
  plant: TestPlant,
  quantity: number,
  productId = 'ball-ps',
): Promise<LotRecord> {
  const { app, admin } = plant;
  const { productionOrder } = await addOrder(app, admin, {
    consigneeId: 'army',
    productId,
    quantity,
    dueDate: '2027-02-01',
  });
  const at = app.clock.now().toISOString();
  return withTransaction(app.store, async (tx) => {
    const run: RunRecord = {
      id: app.ids.next('run'),
      productionOrderId: productionOrder.id,
      lineId: productId === 'ball-ps' ? 'L1' : 'L2',
      productId,
      startedAt: at,
      endedAt: at,
      processed: quantity,
      good: quantity,
      defective: 0,
      lotted: quantity,
      actor: 'user:admin',
    };
    await runRepository(tx).insert(run);
    return commissionLot(tx, app, await plantScenario(tx), admin, { run, quantity, at });
  });
}
