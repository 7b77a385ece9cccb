import { formatLotNumber, headstamp, boxLabel, lotSeriesAt, type LotNumber } from '../../domain/lot/index.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { lotCommissioned } from '../../ledger/builders.ts';
import type { Tx } from '../../store/database.ts';
import { lotRepository, type LotRecord } from '../../store/repositories/lots.ts';
import type { RunRecord } from '../../store/repositories/runs.ts';
import { sequenceRepository } from '../../store/repositories/sequences.ts';
import type { Actor } from '../actor.ts';
import { actorRef } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody, custodyActor } from '../custody.ts';
import { placeCommissionedLot, quarantineLocation } from '../packing/lot-stock.ts';

/**
 * Commissions a lot of `quantity` good rounds from a run: numbers it (MIL-STD-1168 style,
 * unique per plant: manufacturer, year, month, the line as interfix, then a sequence), marks
 * it, records the component lots it consumed (first in, first out), and appends its
 * commissioning to the ledger, all in the caller's transaction.
 *
 * @example
 * const lot = await commissionLot(tx, app, scenario, actor, { run, quantity: 105_600, at: '2026-01-05T18:00:00.000Z' });
 * lot.lotNumber; // 'HSP26A001-001'
 */
export async function commissionLot(
  tx: Tx,
  app: Pick<AppContext, 'ids'>,
  scenario: Scenario,
  actor: Actor,
  input: { run: RunRecord; quantity: number; at: string },
): Promise<LotRecord> {
  const { run, quantity, at } = input;
  const plantId = scenario.plant.id;
  const interfix = Math.max(1, scenario.lines.findIndex((l) => l.id === run.lineId) + 1);
  const series = lotSeriesAt(scenario.plant.manufacturerCode, new Date(at), interfix);
  const seriesKey = formatLotNumber({ ...series, sequence: 1 }).replace(/-\d{3}$/, '');
  const sequence = await sequenceRepository(tx).next(plantId, `lot:${seriesKey}`);
  const number: LotNumber = { ...series, sequence };
  const lotNumber = formatLotNumber(number);
  const product = scenario.products.find((p) => p.id === run.productId);
  const type = product === undefined ? run.productId : product.type.toUpperCase();
  const marking = {
    headstamp: headstamp(number),
    boxLabel: boxLabel(
      number,
      { calibre: product?.calibre ?? '?', type },
      product?.packaging.roundsPerBox ?? 1,
    ),
    unNumber: product?.unNumber ?? null,
    hazardDivision: product?.hazardDivision ?? null,
  };

  const lots = lotRepository(tx);
  const lotId = app.ids.next('lot');
  const consumed: { componentLotId: string; quantity: number }[] = [];
  const shortfall: Record<string, number> = {};
  for (const [componentId, perRound] of Object.entries(product?.bill ?? {})) {
    let need = perRound * quantity;
    for (const stock of await lots.componentLotsInStock(componentId)) {
      if (need === 0) break;
      const take = Math.min(need, stock.remaining);
      if (await lots.consume(stock.id, take)) {
        consumed.push({ componentLotId: stock.id, quantity: take });
        need -= take;
      }
    }
    if (need > 0) shortfall[componentId] = need;
  }
  const by = actorRef(actor);
  const lot: LotRecord = {
    id: lotId,
    plantId,
    lotNumber,
    runId: run.id,
    productId: run.productId,
    lineId: run.lineId,
    quantity,
    marking,
    componentShortfall: shortfall,
    commissionedAt: at,
    actor: by,
  };
  await lots.insert(lot);
  await lots.insertLotComponents(consumed.map((c) => ({ lotId, ...c })));
  // The new lot's rounds wait loose in quarantine for sampling and release, in stock from the start.
  const quarantine = quarantineLocation(scenario);
  await placeCommissionedLot(tx, scenario, lot);
  await appendCustody(tx, [
    lotCommissioned(
      { eventID: app.ids.next('event'), eventTime: at, actor: custodyActor(actor) },
      { product: run.productId, lot: lotNumber, quantity, line: run.lineId, location: quarantine },
    ),
  ]);
  return lot;
}
