import { RefusedError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { toEventTime, type EventOrigin, type LotQuantity } from '../../ledger/builders.ts';
import type { ObjectEvent } from '../../ledger/event.ts';
import { eventUri, locationUri, lotClassUri } from '../../ledger/identifiers.ts';
import type { Executor, Tx } from '../../store/database.ts';
import type { LotRecord } from '../../store/repositories/lots.ts';
import { stockRepository, type LotStockRecord } from '../../store/repositories/stock.ts';

/**
 * Where a new lot's rounds go: the scenario's first quarantine location (lots wait there for
 * sampling and release).
 *
 * @example
 * quarantineLocation(scenario); // 'quarantine'
 */
export function quarantineLocation(scenario: Scenario): string {
  const location = scenario.storage.find((s) => s.kind === 'quarantine') ?? scenario.storage[0];
  if (location === undefined) {
    throw new RefusedError('stock.no_location', 'the plant has no storage location', [
      'add a quarantine location to the scenario (storage)',
    ]);
  }
  return location.id;
}

/**
 * Puts a commissioned lot's rounds into stock, loose, in quarantine: once per lot (a lot that has
 * stock records already is left alone, so calling it again does nothing). Commissioning may call
 * it in its own transaction; the packing and quality use cases call it before touching a lot's
 * stock, so a lot commissioned without it is still found where the ledger says it went.
 *
 * @example
 * await placeCommissionedLot(tx, scenario, lot);
 */
export async function placeCommissionedLot(tx: Tx, scenario: Scenario, lot: LotRecord): Promise<void> {
  const stock = stockRepository(tx);
  if (await stock.hasAnyStock(lot.id)) return;
  await stock.addLoose(lot.id, quarantineLocation(scenario), 'round', lot.quantity);
}

/**
 * A lot's loose stock as the records hold it, or (for a lot not yet placed) as it will be
 * placed: all its rounds loose in quarantine. For reads, which start no transaction.
 *
 * @example
 * await looseStockOf(store, scenario, lot); // [{ locationId: 'quarantine', form: 'round', quantity: 105_600, ... }]
 */
export async function looseStockOf(
  ex: Executor,
  scenario: Scenario,
  lot: LotRecord,
): Promise<LotStockRecord[]> {
  const stock = stockRepository(ex);
  if (await stock.hasAnyStock(lot.id)) return stock.looseOfLot(lot.id);
  return [{ lotId: lot.id, locationId: quarantineLocation(scenario), form: 'round', quantity: lot.quantity }];
}

/**
 * Takes `quantity` loose rounds of a lot from one location (the given one, else the location
 * holding most of them), refusing when no location holds enough. Returns the location.
 *
 * @example
 * const from = await takeLooseRounds(tx, lot, 500); // 'quarantine'
 */
export async function takeLooseRounds(
  tx: Tx,
  lot: LotRecord,
  quantity: number,
  locationId?: string,
): Promise<string> {
  const stock = stockRepository(tx);
  const rows = (await stock.looseOfLot(lot.id)).filter(
    (r) => r.form === 'round' && (locationId === undefined || r.locationId === locationId),
  );
  const best = rows.sort((a, b) => b.quantity - a.quantity)[0];
  if (
    best === undefined ||
    best.quantity < quantity ||
    !(await stock.addLoose(lot.id, best.locationId, 'round', -quantity))
  ) {
    throw new RefusedError('stock.not_enough', `lot ${lot.lotNumber} has not enough loose rounds`, [
      `${quantity} loose rounds needed${locationId === undefined ? '' : ` at ${locationId}`}; the most at one place is ${best?.quantity ?? 0}${best === undefined ? '' : ` at ${best.locationId}`}`,
    ]);
  }
  return best.locationId;
}

/**
 * Loose rounds (or boxes, counted in rounds) of a lot moved between locations inside the plant:
 * an OBSERVE with the source and destination, as `crateMoved` does for crates.
 *
 * @example
 * looseStockMoved(origin, { product: 'ball-ps', lot: 'HSP26L001-001', quantity: 400, from: 'quarantine', to: 'magazine-1' });
 */
export function looseStockMoved(
  origin: EventOrigin,
  act: LotQuantity & { from: string; to: string },
): ObjectEvent {
  return {
    type: 'ObjectEvent',
    action: 'OBSERVE',
    eventID: eventUri(origin.eventID),
    eventTime: toEventTime(origin.eventTime),
    eventTimeZoneOffset: origin.eventTimeZoneOffset ?? '+00:00',
    actor: origin.actor,
    ...(origin.approver === undefined ? {} : { approver: origin.approver }),
    ...(origin.reason === undefined ? {} : { reason: origin.reason }),
    quantityList: [{ epcClass: lotClassUri(act.product, act.lot), quantity: act.quantity }],
    bizStep: 'storing',
    disposition: 'active',
    bizLocation: { id: locationUri(act.to) },
    sourceList: [{ type: 'location', source: locationUri(act.from) }],
    destinationList: [{ type: 'location', destination: locationUri(act.to) }],
  };
}
