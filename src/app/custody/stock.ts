import type { Scenario } from '../../domain/scenario/schema.ts';
import type { Executor } from '../../store/database.ts';
import { traceRepository } from '../../store/custody/trace.ts';
import type { LotRecord } from '../../store/repositories/lots.ts';

/**
 * Rounds of each lot the plant's stock records hold (any location, quarantine included): loose
 * rounds, loose boxes, and crates that have not left on a shipment. A lot with no stock record
 * yet is all in quarantine (as `placeCommissionedLot` will put it). Keyed by lot id.
 *
 * @example
 * const rounds = await roundsInPlant(store, scenario, lots); // Map { 'lot-1' => 1000 }
 */
export async function roundsInPlant(
  ex: Executor,
  scenario: Scenario,
  lots: readonly LotRecord[],
): Promise<Map<string, number>> {
  const { loose, crated, placed } = await traceRepository(ex).plantStock();
  const perBox = new Map(scenario.products.map((p) => [p.id, p.packaging.roundsPerBox]));
  const product = new Map(lots.map((l) => [l.id, l.productId]));
  const out = new Map<string, number>();
  const add = (lotId: string, rounds: number): void => void out.set(lotId, (out.get(lotId) ?? 0) + rounds);
  for (const r of loose)
    add(r.lotId, r.form === 'box' ? r.quantity * (perBox.get(product.get(r.lotId) ?? '') ?? 0) : r.quantity);
  for (const [lotId, rounds] of crated) add(lotId, rounds);
  for (const lot of lots) if (!placed.has(lot.id)) add(lot.id, lot.quantity);
  for (const lot of lots) if (!out.has(lot.id)) out.set(lot.id, 0);
  return out;
}
